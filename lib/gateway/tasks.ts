import "server-only";
import { ensureSigningKey, pruneRetiredKeys } from "@/lib/gateway/signing-keys";
import { pruneTokenLog } from "@/lib/gateway/token-log";
import { pruneUsedJtis } from "@/lib/gateway/used-jti";
import { startHousekeeping } from "@/lib/runtime/housekeeping";

// Start-up work of the gateway (lib/runtime/tasks.ts): the first signing key before the first
// token request, and hourly housekeeping on nodes that run background work.

export async function seedGateway(): Promise<void> {
  await ensureSigningKey();
}

export function startGatewayHousekeeping(): Promise<() => Promise<void>> {
  return startHousekeeping("gateway", [pruneUsedJtis, pruneRetiredKeys, pruneTokenLog]);
}
