-- AlterTable
ALTER TABLE "Publication" ADD COLUMN "byteCount" BIGINT;
ALTER TABLE "Publication" ADD COLUMN "error" TEXT;
ALTER TABLE "Publication" ADD COLUMN "itemCount" INTEGER;

-- CreateIndex
CREATE INDEX "Publication_createdById_createdAt_idx" ON "Publication"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "Publication_createdAt_idx" ON "Publication"("createdAt");
