"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { deleteCollectionsAction, removeFromCollectionAction } from "@/lib/assets/actions";
import type { CommandContext } from "@/components/assets/commands/types";

function Confirm({
  title,
  children,
  confirmLabel,
  run,
  close,
}: {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  run: () => Promise<string | void>;
  close: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <Dialog title={title} isOpen onOpenChange={(o) => !o && close()} size="sm" role="alertdialog">
      <div className="grid gap-3 text-sm">
        {error && <Alert tone="negative">{error}</Alert>}
        {children}
      </div>
      <DialogFooter>
        <Button variant="secondary" onPress={close} isDisabled={pending}>
          Cancel
        </Button>
        <Button
          variant="negative"
          isPending={pending}
          onPress={async () => {
            setPending(true);
            const err = await run();
            setPending(false);
            if (err) setError(err);
          }}
        >
          {confirmLabel}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}

/** Remove from Collection: the assets stay in their folders. */
export function RemoveFromCollectionDialog({ items, collection, close, done }: CommandContext) {
  return (
    <Confirm
      title="Remove from Collection"
      confirmLabel="Remove"
      close={close}
      run={async () => {
        const res = await removeFromCollectionAction({
          collectionId: collection!.id,
          assetIds: items.map((i) => i.id),
        });
        if (!res.ok) return res.error;
        toast.positive(
          `Removed ${res.data.removed} asset${res.data.removed === 1 ? "" : "s"} from ${collection!.title}`,
        );
        done();
      }}
    >
      <p>
        Remove {items.length === 1 ? <strong>{items[0].title}</strong> : `${items.length} assets`} from{" "}
        <strong>{collection?.title}</strong>?{" "}
        {items.length === 1 ? "The asset itself stays where it is." : "The assets themselves stay where they are."}
      </p>
    </Confirm>
  );
}

/** Delete collections: their assets stay. */
export function DeleteCollectionsDialog({ items, close, done }: CommandContext) {
  return (
    <Confirm
      title="Delete collection"
      confirmLabel="Delete"
      close={close}
      run={async () => {
        const res = await deleteCollectionsAction({ ids: items.map((i) => i.id) });
        if (!res.ok) return res.error;
        toast.positive(`Deleted ${res.data.deleted} collection${res.data.deleted === 1 ? "" : "s"}`);
        done();
      }}
    >
      <p>
        Delete {items.length === 1 ? <strong>{items[0].title}</strong> : `${items.length} collections`}? The assets in{" "}
        {items.length === 1 ? "it" : "them"} are not deleted.
      </p>
    </Confirm>
  );
}
