"use client";
import { useQuery, type QueryKey } from "@tanstack/react-query";

// Live data for the replication pages: TanStack Query polling a console route handler, so queue
// states and counts move while work runs, without reloading the page.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.message ?? `The server answered HTTP ${res.status}.`);
  return body as T;
}

export function useLive<T>(key: QueryKey, url: string, opts: { initialData?: T; intervalMs?: number } = {}) {
  return useQuery({
    queryKey: key,
    queryFn: () => getJson<T>(url),
    initialData: opts.initialData,
    refetchInterval: opts.intervalMs ?? 2_000,
    refetchIntervalInBackground: false,
    placeholderData: (prev) => prev,
  });
}
