-- AlterTable
ALTER TABLE "ReplicationAgent" ADD COLUMN "busyOwner" TEXT;
ALTER TABLE "ReplicationAgent" ADD COLUMN "busyToken" TEXT;
ALTER TABLE "ReplicationAgent" ADD COLUMN "busyUntil" DATETIME;
