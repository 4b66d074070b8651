"use client";
import { useQuery } from "@tanstack/react-query";
import { getJson, postJson } from "@/lib/http/browser-api";
import type { ScopeSummary } from "@/lib/publication/expand-scope";
import type { ScopeItem } from "@/lib/publication/schemas";

// The reads publishing dialogs need: whether a Brand Portal configuration is ready, and what a
// selection expands to.

export type Readiness = {
  ready: boolean;
  configs: { id: string; title: string; tenantUrl: string }[];
  message: string | null;
  setupUrl: string | null;
};

export function useReadiness() {
  return useQuery({
    queryKey: ["publication", "readiness"],
    queryFn: ({ signal }) => getJson<Readiness>("/api/publication/readiness", signal),
  });
}

export function useScopePreview(items: ScopeItem[]) {
  return useQuery({
    queryKey: ["publication", "preview", items],
    queryFn: () => postJson<ScopeSummary>("/api/publication/preview", { items }),
    gcTime: 0,
    enabled: items.length > 0,
  });
}
