"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Form } from "react-aria-components";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { Select, type Option } from "@/components/ui/select";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { ScopeField } from "@/components/gateway/scope-field";
import { createApplicationAction } from "@/lib/gateway/actions";
import { SCOPES, type Scope } from "@/lib/gateway/scopes";

/** "Add Application": Application Name, Description, Organization, Scope, Add. */
export function AddApplicationButton({ organizations }: { organizations: Option[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onPress={() => setOpen(true)} isDisabled={organizations.length === 0}>
        <Plus size={16} aria-hidden /> Add Application
      </Button>
      <Dialog title="Add Application" isOpen={open} onOpenChange={setOpen}>
        {(close) => <AddApplicationForm organizations={organizations} onDone={close} />}
      </Dialog>
    </>
  );
}

function AddApplicationForm({ organizations, onDone }: { organizations: Option[]; onDone: () => void }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [orgId, setOrgId] = useState<string | null>(organizations.length === 1 ? organizations[0].id : null);
  const [scopes, setScopes] = useState<Scope[]>([...SCOPES]);
  const { errors, error, pending, submit: run } = useActionForm();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await run(() => createApplicationAction({ name, description, orgId: orgId ?? "", scopes }));
    if (!res.ok) return;
    toast.positive(`Application ${res.data.name} added`, {
      description: "Copy its Application ID into the console's Brand Portal configuration.",
    });
    onDone();
    router.push(`/gateway/applications/${res.data.clientId}`);
  }

  return (
    <Form onSubmit={submit} className="grid gap-4">
      {error && <Alert tone="negative">{error}</Alert>}
      <TextField label="Application Name" value={name} onChange={setName} error={errors.name} autoFocus />
      <TextField
        label="Description"
        description="Optional: what uses this application"
        value={description}
        onChange={setDescription}
        error={errors.description}
        multiline
        rows={2}
      />
      <Select
        label="Organization"
        options={organizations}
        value={orgId}
        onChange={setOrgId}
        error={errors.orgId}
        placeholder="Select an organization"
      />
      <ScopeField value={scopes} onChange={setScopes} error={errors.scopes} />
      <DialogFooter>
        <Button slot="close" variant="secondary">
          Cancel
        </Button>
        <Button type="submit" variant="primary" isPending={pending}>
          Add
        </Button>
      </DialogFooter>
    </Form>
  );
}
