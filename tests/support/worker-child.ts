// A replication worker in its own process, for the test that kills one mid-upload
// (node --conditions=react-server --import tsx tests/support/worker-child.ts <agentId> <leaseMs>).
import { AgentWorker } from "@/lib/replication/worker/agent-worker";

async function main() {
  const [agentId, leaseMs] = process.argv.slice(2);
  const worker = new AgentWorker(agentId, { leaseMs: Number(leaseMs), settingsTtlMs: 0 });
  process.send?.({ ready: true });
  await worker.drain();
  process.send?.({ drained: true });
}
void main();
