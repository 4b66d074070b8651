-- AlterTable
ALTER TABLE "BrandPortalConfig" ADD COLUMN     "throughputPerMinute" INTEGER;

-- AlterTable
ALTER TABLE "ReplicationJob" ADD COLUMN     "claimedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "ReplicationJob_configId_claimedAt_idx" ON "ReplicationJob"("configId", "claimedAt");
