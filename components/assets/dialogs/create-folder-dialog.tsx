"use client";
import { useState } from "react";
import { Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { createFolderAction } from "@/lib/assets/actions";
import { deriveFolderName } from "@/lib/assets/names";

/** Create › Folder: Title, and a Name derived from it until the user edits it. */
export function CreateFolderDialog({ parentPath, isOpen, onOpenChange, onCreated }: {
  parentPath: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: () => void;
}) {
  return (
    <Dialog title="Create Folder" isOpen={isOpen} onOpenChange={onOpenChange} size="sm">
      {(close) => <CreateFolderForm parentPath={parentPath} onDone={() => { onCreated(); close(); }} />}
    </Dialog>
  );
}

function CreateFolderForm({ parentPath, onDone }: { parentPath: string; onDone: () => void }) {
  const [title, setTitle] = useState("");
  const [name, setName] = useState("");
  const [nameEdited, setNameEdited] = useState(false);
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
      <TextField
        label="Title"
        value={title}
        onChange={(t) => {
          setTitle(t);
          if (!nameEdited) setName(deriveFolderName(t));
        }}
        error={errors.title}
        autoFocus
      />
      <TextField
        label="Name"
        description="Lowercase letters, digits, '-' and '_'. Part of the folder's path."
        value={name}
        onChange={(n) => {
          setName(n);
          setNameEdited(true);
        }}
        error={errors.name}
      />
      <p className="text-xs text-ink-muted">Creates <span className="font-mono">{parentPath}/{name || "…"}</span></p>
      <DialogFooter>
        <Button slot="close" variant="secondary">Cancel</Button>
        <Button type="submit" variant="primary" isDisabled={pending}>Create</Button>
      </DialogFooter>
    </Form>
  );
}
