"use client";
import { useState } from "react";
import { Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { renameAssetAction, renameFolderAction } from "@/lib/assets/actions";
import type { CommandContext } from "@/components/assets/commands/types";

/** Rename: a folder's Title and Name, or an asset's Name (its title is edited in Properties). */
export function RenameDialog({ items, close, done }: CommandContext) {
  const item = items[0];
  const [title, setTitle] = useState(item.title);
  const [name, setName] = useState(item.name);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const isFolder = item.kind === "folder";

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const res = isFolder ? await renameFolderAction({ id: item.id, title, name }) : await renameAssetAction({ id: item.id, name });
    setPending(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setError(res.fieldErrors ? null : res.error);
      return;
    }
    toast.positive(`Renamed to ${name}`);
    done();
  }

  return (
    <Dialog title={isFolder ? "Rename folder" : "Rename asset"} isOpen onOpenChange={(o) => !o && close()} size="sm">
      <Form onSubmit={submit} className="grid gap-4">
        {error && <Alert tone="negative">{error}</Alert>}
        {isFolder && <TextField label="Title" value={title} onChange={setTitle} error={errors.title} />}
        <TextField
          label="Name"
          description={isFolder ? "Lowercase letters, digits, '-' and '_'." : "The file name; it is part of the asset's path."}
          value={name}
          onChange={setName}
          error={errors.name}
          autoFocus
        />
        <DialogFooter>
          <Button slot="close" variant="secondary">Cancel</Button>
          <Button type="submit" variant="primary" isDisabled={pending}>Rename</Button>
        </DialogFooter>
      </Form>
    </Dialog>
  );
}
