-- CreateIndex
CREATE INDEX "ReplicationJob_configId_state_id_idx" ON "ReplicationJob"("configId", "state", "id");
