"use server";
import { action } from "@/lib/actions/action";
import * as s from "@/lib/assets/schemas";
import { createFolder } from "@/lib/assets/folders";
import { renameAsset, renameFolder } from "@/lib/assets/rename";
import { moveItems } from "@/lib/assets/move";
import { deleteItems } from "@/lib/assets/delete";
import { updateMetadata } from "@/lib/assets/metadata";
import * as collections from "@/lib/assets/collections";

// The Assets console's mutations. Authors and administrators both use them; identity comes from the session.

export const createFolderAction = action({ role: "author", input: s.createFolderInput }, (input, me) =>
  createFolder(input, me.id),
);

export const renameFolderAction = action({ role: "author", input: s.renameFolderInput }, (input, me) =>
  renameFolder(input, me.id),
);

export const renameAssetAction = action({ role: "author", input: s.renameAssetInput }, (input, me) =>
  renameAsset(input, me.id),
);

export const moveItemsAction = action({ role: "author", input: s.moveInput }, (input, me) =>
  moveItems(input.items, input.targetPath, me.id),
);

export const deleteItemsAction = action({ role: "author", input: s.deleteInput }, (input, me) =>
  deleteItems(input.items, { confirmNonEmpty: input.confirmNonEmpty, userId: me.id }),
);

export const updateMetadataAction = action({ role: "author", input: s.metadataInput }, (input, me) =>
  updateMetadata(input, me.id),
);

export const createCollectionAction = action({ role: "author", input: s.createCollectionInput }, (input, me) =>
  collections.createCollection(input, me.id),
);

export const addToCollectionAction = action({ role: "author", input: s.collectionMembersInput }, (input) =>
  collections.addToCollection(input.collectionId, input.assetIds),
);

export const removeFromCollectionAction = action({ role: "author", input: s.collectionMembersInput }, (input) =>
  collections.removeFromCollection(input.collectionId, input.assetIds),
);

export const deleteCollectionsAction = action({ role: "author", input: s.deleteCollectionsInput }, (input, me) =>
  collections.deleteCollections(input.ids, me.id),
);
