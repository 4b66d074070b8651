// A node's background loops in a process of their own, with polls so long (a minute) that only a
// wake-up from another process can start work within the tests' bounds
// (node --conditions=react-server --import tsx tests/support/loops-child.ts runtime|scheduler|renditions …).
import { startRenditionWorker, processNextRendition } from "@/lib/assets/rendition-queue";
import { listening } from "@/lib/cluster/peer-signals";
import { nodeId } from "@/lib/cluster/node-id";
import { realWait, startScheduler } from "@/lib/publication/scheduler";
import { startReplicationRuntime } from "@/lib/replication/worker/runtime";

const POLL_MS = 60_000;

async function main() {
  const roles = process.argv.slice(2);
  const stops: (() => Promise<void>)[] = [];
  if (roles.includes("runtime")) {
    const runtime = startReplicationRuntime({ pollMs: POLL_MS, superviseMs: POLL_MS });
    stops.push(runtime.stop);
    // Ready once the supervisor has started a worker per agent (each then finds nothing and sleeps).
    while (!runtime.workers().length) await new Promise((r) => setTimeout(r, 20));
  }
  if (roles.includes("scheduler")) {
    // Ready once its first pass is over and it sleeps: what is scheduled from then on, only a wake-up tells it.
    let asleep!: () => void;
    const slept = new Promise<void>((r) => (asleep = r));
    const wait: typeof realWait = (ms, signal) => (asleep(), realWait(ms, signal));
    stops.push(startScheduler({ rescanMs: POLL_MS, finishMs: POLL_MS, wait }).stop);
    await slept;
  }
  if (roles.includes("renditions")) {
    let looked!: () => void;
    const first = new Promise<void>((r) => (looked = r));
    // Ready once its first look found nothing: an upload from then on, only a wake-up tells it.
    const processNext = () => processNextRendition().finally(looked);
    stops.push(startRenditionWorker(processNext, "assets", POLL_MS));
    await first;
  }
  if (!(await listening())) throw new Error("not listening for the other nodes");
  process.once("SIGTERM", () => void Promise.all(stops.map((s) => s())).finally(() => process.exit(0)));
  process.send?.({ ready: true, node: nodeId, pollMs: POLL_MS });
}
void main();
