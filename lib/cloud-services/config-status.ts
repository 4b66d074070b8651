import "server-only";
import { spkiFingerprint } from "@/lib/cloud-services/key-pair";
import { currentKey, getConfigByName, isConfigComplete, type ConfigDetail } from "@/lib/cloud-services/get-config";

// The status panel's data (also served as JSON for live refresh). Token fields are written by the
// replication domain after each token request; until then they are null.

export type ConfigStatus = {
  complete: boolean;
  key: { kid: string; fingerprint: string; createdAt: string; certNotAfter: string | null };
  token: { lastAt: string | null; ok: boolean | null; error: string | null; expiresAt: string | null };
  agents: { id: string; name: string; position: number; enabled: boolean; paused: boolean }[];
};

export function configStatus(config: ConfigDetail): ConfigStatus {
  const key = currentKey(config);
  return {
    complete: isConfigComplete(config),
    key: {
      kid: key.kid,
      fingerprint: spkiFingerprint(key.publicKeyPem),
      createdAt: key.createdAt.toISOString(),
      certNotAfter: key.certNotAfter?.toISOString() ?? null,
    },
    token: {
      lastAt: config.lastTokenAt?.toISOString() ?? null,
      ok: config.lastTokenOk,
      error: config.lastTokenError,
      expiresAt: config.tokenExpiresAt?.toISOString() ?? null,
    },
    agents: config.agents,
  };
}

export async function configStatusByName(name: string): Promise<ConfigStatus> {
  return configStatus(await getConfigByName(name));
}
