-- CreateTable
CREATE TABLE "GatewayRateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "tokens" REAL NOT NULL,
    "at" REAL NOT NULL,
    "refusals" INTEGER NOT NULL DEFAULT 0
);

-- AlterTable (ADD COLUMN rather than a table rebuild, so that other branches' columns survive)
ALTER TABLE "PortalTenant" ADD COLUMN "audience" TEXT NOT NULL DEFAULT 'brand-portal';
ALTER TABLE "PortalTenant" ADD COLUMN "orgClaim" TEXT NOT NULL DEFAULT 'org';
