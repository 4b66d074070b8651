"use client";
import { useState } from "react";
import { Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const res = await createFolderAction({ parentPath, title, name });
    setPending(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setError(res.fieldErrors ? null : res.error);
      return;
    }
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
