"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ChevronRight, Folder } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { getJson } from "@/lib/http/browser-api";
import { moveItemsAction } from "@/lib/assets/actions";
import { DAM_ROOT } from "@/lib/assets/names";
import type { FolderRef, ItemRef } from "@/lib/assets/types";
import type { CommandContext } from "@/components/assets/commands/types";

type Level = { parent: FolderRef; folders: (FolderRef & { hasChildren: boolean })[] };

/** Move: browse to the destination folder, then Move here. */
export function MoveDialog({ items, folder, close, done }: CommandContext) {
  const [path, setPath] = useState(folder?.path ?? DAM_ROOT);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const level = useQuery({
    queryKey: ["assets", "folders", path],
    queryFn: ({ signal }) => getJson<Level>(`/api/assets/folders?path=${encodeURIComponent(path)}`, signal),
  });
  const moving = new Set(items.filter((i) => i.kind === "folder").map((i) => i.path));
  const segments = path.slice(DAM_ROOT.length).split("/").filter(Boolean);

  async function move() {
    setPending(true);
    const res = await moveItemsAction({
      items: items.map((i) => ({ kind: i.kind, id: i.id }) as ItemRef),
      targetPath: path,
    });
    setPending(false);
    if (!res.ok) return setError(res.error);
    toast.positive(
      `Moved ${items.length === 1 ? items[0].title : `${items.length} items`} to ${level.data?.parent.title ?? path}`,
    );
    done();
  }

  return (
    <Dialog
      title={`Move ${items.length === 1 ? items[0].title : `${items.length} items`}`}
      isOpen
      onOpenChange={(o) => !o && close()}
    >
      <div className="grid gap-3">
        {error && <Alert tone="negative">{error}</Alert>}
        <nav aria-label="Destination" className="flex flex-wrap items-center gap-1 text-sm">
          <button type="button" className="rounded px-1 hover:bg-black/5" onClick={() => setPath(DAM_ROOT)}>
            Assets
          </button>
          {segments.map((s, i) => (
            <span key={i} className="flex items-center gap-1">
              <ChevronRight size={12} aria-hidden className="text-ink-muted" />
              <button
                type="button"
                className="rounded px-1 hover:bg-black/5"
                onClick={() => setPath(`${DAM_ROOT}/${segments.slice(0, i + 1).join("/")}`)}
              >
                {s}
              </button>
            </span>
          ))}
        </nav>
        <ul aria-label="Folders" className="h-64 overflow-y-auto rounded border border-line">
          {level.isPending && <li className="p-3 text-sm text-ink-muted">Loading folders…</li>}
          {level.error && <li className="p-3 text-sm text-negative">{level.error.message}</li>}
          {level.data?.folders.length === 0 && (
            <li className="p-3 text-sm text-ink-muted">No subfolders. Move here, or go back up.</li>
          )}
          {level.data?.folders.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                disabled={moving.has(f.path)}
                onClick={() => setPath(f.path)}
                className="flex w-full items-center gap-2 border-b border-line px-3 py-2 text-left text-sm hover:bg-canvas disabled:opacity-40"
              >
                <Folder size={16} className="text-[#6f8fb3]" aria-hidden />
                <span className="flex-1 truncate">
                  {f.title} <span className="text-ink-muted">({f.name})</span>
                </span>
                {f.hasChildren && <ChevronRight size={14} aria-hidden className="text-ink-muted" />}
              </button>
            </li>
          ))}
        </ul>
        <p className="text-xs text-ink-muted">
          Destination: <span className="font-mono">{path}</span>
        </p>
      </div>
      <DialogFooter>
        <Button variant="secondary" onPress={close}>
          Cancel
        </Button>
        <Button variant="primary" onPress={move} isPending={pending} isDisabled={level.isPending}>
          Move here
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
