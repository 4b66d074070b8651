"use client";
import { Checkbox as AriaCheckbox, type CheckboxProps } from "react-aria-components";
import { Check, Minus } from "lucide-react";
import { cx } from "@/components/ui/cx";

export function Checkbox({
  children,
  className,
  ...props
}: CheckboxProps & { className?: string; children?: React.ReactNode }) {
  return (
    <AriaCheckbox {...props} className={cx("group flex items-center gap-2 text-sm cursor-default", className)}>
      {({ isSelected, isIndeterminate }) => (
        <>
          <span
            className={cx(
              "flex h-4 w-4 shrink-0 items-center justify-center rounded-sm border-2 transition-colors",
              "group-data-[focus-visible]:outline group-data-[focus-visible]:outline-2 group-data-[focus-visible]:outline-offset-2 group-data-[focus-visible]:outline-accent",
              // one set or the other: with both, Tailwind's CSS order (not this order) would pick the colours
              isSelected || isIndeterminate ? "border-accent bg-accent text-white" : "border-ink-muted bg-surface",
            )}
          >
            {isIndeterminate ? (
              <Minus size={12} strokeWidth={3} />
            ) : isSelected ? (
              <Check size={12} strokeWidth={3} />
            ) : null}
          </span>
          {children}
        </>
      )}
    </AriaCheckbox>
  );
}
