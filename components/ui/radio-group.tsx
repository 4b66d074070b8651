"use client";
import { Label, Radio as AriaRadio, RadioGroup as AriaRadioGroup, type RadioGroupProps } from "react-aria-components";
import { cx } from "@/components/ui/cx";
import { labelClass } from "@/components/ui/text-field";

/** A labelled group of radio buttons (Spectrum style: a ring that fills when selected). */
export function RadioGroup({
  label,
  options,
  className,
  ...props
}: Omit<RadioGroupProps, "children"> & {
  label: string;
  options: { id: string; label: string }[];
  className?: string;
}) {
  return (
    <AriaRadioGroup {...props} className={cx("flex flex-col gap-1.5", className)}>
      <Label className={labelClass}>{label}</Label>
      {options.map((o) => (
        <AriaRadio key={o.id} value={o.id} className="group flex cursor-default items-center gap-2 text-sm">
          <span
            aria-hidden
            className="h-4 w-4 rounded-full border-2 border-ink-muted bg-surface transition-all group-data-[selected]:border-[5px] group-data-[selected]:border-accent group-data-[focus-visible]:outline group-data-[focus-visible]:outline-2 group-data-[focus-visible]:outline-offset-2 group-data-[focus-visible]:outline-accent"
          />
          {o.label}
        </AriaRadio>
      ))}
    </AriaRadioGroup>
  );
}
