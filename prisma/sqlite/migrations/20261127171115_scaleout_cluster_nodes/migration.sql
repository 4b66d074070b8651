-- CreateTable
CREATE TABLE "ClusterNode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "blobStore" TEXT NOT NULL,
    "blobLocation" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastHeartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stoppedAt" DATETIME,
    "leasesReclaimedAt" DATETIME,
    "jobsInFlight" INTEGER NOT NULL DEFAULT 0,
    "jobsDone" INTEGER NOT NULL DEFAULT 0,
    "jobsPerMinute" REAL NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "ClusterNode_lastHeartbeatAt_idx" ON "ClusterNode"("lastHeartbeatAt");
