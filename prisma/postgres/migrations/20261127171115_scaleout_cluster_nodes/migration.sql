-- CreateTable
CREATE TABLE "ClusterNode" (
    "id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "blobStore" TEXT NOT NULL,
    "blobLocation" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastHeartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stoppedAt" TIMESTAMP(3),
    "leasesReclaimedAt" TIMESTAMP(3),
    "jobsInFlight" INTEGER NOT NULL DEFAULT 0,
    "jobsDone" INTEGER NOT NULL DEFAULT 0,
    "jobsPerMinute" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "ClusterNode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClusterNode_lastHeartbeatAt_idx" ON "ClusterNode"("lastHeartbeatAt");
