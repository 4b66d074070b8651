-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "login" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("login")
);

-- CreateTable
CREATE TABLE "Folder" (
    "id" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "parentId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "bpState" TEXT,
    "bpAt" TIMESTAMP(3),
    "bpBy" TEXT,

    CONSTRAINT "Folder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Blob" (
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Blob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "Asset" (
    "id" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "creator" TEXT NOT NULL DEFAULT '',
    "folderId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "typeFlag" TEXT,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "renditionState" TEXT NOT NULL DEFAULT 'pending',
    "renditionLeaseUntil" TIMESTAMP(3),
    "createdById" TEXT,
    "modifiedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bpState" TEXT,
    "bpAt" TIMESTAMP(3),
    "bpBy" TEXT,
    "bpVersion" INTEGER,

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssetVersion" (
    "id" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rendition" (
    "id" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "size" BIGINT NOT NULL,

    CONSTRAINT "Rendition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Collection" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "bpState" TEXT,
    "bpAt" TIMESTAMP(3),
    "bpBy" TEXT,

    CONSTRAINT "Collection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionMember" (
    "collectionId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionMember_pkey" PRIMARY KEY ("collectionId","assetId")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "techId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationMember" (
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'admin',

    CONSTRAINT "OrganizationMember_pkey" PRIMARY KEY ("orgId","userId")
);

-- CreateTable
CREATE TABLE "GatewayApplication" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL DEFAULT '',
    "orgId" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "publicKeyPem" TEXT,
    "publicKeyAlg" TEXT,
    "publicKeyThumbprint" TEXT,
    "publicKeyUpdatedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GatewayApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GatewaySigningKey" (
    "kid" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "alg" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "privateEnc" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "GatewaySigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "GatewayUsedJti" (
    "clientId" TEXT NOT NULL,
    "jti" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GatewayUsedJti_pkey" PRIMARY KEY ("clientId","jti")
);

-- CreateTable
CREATE TABLE "GatewayTokenLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clientId" TEXT,
    "grantType" TEXT,
    "result" TEXT NOT NULL,
    "error" TEXT,
    "reason" TEXT,
    "scope" TEXT,
    "ip" TEXT,

    CONSTRAINT "GatewayTokenLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BrandPortalConfig" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "tenantUrl" TEXT NOT NULL DEFAULT '',
    "clientId" TEXT NOT NULL DEFAULT '',
    "publicFolderPublish" BOOLEAN NOT NULL DEFAULT false,
    "gatewayUrl" TEXT NOT NULL DEFAULT '',
    "orgId" TEXT NOT NULL DEFAULT '',
    "grantType" TEXT NOT NULL DEFAULT 'jwt-bearer',
    "scope" TEXT NOT NULL DEFAULT 'dam-read dam-sync dam-write cc-share',
    "lastTokenAt" TIMESTAMP(3),
    "lastTokenOk" BOOLEAN,
    "lastTokenError" TEXT,
    "tokenExpiresAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrandPortalConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfigKeyPair" (
    "id" TEXT NOT NULL,
    "configId" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "publicKeyPem" TEXT NOT NULL,
    "privateEnc" TEXT NOT NULL,
    "certPem" TEXT,
    "certNotAfter" TIMESTAMP(3),
    "thumbprint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "ConfigKeyPair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplicationAgent" (
    "id" TEXT NOT NULL,
    "configId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "retryDelayMs" INTEGER NOT NULL DEFAULT 60000,
    "maxAttempts" INTEGER NOT NULL DEFAULT 6,
    "logLevel" TEXT NOT NULL DEFAULT 'info',
    "connectTimeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "socketTimeoutMs" INTEGER NOT NULL DEFAULT 60000,
    "lastSuccessAt" TIMESTAMP(3),
    "lastErrorAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplicationAgent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplicationJob" (
    "id" SERIAL NOT NULL,
    "agentId" TEXT NOT NULL,
    "configId" TEXT NOT NULL,
    "publicationId" TEXT,
    "action" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "refId" TEXT,
    "version" INTEGER,
    "requestedBy" TEXT,
    "prevBpState" TEXT,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseToken" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastStatus" INTEGER,
    "result" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ReplicationJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentLogEntry" (
    "id" SERIAL NOT NULL,
    "agentId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "level" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "path" TEXT,
    "action" TEXT,
    "durationMs" INTEGER,
    "bytes" BIGINT,
    "statusCode" INTEGER,
    "result" TEXT,

    CONSTRAINT "AgentLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "configId" TEXT,
    "scope" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "scheduledAt" TIMESTAMP(3),
    "firedKey" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalTenant" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "orgTechId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortalTenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalAsset" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "folderPath" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortalAsset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalFolder" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "parentPath" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortalFolder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalCollection" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "memberPaths" TEXT NOT NULL DEFAULT '[]',
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortalCollection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_login_key" ON "User"("login");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Folder_path_key" ON "Folder"("path");

-- CreateIndex
CREATE INDEX "Folder_parentId_name_idx" ON "Folder"("parentId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Asset_path_key" ON "Asset"("path");

-- CreateIndex
CREATE INDEX "Asset_folderId_name_idx" ON "Asset"("folderId", "name");

-- CreateIndex
CREATE INDEX "Asset_folderId_updatedAt_idx" ON "Asset"("folderId", "updatedAt");

-- CreateIndex
CREATE INDEX "Asset_folderId_title_idx" ON "Asset"("folderId", "title");

-- CreateIndex
CREATE INDEX "Asset_folderId_size_idx" ON "Asset"("folderId", "size");

-- CreateIndex
CREATE INDEX "Asset_folderId_mimeType_name_idx" ON "Asset"("folderId", "mimeType", "name");

-- CreateIndex
CREATE INDEX "Asset_renditionState_idx" ON "Asset"("renditionState");

-- CreateIndex
CREATE INDEX "Asset_sha256_idx" ON "Asset"("sha256");

-- CreateIndex
CREATE INDEX "Asset_searchText_name_id_idx" ON "Asset"("searchText", "name", "id");

-- CreateIndex
CREATE INDEX "AssetVersion_sha256_idx" ON "AssetVersion"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "AssetVersion_assetId_version_key" ON "AssetVersion"("assetId", "version");

-- CreateIndex
CREATE INDEX "Rendition_sha256_idx" ON "Rendition"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "Rendition_assetId_kind_key" ON "Rendition"("assetId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Collection_name_key" ON "Collection"("name");

-- CreateIndex
CREATE INDEX "CollectionMember_assetId_idx" ON "CollectionMember"("assetId");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_techId_key" ON "Organization"("techId");

-- CreateIndex
CREATE INDEX "OrganizationMember_userId_idx" ON "OrganizationMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "GatewayApplication_clientId_key" ON "GatewayApplication"("clientId");

-- CreateIndex
CREATE INDEX "GatewayApplication_orgId_name_idx" ON "GatewayApplication"("orgId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "GatewaySigningKey_generation_key" ON "GatewaySigningKey"("generation");

-- CreateIndex
CREATE INDEX "GatewayUsedJti_expiresAt_idx" ON "GatewayUsedJti"("expiresAt");

-- CreateIndex
CREATE INDEX "GatewayTokenLog_clientId_at_idx" ON "GatewayTokenLog"("clientId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "BrandPortalConfig_name_key" ON "BrandPortalConfig"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ConfigKeyPair_kid_key" ON "ConfigKeyPair"("kid");

-- CreateIndex
CREATE INDEX "ConfigKeyPair_configId_createdAt_idx" ON "ConfigKeyPair"("configId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReplicationAgent_configId_position_key" ON "ReplicationAgent"("configId", "position");

-- CreateIndex
CREATE INDEX "ReplicationJob_agentId_state_id_idx" ON "ReplicationJob"("agentId", "state", "id");

-- CreateIndex
CREATE INDEX "ReplicationJob_configId_path_state_idx" ON "ReplicationJob"("configId", "path", "state");

-- CreateIndex
CREATE INDEX "ReplicationJob_state_leaseExpiresAt_idx" ON "ReplicationJob"("state", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "ReplicationJob_publicationId_idx" ON "ReplicationJob"("publicationId");

-- CreateIndex
CREATE INDEX "AgentLogEntry_agentId_id_idx" ON "AgentLogEntry"("agentId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_firedKey_key" ON "Publication"("firedKey");

-- CreateIndex
CREATE INDEX "Publication_state_scheduledAt_idx" ON "Publication"("state", "scheduledAt");

-- CreateIndex
CREATE UNIQUE INDEX "PortalTenant_slug_key" ON "PortalTenant"("slug");

-- CreateIndex
CREATE INDEX "PortalAsset_tenantId_folderPath_name_idx" ON "PortalAsset"("tenantId", "folderPath", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PortalAsset_tenantId_path_key" ON "PortalAsset"("tenantId", "path");

-- CreateIndex
CREATE INDEX "PortalFolder_tenantId_parentPath_idx" ON "PortalFolder"("tenantId", "parentPath");

-- CreateIndex
CREATE UNIQUE INDEX "PortalFolder_tenantId_path_key" ON "PortalFolder"("tenantId", "path");

-- CreateIndex
CREATE UNIQUE INDEX "PortalCollection_tenantId_name_key" ON "PortalCollection"("tenantId", "name");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Folder" ADD CONSTRAINT "Folder_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Folder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssetVersion" ADD CONSTRAINT "AssetVersion_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rendition" ADD CONSTRAINT "Rendition_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionMember" ADD CONSTRAINT "CollectionMember_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionMember" ADD CONSTRAINT "CollectionMember_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationMember" ADD CONSTRAINT "OrganizationMember_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationMember" ADD CONSTRAINT "OrganizationMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayApplication" ADD CONSTRAINT "GatewayApplication_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfigKeyPair" ADD CONSTRAINT "ConfigKeyPair_configId_fkey" FOREIGN KEY ("configId") REFERENCES "BrandPortalConfig"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplicationAgent" ADD CONSTRAINT "ReplicationAgent_configId_fkey" FOREIGN KEY ("configId") REFERENCES "BrandPortalConfig"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplicationJob" ADD CONSTRAINT "ReplicationJob_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "ReplicationAgent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentLogEntry" ADD CONSTRAINT "AgentLogEntry_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "ReplicationAgent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalAsset" ADD CONSTRAINT "PortalAsset_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "PortalTenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalFolder" ADD CONSTRAINT "PortalFolder_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "PortalTenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalCollection" ADD CONSTRAINT "PortalCollection_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "PortalTenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
