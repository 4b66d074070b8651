-- CreateTable
CREATE TABLE "PortalRendition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assetId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "size" BIGINT NOT NULL,
    CONSTRAINT "PortalRendition_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "PortalAsset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PortalReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "day" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "assets" INTEGER NOT NULL DEFAULT 0,
    "clientId" TEXT NOT NULL DEFAULT '',
    "org" TEXT NOT NULL DEFAULT '',
    "publicationId" TEXT,
    "publicationTitle" TEXT NOT NULL DEFAULT ''
);

-- AlterTable (added columns only: no table rebuild, so other branches' added columns survive)
ALTER TABLE "PortalAsset" ADD COLUMN "publishedBy" TEXT NOT NULL DEFAULT '';
ALTER TABLE "PortalAsset" ADD COLUMN "publishedOrg" TEXT NOT NULL DEFAULT '';
ALTER TABLE "PortalAsset" ADD COLUMN "publicationId" TEXT;
ALTER TABLE "PortalAsset" ADD COLUMN "renditionState" TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE "PortalAsset" ADD COLUMN "renditionLeaseUntil" DATETIME;
CREATE INDEX "PortalAsset_renditionState_publishedAt_idx" ON "PortalAsset"("renditionState", "publishedAt");
CREATE INDEX "PortalAsset_tenantId_publishedAt_idx" ON "PortalAsset"("tenantId", "publishedAt");

-- CreateIndex
CREATE INDEX "PortalRendition_sha256_idx" ON "PortalRendition"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "PortalRendition_assetId_kind_key" ON "PortalRendition"("assetId", "kind");

-- CreateIndex
CREATE INDEX "PortalReceipt_tenantId_at_idx" ON "PortalReceipt"("tenantId", "at");

-- CreateIndex
CREATE INDEX "PortalReceipt_tenantId_day_idx" ON "PortalReceipt"("tenantId", "day");

-- CreateIndex
CREATE INDEX "PortalReceipt_tenantId_publicationId_idx" ON "PortalReceipt"("tenantId", "publicationId");
