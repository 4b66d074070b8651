"use client";
import { useEffect } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { StatusLight } from "@/components/ui/status-light";
import { formatDateTime } from "@/lib/format";
import type { ConfigStatus } from "@/lib/cloud-services/config-status";
import { useNow } from "@/components/ui/use-now";
import { getJson, sessionEnded } from "@/lib/http/browser-api";

/** Key, last token request and agents, refreshed every 15 s (replication writes the token fields). */
export function StatusPanel({ url, initial }: { url: string; initial: ConfigStatus }) {
  const queryKey = ["cloud-services", "status", url];
  const client = useQueryClient();
  // A server re-render (after Edit, Rotate key pair) brings fresher data than the last poll.
  useEffect(() => void client.setQueryData(["cloud-services", "status", url], initial), [client, url, initial]);
  const { data = initial, isError } = useQuery<ConfigStatus>({
    queryKey,
    queryFn: ({ signal }) => getJson<ConfigStatus>(url, signal),
    initialData: initial,
    refetchInterval: (query) => (sessionEnded(query.state.error) ? false : 15_000),
  });
  const now = useNow();
  const t = data.token;
  const expired = t.expiresAt ? new Date(t.expiresAt).getTime() <= now : false;

  return (
    <section aria-labelledby="status-title" className="rounded border border-line bg-surface p-4">
      <h2 id="status-title" className="mb-3 text-base font-bold">
        Status
      </h2>
      {isError && (
        <p className="mb-2 text-xs text-negative">Could not refresh the status; showing the last known values.</p>
      )}
      <dl className="grid gap-3 text-sm">
        <div>
          <dt className="text-xs font-medium text-ink-muted">Key fingerprint (SHA-256)</dt>
          <dd className="break-all font-mono text-xs" data-testid="key-fingerprint">
            {data.key.fingerprint}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-ink-muted">Key age</dt>
          <dd suppressHydrationWarning>
            {age(data.key.createdAt, now)}{" "}
            <span className="text-ink-muted">(created {formatDateTime(data.key.createdAt)})</span>
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-ink-muted">Last token request</dt>
          <dd>
            {t.lastAt === null ? (
              <StatusLight tone="neutral">No token requested yet</StatusLight>
            ) : t.ok ? (
              <StatusLight tone="positive">Succeeded {formatDateTime(t.lastAt)}</StatusLight>
            ) : (
              <>
                <StatusLight tone="negative">Failed {formatDateTime(t.lastAt)}</StatusLight>
                {t.error && <p className="mt-1 break-words text-xs text-negative">{t.error}</p>}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-ink-muted">Current token</dt>
          <dd>
            {t.expiresAt === null
              ? "None"
              : expired
                ? `Expired ${formatDateTime(t.expiresAt)}`
                : `Expires ${formatDateTime(t.expiresAt)}`}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-ink-muted">Replication agents</dt>
          <dd>
            <ul className="mt-1 grid gap-1">
              {data.agents.map((a) => (
                <li key={a.id}>
                  <StatusLight tone={!a.enabled ? "neutral" : a.paused ? "notice" : "positive"}>
                    {a.name}: {!a.enabled ? "disabled" : a.paused ? "paused" : "enabled"}
                  </StatusLight>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </section>
  );
}

function age(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 60) return "less than a minute";
  const m = Math.round(s / 60);
  if (m < 60) return `${m} minute${m === 1 ? "" : "s"}`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} hour${h === 1 ? "" : "s"}`;
  const d = Math.round(h / 24);
  return `${d} day${d === 1 ? "" : "s"}`;
}
