"use client";
import { Button as AriaButton, Link as AriaLink, type ButtonProps, type LinkProps } from "react-aria-components";
import { cx } from "@/components/ui/cx";

export type Variant = "primary" | "secondary" | "quiet" | "negative";

const base =
  "focus-ring inline-flex items-center justify-center gap-1.5 rounded-full px-4 h-8 text-sm font-semibold whitespace-nowrap transition-colors cursor-default select-none data-[disabled]:opacity-45 data-[disabled]:cursor-not-allowed";

const variants: Record<Variant, string> = {
  primary: "bg-accent text-white data-[hovered]:bg-accent-hover data-[pressed]:bg-accent-down",
  secondary: "border-2 border-line-strong bg-surface text-ink data-[hovered]:bg-canvas data-[pressed]:bg-line",
  quiet: "text-ink data-[hovered]:bg-black/5 data-[pressed]:bg-black/10 px-3",
  negative: "bg-negative text-white data-[hovered]:bg-negative-hover",
};

export function buttonClass(variant: Variant = "secondary", className?: string) {
  return cx(base, variants[variant], className);
}

export function Button({
  variant = "secondary",
  className,
  ...props
}: ButtonProps & { variant?: Variant; className?: string }) {
  return <AriaButton {...props} className={buttonClass(variant, className)} />;
}

/** A link that looks like a button (navigation, downloads). */
export function LinkButton({
  variant = "secondary",
  className,
  ...props
}: LinkProps & { variant?: Variant; className?: string }) {
  return <AriaLink {...props} className={buttonClass(variant, className)} />;
}

/** A square icon-only button; `label` is its accessible name and tooltip. */
export function IconButton({ label, className, ...props }: ButtonProps & { label: string; className?: string }) {
  return (
    <AriaButton
      {...props}
      aria-label={label}
      className={cx(
        "focus-ring inline-flex h-8 w-8 items-center justify-center rounded text-ink-muted data-[hovered]:bg-black/5 data-[hovered]:text-ink data-[pressed]:bg-black/10 data-[disabled]:opacity-40",
        className,
      )}
    />
  );
}
