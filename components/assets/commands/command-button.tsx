"use client";
import { ChevronDown } from "lucide-react";
import { Button as AriaButton, Link as AriaLink } from "react-aria-components";
import { Menu, MenuItem } from "@/components/ui/menu";
import { cx } from "@/components/ui/cx";
import { useCommandHost } from "@/components/assets/commands/command-host";
import type { AssetCommand } from "@/components/assets/commands/types";
import type { SelectedItem } from "@/lib/assets/types";

const toolbarClass =
  "focus-ring inline-flex h-8 items-center gap-1.5 rounded px-2.5 text-sm font-semibold text-ink data-[hovered]:bg-black/5 data-[pressed]:bg-black/10";
const quickClass =
  "focus-ring inline-flex h-8 w-8 items-center justify-center rounded-full bg-surface/95 text-ink shadow ring-1 ring-black/10 data-[hovered]:bg-accent data-[hovered]:text-white";

/** One command as a selection-bar button (icon + label) or a card quick action (round icon). */
export function CommandButton({
  command,
  items,
  variant,
}: {
  command: AssetCommand;
  items: SelectedItem[];
  variant: "toolbar" | "quick";
}) {
  const host = useCommandHost();
  const Icon = command.icon;
  const cls = cx(
    variant === "toolbar" ? toolbarClass : quickClass,
    command.destructive && variant === "toolbar" && "text-negative",
  );
  const body =
    variant === "toolbar" ? (
      <>
        <Icon size={16} aria-hidden />
        {command.label}
      </>
    ) : (
      <Icon size={16} aria-hidden />
    );
  const label = variant === "quick" ? command.label : undefined;

  if (command.children) {
    const subs = command.children.filter((c) => c.isAvailable?.(items, host.place) ?? true);
    return (
      <Menu
        label={command.label}
        placement="bottom start"
        trigger={
          <AriaButton aria-label={label} className={cls}>
            {body}
            {variant === "toolbar" && <ChevronDown size={14} aria-hidden />}
          </AriaButton>
        }
      >
        {subs.map((c) => (
          <MenuItem
            key={c.id}
            href={c.href?.(items, host.place)}
            onAction={c.Dialog ? () => host.open(c, items) : undefined}
            className={c.destructive ? "text-negative" : undefined}
          >
            <c.icon size={16} aria-hidden /> {c.label}
          </MenuItem>
        ))}
      </Menu>
    );
  }
  if (command.href) {
    const href = command.href(items, host.place);
    return command.download ? (
      <a href={href} download aria-label={label} title={label} className={cls}>
        {body}
      </a>
    ) : (
      <AriaLink href={href} aria-label={label} className={cls}>
        {body}
      </AriaLink>
    );
  }
  return (
    <AriaButton aria-label={label} className={cls} onPress={() => host.open(command, items)}>
      {body}
    </AriaButton>
  );
}
