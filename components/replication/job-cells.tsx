"use client";
import { StatusLight, type StatusTone } from "@/components/ui/status-light";

// The cells an agent's queue (Tools › Replication › agent) and a workflow instance's items
// (Tools › Workflow › Instances › instance) share: both list replication jobs, so a job's state
// and its error read the same in both. The tables themselves differ (an agent's live queue with
// Retry / Remove and the next attempt; a publication's items over every agent with their outcome).

const labels: Record<string, string> = {
  queued: "Waiting",
  running: "Sending",
  done: "Done",
  skipped: "Skipped",
  failed: "Failed",
};
const tones: Record<string, StatusTone> = {
  queued: "info",
  running: "notice",
  done: "positive",
  skipped: "neutral",
  failed: "negative",
};

/** A job's state: Waiting, Sending, Done, Skipped or Failed. */
export function JobStateLight({ state }: { state: string }) {
  return <StatusLight tone={tones[state] ?? "neutral"}>{labels[state] ?? state}</StatusLight>;
}

/** A job's last error (three lines, the whole text in its title), else `fallback` or a dash. */
export function JobError({ error, fallback }: { error: string | null; fallback?: string | null }) {
  if (error)
    return (
      <span className="line-clamp-3 text-negative" title={error}>
        {error}
      </span>
    );
  return <span className="text-ink-muted">{fallback || "—"}</span>;
}
