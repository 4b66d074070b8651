"use client";
import { useEffect, useRef } from "react";
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
  const bar = useRestoreFocusOnClose();
  return (
    <div
      ref={bar}
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

/**
 * The bar goes away with the selection (✕, Escape, a command's end), taking keyboard focus with it
 * to <body>: focus goes back to what was focused last outside it, the checkbox of the card or row
 * selected last, when that is still on the page.
 */
function useRestoreFocusOnClose() {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const outside = (el: Element | null): el is HTMLElement =>
      el instanceof HTMLElement && el !== document.body && !bar.current?.contains(el);
    let last = outside(document.activeElement) ? document.activeElement : null;
    const track = (e: FocusEvent) => {
      if (outside(e.target as Element)) last = e.target as HTMLElement;
    };
    document.addEventListener("focusin", track);
    return () => {
      document.removeEventListener("focusin", track);
      const lost = !document.activeElement || document.activeElement === document.body;
      if (lost && last?.isConnected) last.focus();
    };
  }, []);
  return bar;
}
