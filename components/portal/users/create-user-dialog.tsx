"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Form } from "react-aria-components";
import { UserPlus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { NewPasswordField } from "@/components/portal/users/password-field";
import { usersApi, type UsersScope } from "@/components/portal/users/scope";
import { PORTAL_ROLES, PORTAL_ROLE_DESCRIPTIONS, PORTAL_ROLE_LABELS, type PortalRole } from "@/lib/portal/roles";

export const portalRoleOptions = PORTAL_ROLES.map((r) => ({
  id: r,
  label: PORTAL_ROLE_LABELS[r],
  description: PORTAL_ROLE_DESCRIPTIONS[r],
}));

export function CreatePortalUserButton({ scope, label = "Create" }: { scope: UsersScope; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onPress={() => setOpen(true)}>
        <UserPlus size={16} aria-hidden /> {label}
      </Button>
      <Dialog title="Create portal user" isOpen={open} onOpenChange={setOpen}>
        {(close) => <CreateForm scope={scope} onDone={close} />}
      </Dialog>
    </>
  );
}

function CreateForm({ scope, onDone }: { scope: UsersScope; onDone: () => void }) {
  const router = useRouter();
  const [v, setV] = useState({ login: "", displayName: "", role: "user" as PortalRole, password: "" });
  const { errors, error, pending, submit: run } = useActionForm();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await run(() => usersApi(scope).create(v));
    if (!res.ok) return;
    toast.positive(`User ${res.data.login} created`);
    router.refresh();
    onDone();
  }

  return (
    <Form onSubmit={submit} className="grid gap-4">
      {error && <Alert tone="negative">{error}</Alert>}
      <TextField
        label="User name"
        description="What they sign in with: lowercase letters, digits, '.', '_' and '-'"
        value={v.login}
        onChange={(login) => setV({ ...v, login })}
        error={errors.login}
        autoFocus
      />
      <TextField
        label="Display name"
        value={v.displayName}
        onChange={(displayName) => setV({ ...v, displayName })}
        error={errors.displayName}
      />
      <Select
        label="Role"
        options={portalRoleOptions}
        value={v.role}
        onChange={(role) => setV({ ...v, role: role as PortalRole })}
        error={errors.role}
      />
      <NewPasswordField
        label="Initial password"
        value={v.password}
        onChange={(password) => setV({ ...v, password })}
        error={errors.password}
        description="At least 10 characters. Pass it on to the user yourself: it is not sent anywhere."
      />
      <DialogFooter>
        <Button slot="close" variant="secondary">
          Cancel
        </Button>
        <Button type="submit" variant="primary" isDisabled={pending}>
          Create
        </Button>
      </DialogFooter>
    </Form>
  );
}
