"use client";
import { CheckCircle2, XCircle, X, MinusCircle } from "lucide-react";
import { Button, IconButton } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatBytes } from "@/lib/format";
import { isActive as active, type ConflictQuestion, type UploadEntry } from "@/components/assets/upload/use-uploads";

/** The upload progress panel: overall progress, then each file with its bar, outcome and Cancel. */
export function UploadPanel({
  entries,
  onCancel,
  onCancelAll,
  onClose,
}: {
  entries: UploadEntry[];
  onCancel: (key: string) => void;
  onCancelAll: () => void;
  onClose: () => void;
}) {
  if (!entries.length) return null;
  const counted = entries.filter(
    (e) => e.status !== "skipped" && e.status !== "cancelled" && !(e.status === "failed" && e.loaded === 0),
  );
  const total = counted.reduce((s, e) => s + e.total, 0);
  const loaded = counted.reduce((s, e) => s + Math.min(e.loaded, e.total), 0);
  const running = entries.filter(active).length;
  const done = entries.filter((e) => e.status === "done").length;
  const failed = entries.filter((e) => e.status === "failed").length;
  const summary = running
    ? `Uploading ${entries.length - running + 1} of ${entries.length} file${entries.length === 1 ? "" : "s"}`
    : [`${done} uploaded`, failed && `${failed} failed`].filter(Boolean).join(", ");
  return (
    <section
      aria-label="Uploads"
      className="fixed bottom-4 right-4 z-40 flex max-h-[60vh] w-[26rem] flex-col rounded-lg border border-line bg-surface shadow-2xl"
    >
      <header className="flex items-center gap-2 border-b border-line px-4 py-3">
        <div className="min-w-0 flex-1">
          <ProgressBar
            label={summary}
            value={total ? (loaded / total) * 100 : running ? 0 : 100}
            valueText={`${formatBytes(loaded)} of ${formatBytes(total)}`}
            tone={failed && !running ? "negative" : running ? "accent" : "positive"}
          />
        </div>
        {running ? (
          <Button variant="quiet" onPress={onCancelAll}>
            Cancel all
          </Button>
        ) : (
          <IconButton label="Close uploads" onPress={onClose}>
            <X size={18} aria-hidden />
          </IconButton>
        )}
      </header>
      <ul className="overflow-y-auto px-4 py-2">
        {entries.map((e) => (
          <li
            key={e.key}
            className="flex items-start gap-2 border-b border-line py-2 last:border-0"
            aria-label={e.name}
          >
            <span className="mt-0.5 shrink-0">
              {e.status === "done" ? (
                <CheckCircle2 size={16} className="text-positive" aria-hidden />
              ) : e.status === "failed" ? (
                <XCircle size={16} className="text-negative" aria-hidden />
              ) : e.status === "cancelled" || e.status === "skipped" ? (
                <MinusCircle size={16} className="text-ink-muted" aria-hidden />
              ) : (
                <span className="block h-4 w-4" />
              )}
            </span>
            <div className="min-w-0 flex-1">
              <ProgressBar
                label={e.name}
                size="sm"
                value={e.total ? (Math.min(e.loaded, e.total) / e.total) * 100 : e.status === "done" ? 100 : 0}
                valueText={
                  e.status === "uploading"
                    ? `${Math.round((e.loaded / (e.total || 1)) * 100)}%`
                    : e.status === "checking"
                      ? "Checking…"
                      : e.status === "queued"
                        ? "Waiting"
                        : formatBytes(e.total)
                }
                tone={e.status === "failed" ? "negative" : e.status === "done" ? "positive" : "accent"}
              />
              {e.message && (
                <p
                  role={e.status === "failed" ? "alert" : undefined}
                  className={e.status === "failed" ? "mt-1 text-xs text-negative" : "mt-1 text-xs text-ink-muted"}
                >
                  {e.message}
                </p>
              )}
            </div>
            {active(e) && e.status !== "checking" && (
              <IconButton label={`Cancel ${e.name}`} className="h-6 w-6" onPress={() => onCancel(e.key)}>
                <X size={14} aria-hidden />
              </IconButton>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Names that exist already: AEM's Name Conflict dialog. */
export function ConflictDialog({ question }: { question: ConflictQuestion | null }) {
  if (!question) return null;
  const n = question.names.length;
  return (
    <Dialog title="Name conflict" isOpen onOpenChange={(o) => !o && question.answer("skip")} size="sm">
      <div className="grid gap-3 text-sm">
        <p>
          {n === 1 ? "A file with this name exists" : `Files with these ${n} names exist`} in{" "}
          <span className="font-mono">{question.folderPath}</span>:
        </p>
        <ul className="max-h-40 list-disc overflow-y-auto pl-5">
          {question.names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
        <p className="text-ink-muted">
          <strong>Replace</strong> makes the upload a new version of the existing asset; <strong>Keep both</strong>{" "}
          stores it under a numbered name.
        </p>
      </div>
      <DialogFooter>
        <Button variant="secondary" onPress={() => question.answer("skip")}>
          Skip
        </Button>
        <Button variant="secondary" onPress={() => question.answer("keep-both")}>
          Keep both
        </Button>
        <Button variant="primary" onPress={() => question.answer("replace")}>
          Replace
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
