import "server-only";
import type { Clock } from "@/lib/clock";
import { extendLease } from "@/lib/replication/queue/lease";

/**
 * Extends a job's lease every `everyMs` while it is being delivered; calls `lost` when another
 * worker has taken the job meanwhile. Returns the function that stops it.
 */
export function keepLease(
  job: { id: number; leaseToken: string },
  opts: { clock: Clock; leaseMs: number; everyMs: number },
  lost: () => void,
): () => void {
  const timer = setInterval(() => {
    extendLease(job.id, job.leaseToken, opts.clock.now() + opts.leaseMs)
      .then((held) => held || lost())
      .catch(() => {}); // a database hiccup: try again at the next beat
  }, opts.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
