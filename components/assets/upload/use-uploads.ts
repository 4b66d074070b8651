"use client";
import { useCallback, useRef, useState } from "react";
import { postJson } from "@/lib/http/browser-api";
import { formatBytes } from "@/lib/format";
import { numberRepeats, suggestAssetName } from "@/lib/assets/names";

export type UploadStatus = "checking" | "queued" | "uploading" | "done" | "failed" | "cancelled" | "skipped";
export type Conflict = "replace" | "keep-both";
export type UploadEntry = {
  key: string;
  file: File;
  name: string;
  folderPath: string;
  status: UploadStatus;
  loaded: number;
  total: number;
  conflict?: Conflict;
  /** What happened, in words: "Uploaded", "Uploaded as photo-1.jpg", the server's error… */
  message?: string;
};
/** Still to finish: being checked, waiting or sending. */
export const isActive = (e: UploadEntry) =>
  e.status === "checking" || e.status === "queued" || e.status === "uploading";

export type ConflictQuestion = { folderPath: string; names: string[]; answer: (choice: Conflict | "skip") => void };

const PARALLEL = 3;
let seq = 0;

/**
 * The upload queue: each file is one XMLHttpRequest PUT of the raw file to /api/assets/upload
 * (XHR, not fetch, because only XHR reports upload progress), three at a time, each cancellable.
 * Names that exist are asked about first (Replace / Keep both / Skip); a name repeated within the
 * files chosen together is numbered.
 */
export function useUploads({ limit, onUploaded }: { limit: number; onUploaded: () => void }) {
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const [question, setQuestion] = useState<ConflictQuestion | null>(null);
  const xhrs = useRef(new Map<string, XMLHttpRequest>());
  const queue = useRef<UploadEntry[]>([]);
  const running = useRef(0);

  const update = useCallback((key: string, patch: Partial<UploadEntry>) => {
    setEntries((all) => all.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  }, []);

  const pump = useCallback(() => {
    const next = () => {
      while (running.current < PARALLEL && queue.current.length) {
        const entry = queue.current.shift()!;
        running.current++;
        send(entry, update, xhrs.current).finally(() => {
          running.current--;
          onUploaded();
          next();
        });
      }
    };
    next();
  }, [update, onUploaded]);

  const add = useCallback(
    async (files: File[], folderPath: string) => {
      const names = numberRepeats(files.map((f) => suggestAssetName(f.name)));
      const fresh: UploadEntry[] = files.map((file, i) => {
        const base = {
          key: `u${++seq}`,
          file,
          name: names[i],
          folderPath,
          loaded: 0,
          total: file.size,
        };
        return file.size > limit
          ? {
              ...base,
              status: "failed",
              message: `${formatBytes(file.size)} is more than the upload limit of ${formatBytes(limit)}.`,
            }
          : { ...base, status: "checking" };
      });
      setEntries((all) => [...all, ...fresh]);
      const candidates = fresh.filter((e) => e.status === "checking");
      if (!candidates.length) return;
      let existing: string[] = [];
      try {
        existing = (
          await postJson<{ existing: string[] }>("/api/assets/upload/check", {
            folder: folderPath,
            names: candidates.map((e) => e.name),
          })
        ).existing;
      } catch (e) {
        for (const c of candidates) update(c.key, { status: "failed", message: (e as Error).message });
        return;
      }
      const clash = candidates.filter((e) => existing.includes(e.name));
      let choice: Conflict | "skip" | null = null;
      if (clash.length) {
        choice = await new Promise<Conflict | "skip">((answer) =>
          setQuestion({ folderPath, names: clash.map((c) => c.name), answer }),
        );
        setQuestion(null);
      }
      for (const c of candidates) {
        if (existing.includes(c.name)) {
          if (choice === "skip") {
            update(c.key, { status: "skipped", message: "Skipped: a file with this name exists." });
            continue;
          }
          c.conflict = choice as Conflict;
        }
        update(c.key, { status: "queued", conflict: c.conflict });
        queue.current.push(c);
      }
      pump();
    },
    [limit, pump, update],
  );

  const cancel = useCallback(
    (key: string) => {
      const queued = queue.current.findIndex((e) => e.key === key);
      if (queued >= 0) {
        queue.current.splice(queued, 1);
        update(key, { status: "cancelled", message: "Cancelled" });
      }
      xhrs.current.get(key)?.abort();
    },
    [update],
  );

  const cancelAll = useCallback(() => {
    for (const e of queue.current) update(e.key, { status: "cancelled", message: "Cancelled" });
    queue.current = [];
    for (const x of xhrs.current.values()) x.abort();
  }, [update]);

  const clear = useCallback(() => setEntries((all) => all.filter(isActive)), []);

  return { entries, question, add, cancel, cancelAll, clear };
}

function send(
  entry: UploadEntry,
  update: (key: string, patch: Partial<UploadEntry>) => void,
  xhrs: Map<string, XMLHttpRequest>,
): Promise<void> {
  return new Promise((resolve) => {
    const q = new URLSearchParams({ folder: entry.folderPath, name: entry.name });
    if (entry.conflict) q.set("conflict", entry.conflict);
    const xhr = new XMLHttpRequest();
    xhrs.set(entry.key, xhr);
    const finish = (patch: Partial<UploadEntry>) => {
      xhrs.delete(entry.key);
      update(entry.key, patch);
      resolve();
    };
    xhr.open("PUT", `/api/assets/upload?${q}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) =>
      update(entry.key, { loaded: e.loaded, total: e.lengthComputable ? e.total : entry.total });
    xhr.onload = () => {
      const body = xhr.response as {
        outcome?: string;
        asset?: { name: string; version: number; typeFlag: string | null };
        message?: string;
      } | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.asset) {
        const said =
          body.outcome === "replaced"
            ? `Uploaded as version ${body.asset.version}`
            : body.outcome === "kept-both"
              ? `Uploaded as ${body.asset.name}`
              : "Uploaded";
        finish({
          status: "done",
          loaded: entry.total,
          message: body.asset.typeFlag ? `${said}. ${body.asset.typeFlag}` : said,
        });
      } else {
        finish({
          status: "failed",
          message: body?.message ?? `The server answered ${xhr.status}; nothing was stored.`,
        });
      }
    };
    xhr.onerror = () =>
      finish({ status: "failed", message: "The connection broke off; nothing was stored. Try again." });
    xhr.onabort = () => finish({ status: "cancelled", message: "Cancelled" });
    update(entry.key, { status: "uploading" });
    xhr.send(entry.file);
  });
}
