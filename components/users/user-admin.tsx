"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Form } from "react-aria-components";
import { MoreHorizontal, UserPlus } from "lucide-react";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { Menu, MenuItem } from "@/components/ui/menu";
import { IconButton, Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/text-field";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/alert";
import { StatusLight } from "@/components/ui/status-light";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { NewPasswordField } from "@/components/users/new-password-field";
import type { ActionResult } from "@/lib/actions/result";
import { formatDateTime } from "@/lib/format";

// One users screen for the console's users and a Brand Portal tenant's users (managed inside the
// portal or from the console's tenant page): a table with change role, reset password and
// disable, and a create dialog. Each caller gives its roles, its wording of the person's name and
// the server actions of its own kind of session.

export type UserRow = {
  id: string;
  login: string;
  name: string;
  role: string;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};
export type RoleOption = { id: string; label: string; description?: string };
export type NewUser = { login: string; name: string; role: string; password: string };

/** The server actions behind the screens; field errors use NewUser's keys. */
export type UserAdminActions = {
  create: (v: NewUser) => Promise<ActionResult<{ login: string }>>;
  changeRole: (userId: string, role: string) => Promise<ActionResult<unknown>>;
  resetPassword: (userId: string, password: string) => Promise<ActionResult<unknown>>;
  setDisabled: (userId: string, disabled: boolean) => Promise<ActionResult<unknown>>;
};

/** What differs between the kinds of users, in words. */
export type UserAdminWords = {
  /** The table's accessible name and the create dialog's title: "Users" / "Create user". */
  table: string;
  createTitle: string;
  /** The column and field of the person's name: "Name" / "Display name". */
  name: string;
  loginDescription: string;
  initialPasswordDescription: string;
};

type Pending = { kind: "role" | "password" | "disable" | "enable"; user: UserRow } | null;

export function UserAdminTable({
  users,
  me,
  roles,
  actions,
  words,
  lockOwnRole = false,
}: {
  users: UserRow[];
  /** The signed-in user's id, when they are one of these users: they cannot disable themselves. */
  me?: string;
  roles: RoleOption[];
  actions: UserAdminActions;
  words: UserAdminWords;
  /** Whether the signed-in user is kept from changing their own role too. */
  lockOwnRole?: boolean;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending>(null);
  const close = () => setPending(null);
  const roleLabel = (id: string) => roles.find((r) => r.id === id)?.label ?? id;

  return (
    <div className="overflow-x-auto rounded border border-line bg-surface">
      <Table aria-label={words.table}>
        <TableHeader>
          <Column isRowHeader>User name</Column>
          <Column>{words.name}</Column>
          <Column>Role</Column>
          <Column>Status</Column>
          <Column>Last sign-in</Column>
          <Column className="w-12">
            <span className="sr-only">Actions</span>
          </Column>
        </TableHeader>
        <TableBody
          items={users}
          renderEmptyState={() => <p className="p-6 text-center text-ink-muted">No users match.</p>}
        >
          {(u) => (
            <Row id={u.id}>
              <Cell className="font-medium">
                {u.login}
                {u.id === me && <span className="ml-2 text-xs text-ink-muted">(you)</span>}
              </Cell>
              <Cell>{u.name}</Cell>
              <Cell>{roleLabel(u.role)}</Cell>
              <Cell>
                {u.disabled ? (
                  <StatusLight tone="neutral">Disabled</StatusLight>
                ) : (
                  <StatusLight tone="positive">Enabled</StatusLight>
                )}
              </Cell>
              <Cell className="text-ink-muted">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "Never"}</Cell>
              <Cell>
                <Menu
                  label={`Actions for ${u.login}`}
                  trigger={
                    <IconButton label={`Actions for ${u.login}`}>
                      <MoreHorizontal size={18} aria-hidden />
                    </IconButton>
                  }
                >
                  <MenuItem
                    isDisabled={lockOwnRole && u.id === me}
                    onAction={() => setPending({ kind: "role", user: u })}
                  >
                    Change role
                  </MenuItem>
                  <MenuItem onAction={() => setPending({ kind: "password", user: u })}>Reset password</MenuItem>
                  {u.disabled ? (
                    <MenuItem onAction={() => setPending({ kind: "enable", user: u })}>Enable</MenuItem>
                  ) : (
                    <MenuItem
                      destructive
                      isDisabled={u.id === me}
                      onAction={() => setPending({ kind: "disable", user: u })}
                    >
                      Disable
                    </MenuItem>
                  )}
                </Menu>
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>

      {pending?.kind === "role" && (
        <ChangeRoleDialog user={pending.user} roles={roles} actions={actions} onClose={close} />
      )}
      {pending?.kind === "password" && <ResetPasswordDialog user={pending.user} actions={actions} onClose={close} />}
      {(pending?.kind === "disable" || pending?.kind === "enable") && (
        <ConfirmDialog
          isOpen
          onOpenChange={(o) => !o && close()}
          title={pending.kind === "disable" ? "Disable user" : "Enable user"}
          confirmLabel={pending.kind === "disable" ? "Disable" : "Enable"}
          destructive={pending.kind === "disable"}
          onConfirm={async () => {
            const res = await actions.setDisabled(pending.user.id, pending.kind === "disable");
            if (!res.ok) return res.error;
            toast.positive(`${pending.user.login} ${pending.kind === "disable" ? "disabled" : "enabled"}`);
            router.refresh();
          }}
        >
          {pending.kind === "disable" ? (
            <>
              Disable <strong>{pending.user.login}</strong>? They are signed out at once and cannot sign in until
              enabled again.
            </>
          ) : (
            <>
              Enable <strong>{pending.user.login}</strong>? They can sign in again with their password.
            </>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}

function ChangeRoleDialog({
  user,
  roles,
  actions,
  onClose,
}: {
  user: UserRow;
  roles: RoleOption[];
  actions: UserAdminActions;
  onClose: () => void;
}) {
  const router = useRouter();
  const [role, setRole] = useState(user.role);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={`Change role of ${user.login}`} isOpen onOpenChange={(o) => !o && onClose()} size="sm">
      <Form
        className="grid gap-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const res = await actions.changeRole(user.id, role);
          if (!res.ok) return setError(res.error);
          toast.positive(`${user.login} is now ${roles.find((r) => r.id === role)?.label ?? role}`);
          router.refresh();
          onClose();
        }}
      >
        {error && <Alert tone="negative">{error}</Alert>}
        <Select label="Role" options={roles} value={role} onChange={setRole} />
        <DialogFooter>
          <Button slot="close" variant="secondary">
            Cancel
          </Button>
          <Button type="submit" variant="primary">
            Save
          </Button>
        </DialogFooter>
      </Form>
    </Dialog>
  );
}

function ResetPasswordDialog({
  user,
  actions,
  onClose,
}: {
  user: UserRow;
  actions: UserAdminActions;
  onClose: () => void;
}) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  return (
    <Dialog title={`Reset password of ${user.login}`} isOpen onOpenChange={(o) => !o && onClose()} size="sm">
      <Form
        className="grid gap-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const res = await actions.resetPassword(user.id, password);
          if (!res.ok) {
            setFieldError(res.fieldErrors?.password);
            return setError(res.fieldErrors ? null : res.error);
          }
          toast.positive(`Password of ${user.login} reset; they have been signed out`);
          onClose();
        }}
      >
        {error && <Alert tone="negative">{error}</Alert>}
        <NewPasswordField
          label="New password"
          value={password}
          onChange={setPassword}
          error={fieldError}
          description="At least 10 characters. The user is signed out everywhere."
          autoFocus
        />
        <DialogFooter>
          <Button slot="close" variant="secondary">
            Cancel
          </Button>
          <Button type="submit" variant="primary">
            Reset password
          </Button>
        </DialogFooter>
      </Form>
    </Dialog>
  );
}

export function CreateUserAdminButton({
  roles,
  defaultRole,
  actions,
  words,
  label = "Create",
}: {
  roles: RoleOption[];
  defaultRole: string;
  actions: Pick<UserAdminActions, "create">;
  words: UserAdminWords;
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onPress={() => setOpen(true)}>
        <UserPlus size={16} aria-hidden /> {label}
      </Button>
      <Dialog title={words.createTitle} isOpen={open} onOpenChange={setOpen}>
        {(close) => (
          <CreateForm roles={roles} defaultRole={defaultRole} actions={actions} words={words} onDone={close} />
        )}
      </Dialog>
    </>
  );
}

function CreateForm({
  roles,
  defaultRole,
  actions,
  words,
  onDone,
}: {
  roles: RoleOption[];
  defaultRole: string;
  actions: Pick<UserAdminActions, "create">;
  words: UserAdminWords;
  onDone: () => void;
}) {
  const router = useRouter();
  const [v, setV] = useState<NewUser>({ login: "", name: "", role: defaultRole, password: "" });
  const { errors, error, pending, submit: run } = useActionForm();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await run(() => actions.create(v));
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
        description={words.loginDescription}
        value={v.login}
        onChange={(login) => setV({ ...v, login })}
        error={errors.login}
        autoFocus
      />
      <TextField label={words.name} value={v.name} onChange={(name) => setV({ ...v, name })} error={errors.name} />
      <Select
        label="Role"
        options={roles}
        value={v.role}
        onChange={(role) => setV({ ...v, role })}
        error={errors.role}
      />
      <NewPasswordField
        label="Initial password"
        value={v.password}
        onChange={(password) => setV({ ...v, password })}
        error={errors.password}
        description={words.initialPasswordDescription}
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
