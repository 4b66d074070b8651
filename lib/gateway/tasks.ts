import "server-only";
import { ensureSigningKey, pruneRetiredKeys } from "@/lib/gateway/signing-keys";
import { pruneTokenLog } from "@/lib/gateway/token-log";
import { pruneUsedJtis } from "@/lib/gateway/used-jti";

// Start-up work of the gateway (lib/runtime/tasks.ts): the first signing key before the first
// token request, and hourly housekeeping on nodes that run background work.

export async function seedGateway(): Promise<void> {
  await ensureSigningKey();
}

export async function startGatewayHousekeeping(): Promise<() => Promise<void>> {
  const run = async () => {
    try {
      await pruneUsedJtis();
      await pruneRetiredKeys();
      await pruneTokenLog();
    } catch (e) {
      console.error("[gateway] housekeeping failed", e);
    }
  };
  await run();
  const timer = setInterval(run, 60 * 60_000);
  timer.unref();
  return async () => clearInterval(timer);
}
