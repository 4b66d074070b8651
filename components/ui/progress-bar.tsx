"use client";
import { Label, ProgressBar as AriaProgressBar } from "react-aria-components";
import { cx } from "@/components/ui/cx";

type Tone = "accent" | "positive" | "negative";
const fill: Record<Tone, string> = { accent: "bg-accent", positive: "bg-positive", negative: "bg-negative" };

/** Spectrum's progress bar: a label, the value text, and a thin track. role=progressbar with aria-valuenow. */
export function ProgressBar({
  label,
  value,
  valueText,
  tone = "accent",
  hideLabel,
  size = "md",
  className,
}: {
  label: string;
  /** 0–100 */
  value: number;
  valueText?: string;
  tone?: Tone;
  hideLabel?: boolean;
  size?: "sm" | "md";
  className?: string;
}) {
  return (
    <AriaProgressBar
      value={value}
      valueLabel={valueText}
      aria-label={hideLabel ? label : undefined}
      className={cx("flex w-full flex-col gap-1", className)}
    >
      {({ percentage, valueText: text }) => (
        <>
          {!hideLabel && (
            <div className="flex justify-between gap-2 text-xs">
              <Label className="truncate text-ink">{label}</Label>
              <span className="shrink-0 tabular-nums text-ink-muted">{text}</span>
            </div>
          )}
          <div className={cx("w-full overflow-hidden rounded-full bg-line", size === "sm" ? "h-1" : "h-1.5")}>
            <div
              className={cx("h-full rounded-full transition-[width] duration-150", fill[tone])}
              style={{ width: `${percentage ?? 0}%` }}
            />
          </div>
        </>
      )}
    </AriaProgressBar>
  );
}
