-- AlterTable
ALTER TABLE "ReplicationAgent" ADD COLUMN     "busyOwner" TEXT,
ADD COLUMN     "busyToken" TEXT,
ADD COLUMN     "busyUntil" TIMESTAMP(3);
