import { cx } from "@/components/ui/cx";

export type StatusTone = "positive" | "notice" | "negative" | "neutral" | "info";

const dot: Record<StatusTone, string> = {
  positive: "bg-positive",
  notice: "bg-notice",
  negative: "bg-negative",
  neutral: "bg-ink-muted/60",
  info: "bg-accent",
};

/** Spectrum's status light: a coloured dot and a label (the label carries the meaning, not the colour). */
export function StatusLight({
  tone,
  children,
  className,
}: {
  tone: StatusTone;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <span className={cx("inline-flex items-center gap-2 text-sm", className)}>
      <span className={cx("h-2 w-2 shrink-0 rounded-full", dot[tone])} aria-hidden />
      {children}
    </span>
  );
}
