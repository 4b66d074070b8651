"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { CollectionFields, useCollectionDraft } from "@/components/assets/collections/collection-fields";
import { createCollectionAction } from "@/lib/assets/actions";

/** Create (collection): Title, Name, Description. */
export function CreateCollectionButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onPress={() => setOpen(true)}>
        Create
      </Button>
      <Dialog title="Create Collection" isOpen={open} onOpenChange={setOpen}>
        {(close) => <CreateCollectionForm onDone={close} />}
      </Dialog>
    </>
  );
}

function CreateCollectionForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const draft = useCollectionDraft();
  const { errors, error, pending, submit } = useActionForm();
  return (
    <Form
      className="grid gap-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const res = await submit(() => createCollectionAction(draft.draft));
        if (!res.ok) return;
        toast.positive(`Collection ${draft.draft.title} created`);
        router.refresh();
        onDone();
      }}
    >
      {error && <Alert tone="negative">{error}</Alert>}
      <CollectionFields state={draft} errors={errors} />
      <p className="text-xs text-ink-muted">
        Add assets to it from the Assets console: select them, then Add to Collection.
      </p>
      <DialogFooter>
        <Button slot="close" variant="secondary">
          Cancel
        </Button>
        <Button type="submit" variant="primary" isPending={pending}>
          Create
        </Button>
      </DialogFooter>
    </Form>
  );
}
