"use client";
import { useQuery, type QueryKey } from "@tanstack/react-query";
import { getJson, sessionEnded } from "@/lib/http/browser-api";

// Live data for the replication pages: TanStack Query polling a console route handler, so queue
// states and counts move while work runs, without reloading the page.

export function useLive<T>(key: QueryKey, url: string, opts: { initialData?: T; intervalMs?: number } = {}) {
  return useQuery({
    queryKey: key,
    queryFn: () => getJson<T>(url),
    initialData: opts.initialData,
    refetchInterval: (query) => (sessionEnded(query.state.error) ? false : (opts.intervalMs ?? 2_000)),
    refetchIntervalInBackground: false,
    placeholderData: (prev) => prev,
  });
}
