-- Portal search: a trigram full-text index over "PortalAsset"."searchText" (written by hand: Prisma
-- has no model for it). Trigrams answer the search's substring words ("LIKE '%word%'") from the
-- index instead of reading every row of the tenant. External content: the index keeps no copy of
-- the text, only trigrams keyed by the asset row's rowid, kept in step by the triggers below.
-- "PortalAsset" has no INTEGER PRIMARY KEY, so only VACUUM could renumber its rowids; Outpost never
-- runs it. After a manual VACUUM: INSERT INTO "PortalAssetSearch"("PortalAssetSearch") VALUES ('rebuild');
CREATE VIRTUAL TABLE "PortalAssetSearch" USING fts5("searchText", content='PortalAsset', content_rowid='rowid', tokenize='trigram');

INSERT INTO "PortalAssetSearch"("PortalAssetSearch") VALUES ('rebuild');

CREATE TRIGGER "PortalAsset_search_insert" AFTER INSERT ON "PortalAsset" BEGIN
  INSERT INTO "PortalAssetSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

CREATE TRIGGER "PortalAsset_search_delete" AFTER DELETE ON "PortalAsset" BEGIN
  INSERT INTO "PortalAssetSearch"("PortalAssetSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;

CREATE TRIGGER "PortalAsset_search_update" AFTER UPDATE OF "searchText" ON "PortalAsset" BEGIN
  INSERT INTO "PortalAssetSearch"("PortalAssetSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
  INSERT INTO "PortalAssetSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
