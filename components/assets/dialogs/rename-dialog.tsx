"use client";
import { useState } from "react";
import { Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { renameAssetAction, renameFolderAction } from "@/lib/assets/actions";
import type { CommandContext } from "@/components/assets/commands/types";

/** Rename: a folder's Title and Name, or an asset's Name (its title is edited in Properties). */
export function RenameDialog({ items, close, done }: CommandContext) {
  const item = items[0];
  const [title, setTitle] = useState(item.title);
  const [name, setName] = useState(item.name);
  const { errors, error, pending, submit: run } = useActionForm();
  const isFolder = item.kind === "folder";

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await run<unknown>(() =>
      isFolder ? renameFolderAction({ id: item.id, title, name }) : renameAssetAction({ id: item.id, name }),
    );
    if (!res.ok) return;
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
          description={
            isFolder ? "Lowercase letters, digits, '-' and '_'." : "The file name; it is part of the asset's path."
          }
          value={name}
          onChange={setName}
          error={errors.name}
          autoFocus
        />
        <DialogFooter>
          <Button slot="close" variant="secondary">
            Cancel
          </Button>
          <Button type="submit" variant="primary" isPending={pending}>
            Rename
          </Button>
        </DialogFooter>
      </Form>
    </Dialog>
  );
}
