"use client";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusLight, type StatusTone } from "@/components/ui/status-light";
import { formatDuration } from "@/components/replication/format";
import type { InstanceRow, InstanceState } from "@/lib/publication/types";

const tones: Record<InstanceState, StatusTone> = {
  Scheduled: "info",
  Running: "notice",
  Completed: "positive",
  "Completed with errors": "negative",
  Terminated: "neutral",
};

export function InstanceStateLight({ state }: { state: InstanceState }) {
  return <StatusLight tone={tones[state]}>{state}</StatusLight>;
}

/** done / failed / total, and while running the rate, the time left and the configuration's throughput cap. */
export function InstanceProgress({ row, label }: { row: InstanceRow; label: string }) {
  const p = row.progress;
  if (row.state === "Scheduled") return <span className="text-sm text-ink-muted">Not started</span>;
  if (!p.total) return <span className="text-sm text-ink-muted">No items</span>;
  const value = Math.round(((p.done + p.failed) / p.total) * 100);
  const counts = `${p.done.toLocaleString("en")} done · ${p.failed.toLocaleString("en")} failed · ${p.total.toLocaleString("en")} total`;
  const speed =
    row.state === "Running" && p.rate !== null
      ? p.rate > 0
        ? `${p.rate >= 10 ? Math.round(p.rate) : p.rate.toFixed(1)} items/s${p.secondsLeft !== null ? ` · ${formatDuration(p.secondsLeft * 1000)} left` : ""}`
        : "waiting for the agents"
      : null;
  return (
    <div className="min-w-36">
      <ProgressBar
        label={label}
        hideLabel
        value={value}
        valueText={counts}
        tone={p.failed ? "negative" : row.state === "Completed" ? "positive" : "accent"}
        size="sm"
      />
      <p className="mt-1 text-xs tabular-nums text-ink-muted" data-testid="progress-counts">
        {counts}
      </p>
      {speed && <p className="text-xs tabular-nums text-ink-muted">{speed}</p>}
      {row.throughputCap !== null && (
        <p className="text-xs tabular-nums text-ink-muted" data-testid="throughput-cap">
          Throughput cap: {row.throughputCap.toLocaleString("en")} assets/min
        </p>
      )}
    </div>
  );
}
