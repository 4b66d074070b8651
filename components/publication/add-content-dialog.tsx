"use client";
import { useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { getJson } from "@/lib/http/browser-api";
import { TypeIcon } from "@/components/assets/type-icon";
import { DAM_ROOT } from "@/lib/assets/names";
import type { BrowsePage } from "@/lib/assets/types";
import type { ScopeItem } from "@/lib/publication/schemas";

/** Add Content: browse the folders and pick folders and assets to add to the scope. */
export function AddContentDialog({
  isOpen,
  onOpenChange,
  onAdd,
}: {
  isOpen: boolean;
  onOpenChange: (o: boolean) => void;
  onAdd: (items: ScopeItem[]) => void;
}) {
  const [path, setPath] = useState(DAM_ROOT);
  const list = useRef<HTMLUListElement>(null);
  // Opening a folder replaces the list, and the button that had the focus with it: the focus moves
  // to the list, so that a keyboard user stays in the dialog, where the new content is.
  const open = (p: string) => {
    setPath(p);
    list.current?.focus();
  };
  const [picked, setPicked] = useState<Map<string, ScopeItem & { title: string }>>(new Map());
  const page = useQuery({
    queryKey: ["assets", "picker", path],
    queryFn: ({ signal }) =>
      getJson<BrowsePage>(`/api/assets/browse?${new URLSearchParams({ path, limit: "200" })}`, signal),
    enabled: isOpen,
  });
  const segments = path.slice(DAM_ROOT.length).split("/").filter(Boolean);
  const toggle = (i: ScopeItem & { title: string }, on: boolean) =>
    setPicked((m) => {
      const next = new Map(m);
      if (on) next.set(i.id, i);
      else next.delete(i.id);
      return next;
    });

  return (
    <Dialog title="Add Content" isOpen={isOpen} onOpenChange={onOpenChange} size="lg">
      <div className="grid gap-3">
        <nav aria-label="Folder" className="flex flex-wrap items-center gap-1 text-sm">
          <button type="button" className="rounded px-1 hover:bg-black/5" onClick={() => open(DAM_ROOT)}>
            Assets
          </button>
          {segments.map((s, i) => (
            <span key={i} className="flex items-center gap-1">
              <ChevronRight size={12} aria-hidden className="text-ink-muted" />
              <button
                type="button"
                className="rounded px-1 hover:bg-black/5"
                onClick={() => open(`${DAM_ROOT}/${segments.slice(0, i + 1).join("/")}`)}
              >
                {s}
              </button>
            </span>
          ))}
        </nav>
        {page.error && <Alert tone="negative">{page.error.message}</Alert>}
        <ul
          ref={list}
          tabIndex={-1}
          aria-label="Content"
          className="max-h-96 focus-visible:outline-2 focus-visible:outline-accent divide-y divide-line overflow-y-auto rounded border border-line"
        >
          {page.data?.items.map((i) => (
            <li key={i.id} className="flex items-center gap-3 px-3 py-1.5">
              <Checkbox
                aria-label={`Add ${i.title}`}
                isSelected={picked.has(i.id)}
                onChange={(on) => toggle({ kind: i.kind, id: i.id, title: i.title }, on)}
              />
              <TypeIcon kind={i.kind} mimeType={i.kind === "asset" ? i.mimeType : undefined} size={20} />
              {i.kind === "folder" ? (
                <button
                  type="button"
                  className="truncate text-left text-sm font-medium text-accent hover:underline"
                  onClick={() => open(i.path)}
                >
                  {i.title}
                </button>
              ) : (
                <span className="truncate text-sm">{i.title}</span>
              )}
              <span className="ml-auto truncate font-mono text-xs text-ink-muted">{i.name}</span>
            </li>
          ))}
          {page.data && !page.data.items.length && (
            <li className="px-3 py-6 text-center text-sm text-ink-muted">This folder is empty.</li>
          )}
        </ul>
      </div>
      <DialogFooter>
        <Button variant="secondary" onPress={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button
          variant="primary"
          isDisabled={!picked.size}
          onPress={() => {
            onAdd([...picked.values()].map(({ kind, id }) => ({ kind, id })));
            setPicked(new Map());
            onOpenChange(false);
          }}
        >
          Add{picked.size ? ` (${picked.size})` : ""}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
