"use client";
import { useCallback, useMemo, useState } from "react";
import type { BrowseItem, SelectedItem } from "@/lib/assets/types";

export const toSelected = (i: BrowseItem): SelectedItem => ({
  kind: i.kind,
  id: i.id,
  path: i.path,
  name: i.name,
  title: i.title,
  ...(i.kind === "asset" ? { mimeType: i.mimeType } : {}),
});

/** The selected cards/rows, kept by id (so it survives paging and refetches). */
export function useSelection() {
  const [map, setMap] = useState<Map<string, SelectedItem>>(() => new Map());
  const setMany = useCallback((items: SelectedItem[], on: boolean) => {
    setMap((prev) => {
      const next = new Map(prev);
      for (const i of items) {
        if (on) next.set(i.id, i);
        else next.delete(i.id);
      }
      return next;
    });
  }, []);
  const toggle = useCallback(
    (item: SelectedItem) =>
      setMap((prev) => {
        const next = new Map(prev);
        if (next.has(item.id)) next.delete(item.id);
        else next.set(item.id, item);
        return next;
      }),
    [],
  );
  const clear = useCallback(() => setMap(new Map()), []);
  const items = useMemo(() => [...map.values()], [map]);
  return { items, size: map.size, has: (id: string) => map.has(id), toggle, setMany, clear };
}
