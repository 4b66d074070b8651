import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import { cx } from "@/components/ui/cx";

type Tone = "info" | "positive" | "notice" | "negative";

const tones: Record<Tone, { box: string; Icon: typeof Info }> = {
  info: { box: "border-accent bg-accent-soft", Icon: Info },
  positive: { box: "border-positive bg-positive-soft", Icon: CheckCircle2 },
  notice: { box: "border-notice bg-notice-soft", Icon: AlertTriangle },
  negative: { box: "border-negative bg-negative-soft", Icon: XCircle },
};

const iconColor: Record<Tone, string> = {
  info: "text-accent",
  positive: "text-positive",
  notice: "text-notice",
  negative: "text-negative",
};

/** An inline message banner. Errors use role=alert so screen readers announce them. */
export function Alert({
  tone = "info",
  title,
  children,
  className,
}: {
  tone?: Tone;
  title?: string;
  children?: React.ReactNode;
  className?: string;
}) {
  const { box, Icon } = tones[tone];
  return (
    <div
      role={tone === "negative" ? "alert" : "status"}
      className={cx("flex gap-2.5 rounded border-l-4 px-3 py-2.5 text-sm", box, className)}
    >
      <Icon size={18} className={cx("mt-0.5 shrink-0", iconColor[tone])} aria-hidden />
      <div className="min-w-0">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className="break-words">{children}</div>}
      </div>
    </div>
  );
}
