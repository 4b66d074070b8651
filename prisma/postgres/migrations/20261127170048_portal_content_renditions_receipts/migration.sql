-- AlterTable
ALTER TABLE "PortalAsset" ADD COLUMN     "publicationId" TEXT,
ADD COLUMN     "publishedBy" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publishedOrg" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "renditionLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "renditionState" TEXT NOT NULL DEFAULT 'pending';

-- CreateTable
CREATE TABLE "PortalRendition" (
    "id" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "size" BIGINT NOT NULL,

    CONSTRAINT "PortalRendition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalReceipt" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
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
    "publicationTitle" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "PortalReceipt_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "PortalAsset_renditionState_publishedAt_idx" ON "PortalAsset"("renditionState", "publishedAt");

-- CreateIndex
CREATE INDEX "PortalAsset_tenantId_publishedAt_idx" ON "PortalAsset"("tenantId", "publishedAt");

-- AddForeignKey
ALTER TABLE "PortalRendition" ADD CONSTRAINT "PortalRendition_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "PortalAsset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
