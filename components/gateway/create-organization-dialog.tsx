"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Form } from "react-aria-components";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { createOrganizationAction } from "@/lib/gateway/actions";

export function CreateOrganizationButton({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onPress={() => setOpen(true)}>
        <Plus size={16} aria-hidden /> Create Organization
      </Button>
      <Dialog title="Create Organization" isOpen={open} onOpenChange={setOpen} size="sm">
        {(close) => <CreateOrganizationForm onDone={close} />}
      </Dialog>
    </>
  );
}

function CreateOrganizationForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const { errors, error, pending, submit } = useActionForm();
  const fieldError = errors.name;
  return (
    <Form
      className="grid gap-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const res = await submit(() => createOrganizationAction({ name }));
        if (!res.ok) return;
        toast.positive(`Organization ${res.data.name} created`, { description: `Technical ID ${res.data.techId}` });
        router.refresh();
        onDone();
      }}
    >
      {error && <Alert tone="negative">{error}</Alert>}
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        error={fieldError}
        autoFocus
        description="You become its administrator. A technical ID such as A1B2C3D4E5@OutpostOrg is generated."
      />
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
