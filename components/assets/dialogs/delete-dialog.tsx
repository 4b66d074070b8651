"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { postJson } from "@/lib/http/browser-api";
import { deleteItemsAction } from "@/lib/assets/actions";
import type { DeletePreview, ItemRef } from "@/lib/assets/types";
import type { CommandContext } from "@/components/assets/commands/types";

/**
 * Delete: names what goes; a folder that is not empty is asked about a second time, with what it
 * holds, before anything is removed.
 */
export function DeleteDialog({ items, close, done }: CommandContext) {
  const refs = items.map((i) => ({ kind: i.kind, id: i.id }) as ItemRef);
  const preview = useQuery({
    queryKey: ["assets", "delete-preview", refs],
    queryFn: () => postJson<DeletePreview>("/api/assets/delete-preview", { items: refs }),
    gcTime: 0,
  });
  const [step, setStep] = useState<"confirm" | "again">("confirm");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const nonEmpty = preview.data?.nonEmpty ?? [];
  const onPortal = preview.data?.onPortal ?? 0;

  async function remove(confirmNonEmpty: boolean) {
    setPending(true);
    const res = await deleteItemsAction({ items: refs, confirmNonEmpty });
    setPending(false);
    if (!res.ok) return setError(res.error);
    const d = res.data;
    toast.positive(
      `Deleted ${[d.folders && `${d.folders} folder${d.folders === 1 ? "" : "s"}`, d.assets && `${d.assets} asset${d.assets === 1 ? "" : "s"}`].filter(Boolean).join(" and ")}`,
    );
    done();
  }

  return (
    <Dialog
      title={step === "confirm" ? "Delete" : "Delete folders that are not empty?"}
      isOpen
      onOpenChange={(o) => !o && close()}
      size="sm"
      role="alertdialog"
    >
      <div className="grid gap-3 text-sm">
        {error && <Alert tone="negative">{error}</Alert>}
        {preview.error && <Alert tone="negative">{preview.error.message}</Alert>}
        {step === "confirm" ? (
          <>
            <p>You are going to delete {items.length === 1 ? "this item" : `these ${items.length} items`}:</p>
            <ul className="max-h-40 list-disc overflow-y-auto pl-5">
              {items.slice(0, 20).map((i) => (
                <li key={i.id}>
                  <strong>{i.title}</strong> <span className="text-ink-muted">({i.name})</span>
                </li>
              ))}
              {items.length > 20 && <li>and {items.length - 20} more</li>}
            </ul>
            {onPortal > 0 && (
              <Alert tone="notice">
                {items.length === 1 ? "This item is" : `${onPortal} of these items ${onPortal === 1 ? "is" : "are"}`}{" "}
                published to Brand Portal: deleting also removes {onPortal === 1 ? "it" : "them"} from Brand Portal.
              </Alert>
            )}
            <p className="text-ink-muted">Deleted items cannot be restored.</p>
          </>
        ) : (
          <>
            <p>These folders hold other items, which are deleted with them:</p>
            <ul className="list-disc pl-5">
              {nonEmpty.map((f) => (
                <li key={f.path}>
                  <strong>{f.title}</strong>: {f.folders} folder{f.folders === 1 ? "" : "s"} and {f.assets} asset
                  {f.assets === 1 ? "" : "s"}
                </li>
              ))}
            </ul>
            <Alert tone="notice">
              In all, {preview.data!.folders} folder{preview.data!.folders === 1 ? "" : "s"} and {preview.data!.assets}{" "}
              asset{preview.data!.assets === 1 ? "" : "s"} will be deleted for good.
            </Alert>
          </>
        )}
      </div>
      <DialogFooter>
        <Button variant="secondary" onPress={close} isDisabled={pending}>
          Cancel
        </Button>
        {step === "confirm" ? (
          <Button
            variant="negative"
            isPending={pending}
            isDisabled={preview.isPending || !!preview.error}
            onPress={() => (nonEmpty.length ? setStep("again") : remove(false))}
          >
            Delete
          </Button>
        ) : (
          <Button variant="negative" isPending={pending} onPress={() => remove(true)}>
            Delete everything
          </Button>
        )}
      </DialogFooter>
    </Dialog>
  );
}
