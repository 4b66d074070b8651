"use client";
import { X } from "lucide-react";
import { IconButton } from "@/components/ui/button";
import { useCommandHost } from "@/components/assets/commands/command-host";
import { CommandButton } from "@/components/assets/commands/command-button";
import type { SelectedItem } from "@/lib/assets/types";

/**
 * AEM's selection mode: the title bar turns into an action bar with a close (✕), the count, and
 * the registry's commands for what is selected.
 */
export function SelectionBar({
  items,
  onClose,
  onSelectAll,
  allSelected,
}: {
  items: SelectedItem[];
  onClose: () => void;
  onSelectAll?: () => void;
  allSelected?: boolean;
}) {
  const { available } = useCommandHost();
  const commands = available(items);
  return (
    <div
      role="toolbar"
      aria-label="Selection"
      className="sticky top-12 z-30 flex min-h-[4.75rem] flex-wrap items-center gap-2 border-b border-accent/30 bg-accent-soft px-4 py-2"
    >
      <IconButton label="Close selection" onPress={onClose}>
        <X size={20} aria-hidden />
      </IconButton>
      <span className="mr-3 text-lg font-bold" aria-live="polite">
        {items.length} selected
      </span>
      {onSelectAll && !allSelected && (
        <button
          type="button"
          onClick={onSelectAll}
          className="mr-2 rounded px-2 py-1 text-sm font-semibold text-accent hover:bg-black/5"
        >
          Select all on this page
        </button>
      )}
      <div className="flex flex-wrap items-center gap-1 border-l border-accent/30 pl-2">
        {commands.map((c) => (
          <CommandButton key={c.id} command={c} items={items} variant="toolbar" />
        ))}
        {commands.length === 0 && <span className="text-sm text-ink-muted">No action applies to this selection.</span>}
      </div>
    </div>
  );
}
