"use client";
import {
  Button as AriaButton,
  Link as AriaLink,
  ProgressBar as AriaProgressBar,
  type ButtonProps,
  type LinkProps,
} from "react-aria-components";
import { LoaderCircle } from "lucide-react";
import { cx } from "@/components/ui/cx";

export type Variant = "primary" | "secondary" | "quiet" | "negative";

const base =
  "focus-ring inline-flex items-center justify-center gap-1.5 rounded-full px-4 h-8 text-sm font-semibold whitespace-nowrap transition-colors cursor-default select-none data-[disabled]:opacity-45 data-[disabled]:cursor-not-allowed data-[pending]:cursor-progress";

const variants: Record<Variant, string> = {
  primary: "bg-accent text-white data-[hovered]:bg-accent-hover data-[pressed]:bg-accent-down",
  secondary: "border-2 border-line-strong bg-surface text-ink data-[hovered]:bg-canvas data-[pressed]:bg-line",
  quiet: "text-ink data-[hovered]:bg-black/5 data-[pressed]:bg-black/10 px-3",
  negative: "bg-negative text-white data-[hovered]:bg-negative-hover",
};

export function buttonClass(variant: Variant = "secondary", className?: string) {
  return cx(base, variants[variant], className);
}

/**
 * While its own action runs, pass `isPending`, not `isDisabled`: a disabled button drops keyboard
 * focus to <body> (and with it Escape for the dialog around it); a pending one keeps focus, ignores
 * presses, does not submit its form, and shows and announces a spinner.
 */
export function Button({
  variant = "secondary",
  className,
  children,
  ...props
}: ButtonProps & { variant?: Variant; className?: string }) {
  return (
    <AriaButton {...props} className={buttonClass(variant, className)}>
      {(values) => (
        <>
          {typeof children === "function" ? children(values) : children}
          {values.isPending && (
            <AriaProgressBar isIndeterminate aria-label="In progress" className="inline-flex">
              <LoaderCircle size={14} className="animate-spin" aria-hidden />
            </AriaProgressBar>
          )}
        </>
      )}
    </AriaButton>
  );
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
