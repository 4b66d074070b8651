"use client";
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import { assetCommands } from "@/components/assets/commands/registry";
import type { AssetCommand, CommandContext, CommandPlace } from "@/components/assets/commands/types";
import type { FolderRef, SelectedItem } from "@/lib/assets/types";

type Host = {
  place: CommandPlace;
  /** The registry's commands offered for these items here, in toolbar order. */
  available: (items: SelectedItem[]) => AssetCommand[];
  /** Those of them that also show as a card's quick actions. */
  quickActions: (item: SelectedItem) => AssetCommand[];
  /** Opens a command's dialog for these items. */
  open: (command: AssetCommand, items: SelectedItem[]) => void;
};

const HostContext = createContext<Host | null>(null);

export function useCommandHost(): Host {
  const h = useContext(HostContext);
  if (!h) throw new Error("useCommandHost outside <CommandHost>");
  return h;
}

const isOffered = (c: AssetCommand, items: SelectedItem[], place: CommandPlace) =>
  items.length > 0 && c.places.includes(place) && (c.isAvailable?.(items, place) ?? true);

/**
 * Runs the commands of `assetCommands` for one place (Assets console, a collection, the
 * Collections list): the selection bar and the cards ask it what to offer and open dialogs here.
 */
export function CommandHost({
  place,
  folder,
  collection,
  onDone,
  children,
}: {
  place: CommandPlace;
  folder?: FolderRef;
  collection?: CommandContext["collection"];
  /** After a command's change; `command` is its id (the details page leaves after a delete). */
  onDone: (opts: { keepSelection?: boolean; command: string }) => void;
  children: React.ReactNode;
}) {
  const [active, setActive] = useState<{ command: AssetCommand; items: SelectedItem[] } | null>(null);
  const available = useCallback(
    (items: SelectedItem[]) => assetCommands.filter((c) => c.toolbar !== false && isOffered(c, items, place)),
    [place],
  );
  const quickActions = useCallback(
    (item: SelectedItem) => assetCommands.filter((c) => c.quickAction && isOffered(c, [item], place)),
    [place],
  );
  const open = useCallback((command: AssetCommand, items: SelectedItem[]) => setActive({ command, items }), []);
  const host = useMemo(() => ({ place, available, quickActions, open }), [place, available, quickActions, open]);
  const Active = active?.command.Dialog;
  return (
    <HostContext.Provider value={host}>
      {children}
      {active && Active && (
        <Active
          items={active.items}
          place={place}
          folder={folder}
          collection={collection}
          close={() => setActive(null)}
          done={(opts = {}) => {
            setActive(null);
            onDone({ ...opts, command: active.command.id });
          }}
        />
      )}
    </HostContext.Provider>
  );
}
