"use client";
import {
  CalendarClock,
  CloudOff,
  CloudUpload,
  Download,
  FolderInput,
  Info,
  Library,
  PencilLine,
  Send,
  Trash2,
  XCircle,
} from "lucide-react";
import { PublishDialog, UnpublishDialog } from "@/components/publication/quick-publish-dialog";
import { wizardUrl } from "@/lib/publication/wizard-url";
import { AddToCollectionDialog } from "@/components/assets/dialogs/add-to-collection-dialog";
import { DeleteDialog } from "@/components/assets/dialogs/delete-dialog";
import { MoveDialog } from "@/components/assets/dialogs/move-dialog";
import { RenameDialog } from "@/components/assets/dialogs/rename-dialog";
import { DeleteCollectionsDialog, RemoveFromCollectionDialog } from "@/components/assets/dialogs/collection-dialogs";
import { consoleUrl } from "@/lib/assets/names";
import type { AssetCommand } from "@/components/assets/commands/types";
import type { SelectedItem } from "@/lib/assets/types";

// Every command of the selection toolbar and of the cards' quick actions, in toolbar order. Add a
// command here (e.g. Quick Publish, Manage Publication, Publish) and it appears wherever its
// `places` and `isAvailable` say; nothing else needs to change.

const one = (items: SelectedItem[]) => items.length === 1;
const onlyAssets = (items: SelectedItem[]) => items.every((i) => i.kind === "asset");

export const assetCommands: AssetCommand[] = [
  {
    id: "properties",
    label: "Properties",
    icon: Info,
    places: ["assets", "collection", "collections"],
    isAvailable: (items) => one(items) && items[0].kind !== "folder",
    href: ([item]) => (item.kind === "collection" ? `/collections/${item.name}` : consoleUrl(item.path)),
  },
  {
    id: "download",
    label: "Download",
    icon: Download,
    places: ["assets", "collection"],
    isAvailable: (items) => one(items) && onlyAssets(items),
    href: ([item]) => `/api/assets/${item.id}/binary?download=1`,
    download: true,
  },
  {
    id: "publish",
    label: "Publish",
    icon: Send,
    places: ["assets"],
    quickAction: true,
    toolbar: false,
    Dialog: PublishDialog,
  },
  {
    id: "quick-publish",
    label: "Quick Publish",
    icon: Send,
    places: ["assets", "collection"],
    children: [
      {
        id: "publish-to-brand-portal",
        label: "Publish to Brand Portal",
        icon: CloudUpload,
        places: ["assets", "collection"],
        Dialog: PublishDialog,
      },
      {
        id: "unpublish-from-brand-portal",
        label: "Unpublish from Brand Portal",
        icon: CloudOff,
        places: ["assets", "collection"],
        Dialog: UnpublishDialog,
      },
    ],
  },
  {
    id: "collections-publish",
    label: "Publish to Brand Portal",
    icon: CloudUpload,
    places: ["collections"],
    Dialog: PublishDialog,
  },
  {
    id: "collections-unpublish",
    label: "Unpublish from Brand Portal",
    icon: CloudOff,
    places: ["collections"],
    Dialog: UnpublishDialog,
  },
  {
    id: "manage-publication",
    label: "Manage Publication",
    icon: CalendarClock,
    places: ["assets", "collection", "collections"],
    href: (items) => wizardUrl(items),
  },
  {
    id: "add-to-collection",
    label: "Add to Collection",
    icon: Library,
    places: ["assets", "collection"],
    isAvailable: onlyAssets,
    Dialog: AddToCollectionDialog,
  },
  {
    id: "rename",
    label: "Rename",
    icon: PencilLine,
    places: ["assets"],
    isAvailable: one,
    Dialog: RenameDialog,
  },
  {
    id: "move",
    label: "Move",
    icon: FolderInput,
    places: ["assets"],
    Dialog: MoveDialog,
  },
  {
    id: "remove-from-collection",
    label: "Remove from Collection",
    icon: XCircle,
    places: ["collection"],
    Dialog: RemoveFromCollectionDialog,
    destructive: true,
  },
  {
    id: "delete",
    label: "Delete",
    icon: Trash2,
    places: ["assets"],
    Dialog: DeleteDialog,
    destructive: true,
  },
  {
    id: "delete-collections",
    label: "Delete",
    icon: Trash2,
    places: ["collections"],
    Dialog: DeleteCollectionsDialog,
    destructive: true,
  },
];
