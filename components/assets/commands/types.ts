import type { ComponentType } from "react";
import type { LucideIcon } from "lucide-react";
import type { FolderRef, SelectedItem } from "@/lib/assets/types";

/**
 * Where a command is offered: the Assets console (folders and assets), a collection's members
 * (assets), or the Collections list (collections).
 */
export type CommandPlace = "assets" | "collection" | "collections";

/** What a command's dialog receives. */
export type CommandContext = {
  /** The selection, or the one card a quick action was used on. */
  items: SelectedItem[];
  place: CommandPlace;
  /** The folder being browsed (Assets console only). */
  folder?: FolderRef;
  /** The collection being shown (a collection's members only). */
  collection?: { id: string; name: string; title: string };
  /** Closes the dialog without changes. */
  close: () => void;
  /** Closes the dialog after a change: reloads the data and, unless told otherwise, leaves selection mode. */
  done: (opts?: { keepSelection?: boolean }) => void;
};

/**
 * A command of the selection toolbar (and, with `quickAction`, of a card's hover actions). Exactly
 * one of `href`, `Dialog` or `children` says what it does.
 */
export type AssetCommand = {
  id: string;
  label: string;
  icon: LucideIcon;
  places: CommandPlace[];
  /** Offered only when this holds for the selection (default: anything selected). */
  isAvailable?: (items: SelectedItem[], place: CommandPlace) => boolean;
  /** Also shown on a card's hover quick actions (for that one item). */
  quickAction?: boolean;
  /** Shown in the selection toolbar (default true; false: a card's quick action only). */
  toolbar?: boolean;
  /** Navigates (Properties, Manage Publication). */
  href?: (items: SelectedItem[], place: CommandPlace) => string;
  /** A plain link the browser follows itself (a download). */
  download?: boolean;
  /** Opens this dialog; it calls `done` after a change or `close` to cancel. */
  Dialog?: ComponentType<CommandContext>;
  /** A menu of sub-commands (Quick Publish ▸ Publish to Brand Portal, Unpublish from Brand Portal). */
  children?: AssetCommand[];
  destructive?: boolean;
};
