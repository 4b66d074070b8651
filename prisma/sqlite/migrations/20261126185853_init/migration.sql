-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "login" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "login" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Folder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "path" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "parentId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "bpState" TEXT,
    "bpAt" DATETIME,
    "bpBy" TEXT,
    CONSTRAINT "Folder_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Folder" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Blob" (
    "sha256" TEXT NOT NULL PRIMARY KEY,
    "size" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Asset" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "renditionLeaseUntil" DATETIME,
    "createdById" TEXT,
    "modifiedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bpState" TEXT,
    "bpAt" DATETIME,
    "bpBy" TEXT,
    "bpVersion" INTEGER,
    CONSTRAINT "Asset_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssetVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assetId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AssetVersion_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rendition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assetId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "size" BIGINT NOT NULL,
    CONSTRAINT "Rendition_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Collection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "bpState" TEXT,
    "bpAt" DATETIME,
    "bpBy" TEXT
);

-- CreateTable
CREATE TABLE "CollectionMember" (
    "collectionId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("collectionId", "assetId"),
    CONSTRAINT "CollectionMember_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CollectionMember_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "techId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "OrganizationMember" (
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'admin',

    PRIMARY KEY ("orgId", "userId"),
    CONSTRAINT "OrganizationMember_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrganizationMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GatewayApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "publicKeyUpdatedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GatewayApplication_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GatewaySigningKey" (
    "kid" TEXT NOT NULL PRIMARY KEY,
    "generation" INTEGER NOT NULL,
    "alg" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "privateEnc" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" DATETIME
);

-- CreateTable
CREATE TABLE "GatewayUsedJti" (
    "clientId" TEXT NOT NULL,
    "jti" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,

    PRIMARY KEY ("clientId", "jti")
);

-- CreateTable
CREATE TABLE "GatewayTokenLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clientId" TEXT,
    "grantType" TEXT,
    "result" TEXT NOT NULL,
    "error" TEXT,
    "reason" TEXT,
    "scope" TEXT,
    "ip" TEXT
);

-- CreateTable
CREATE TABLE "BrandPortalConfig" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "tenantUrl" TEXT NOT NULL DEFAULT '',
    "clientId" TEXT NOT NULL DEFAULT '',
    "publicFolderPublish" BOOLEAN NOT NULL DEFAULT false,
    "gatewayUrl" TEXT NOT NULL DEFAULT '',
    "orgId" TEXT NOT NULL DEFAULT '',
    "grantType" TEXT NOT NULL DEFAULT 'jwt-bearer',
    "scope" TEXT NOT NULL DEFAULT 'dam-read dam-sync dam-write cc-share',
    "lastTokenAt" DATETIME,
    "lastTokenOk" BOOLEAN,
    "lastTokenError" TEXT,
    "tokenExpiresAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConfigKeyPair" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "configId" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "publicKeyPem" TEXT NOT NULL,
    "privateEnc" TEXT NOT NULL,
    "certPem" TEXT,
    "certNotAfter" DATETIME,
    "thumbprint" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" DATETIME,
    CONSTRAINT "ConfigKeyPair_configId_fkey" FOREIGN KEY ("configId") REFERENCES "BrandPortalConfig" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReplicationAgent" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "lastSuccessAt" DATETIME,
    "lastErrorAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReplicationAgent_configId_fkey" FOREIGN KEY ("configId") REFERENCES "BrandPortalConfig" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReplicationJob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseToken" TEXT,
    "leaseExpiresAt" DATETIME,
    "lastError" TEXT,
    "lastStatus" INTEGER,
    "result" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "ReplicationJob_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "ReplicationAgent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgentLogEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "agentId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "level" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "path" TEXT,
    "action" TEXT,
    "durationMs" INTEGER,
    "bytes" BIGINT,
    "statusCode" INTEGER,
    "result" TEXT,
    CONSTRAINT "AgentLogEntry_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "ReplicationAgent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "configId" TEXT,
    "scope" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "scheduledAt" DATETIME,
    "firedKey" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "completedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PortalTenant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "orgTechId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PortalAsset" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PortalAsset_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "PortalTenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PortalFolder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "parentPath" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PortalFolder_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "PortalTenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PortalCollection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "memberPaths" TEXT NOT NULL DEFAULT '[]',
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PortalCollection_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "PortalTenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
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
