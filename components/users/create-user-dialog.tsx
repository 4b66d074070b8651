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
import { createUserAction } from "@/lib/auth/actions";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";

const roleOptions = ROLES.map((r) => ({
  id: r,
  label: ROLE_LABELS[r],
  description:
    r === "administrator" ? "Everything, including Tools and Security" : "Assets, publication and workflow instances",
}));

export function CreateUserButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onPress={() => setOpen(true)}>
        <UserPlus size={16} aria-hidden /> Create
      </Button>
      <Dialog title="Create user" isOpen={open} onOpenChange={setOpen}>
        {(close) => <CreateUserForm onDone={close} />}
      </Dialog>
    </>
  );
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const [v, setV] = useState({ login: "", name: "", role: "author" as Role, password: "" });
  const { errors, error, pending, submit: run } = useActionForm();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await run(() => createUserAction(v));
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
        description="Lowercase letters, digits, '.', '_' and '-'"
        value={v.login}
        onChange={(login) => setV({ ...v, login })}
        error={errors.login}
        autoFocus
      />
      <TextField label="Name" value={v.name} onChange={(name) => setV({ ...v, name })} error={errors.name} />
      <Select
        label="Role"
        options={roleOptions}
        value={v.role}
        onChange={(role) => setV({ ...v, role: role as Role })}
        error={errors.role}
      />
      <TextField
        label="Initial password"
        type="password"
        autoComplete="new-password"
        description="At least 10 characters. Tell the user to change it after signing in."
        value={v.password}
        onChange={(password) => setV({ ...v, password })}
        error={errors.password}
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
