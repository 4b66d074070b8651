-- AlterTable
ALTER TABLE "PortalAsset" ADD COLUMN "seqSource" TEXT;
ALTER TABLE "PortalAsset" ADD COLUMN "sequence" INTEGER;

-- AlterTable
ALTER TABLE "PortalFolder" ADD COLUMN "seqSource" TEXT;
ALTER TABLE "PortalFolder" ADD COLUMN "sequence" INTEGER;

-- AlterTable
ALTER TABLE "PortalCollection" ADD COLUMN "seqSource" TEXT;
ALTER TABLE "PortalCollection" ADD COLUMN "sequence" INTEGER;

-- CreateTable
CREATE TABLE "PortalTombstone" (
    "tenantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "removedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("tenantId", "kind", "path", "source"),
    CONSTRAINT "PortalTombstone_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "PortalTenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Folder_bpState_idx" ON "Folder"("bpState");

-- CreateIndex
CREATE INDEX "Asset_bpState_name_id_idx" ON "Asset"("bpState", "name", "id");
