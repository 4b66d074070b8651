"use client";
import { Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { createFolderAction } from "@/lib/assets/actions";
import { deriveFolderName } from "@/lib/assets/names";
import { TitleNameFields, useTitleName } from "@/components/ui/title-name-fields";

/** Create › Folder: Title, and a Name derived from it until the user edits it. */
export function CreateFolderDialog({
  parentPath,
  isOpen,
  onOpenChange,
  onCreated,
}: {
  parentPath: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: () => void;
}) {
  return (
    <Dialog title="Create Folder" isOpen={isOpen} onOpenChange={onOpenChange} size="sm">
      {(close) => (
        <CreateFolderForm
          parentPath={parentPath}
          onDone={() => {
            onCreated();
            close();
          }}
        />
      )}
    </Dialog>
  );
}

function CreateFolderForm({ parentPath, onDone }: { parentPath: string; onDone: () => void }) {
  const fields = useTitleName(deriveFolderName);
  const { title, name } = fields;
  const { errors, error, pending, submit: run } = useActionForm();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await run(() => createFolderAction({ parentPath, title, name }));
    if (!res.ok) return;
    toast.positive(`Folder ${res.data.title} created`);
    onDone();
  }

  return (
    <Form onSubmit={submit} className="grid gap-4">
      {error && <Alert tone="negative">{error}</Alert>}
      <TitleNameFields
        state={fields}
        errors={errors}
        nameDescription="Lowercase letters, digits, '-' and '_'. Part of the folder's path."
      />
      <p className="text-xs text-ink-muted">
        Creates{" "}
        <span className="font-mono">
          {parentPath}/{name || "…"}
        </span>
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
