-- AlterTable
ALTER TABLE "PortalTenant" ADD COLUMN     "audience" TEXT NOT NULL DEFAULT 'brand-portal',
ADD COLUMN     "orgClaim" TEXT NOT NULL DEFAULT 'org';

-- CreateTable
CREATE TABLE "GatewayRateLimit" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "at" DOUBLE PRECISION NOT NULL,
    "refusals" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GatewayRateLimit_pkey" PRIMARY KEY ("key")
);
