"use client";
import {
  Menu as AriaMenu,
  MenuItem as AriaMenuItem,
  MenuTrigger,
  Popover,
  Separator,
  type MenuItemProps,
} from "react-aria-components";
import { cx } from "@/components/ui/cx";

/** A button that opens a menu: <Menu trigger={<Button>…</Button>}><MenuItem …/></Menu>. */
export function Menu({
  trigger,
  children,
  label,
  placement = "bottom end",
}: {
  trigger: React.ReactNode;
  children: React.ReactNode;
  label: string;
  placement?: "bottom start" | "bottom end";
}) {
  return (
    <MenuTrigger>
      {trigger}
      <Popover
        placement={placement}
        className="min-w-48 rounded border border-line bg-surface py-1 shadow-lg outline-none"
      >
        <AriaMenu aria-label={label} className="outline-none">
          {children}
        </AriaMenu>
      </Popover>
    </MenuTrigger>
  );
}

export function MenuItem({
  className,
  destructive,
  ...props
}: MenuItemProps & { className?: string; destructive?: boolean }) {
  return (
    <AriaMenuItem
      {...props}
      className={cx(
        "flex cursor-default items-center gap-2 px-3 py-1.5 text-sm outline-none data-[focused]:bg-accent-soft data-[disabled]:opacity-40",
        destructive && "text-negative",
        className,
      )}
    />
  );
}

export function MenuSeparator() {
  return <Separator className="my-1 border-t border-line" />;
}
