"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Form } from "react-aria-components";
import { MoreHorizontal } from "lucide-react";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { Menu, MenuItem } from "@/components/ui/menu";
import { IconButton, Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/alert";
import { StatusLight } from "@/components/ui/status-light";
import { toast } from "@/components/ui/toast";
import { portalRoleOptions } from "@/components/portal/users/create-user-dialog";
import { NewPasswordField } from "@/components/portal/users/password-field";
import { usersApi, type UsersScope } from "@/components/portal/users/scope";
import { PORTAL_ROLE_LABELS, type PortalRole } from "@/lib/portal/roles";
import { formatDateTime } from "@/lib/format";

export type PortalUserRow = {
  id: string;
  login: string;
  displayName: string;
  role: PortalRole;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};
type Pending = { kind: "role" | "password" | "disable" | "enable"; user: PortalUserRow } | null;

/** A tenant's portal users with their actions; `me` is the signed-in portal user (none from the console). */
export function PortalUsersTable({ users, me, scope }: { users: PortalUserRow[]; me?: string; scope: UsersScope }) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending>(null);
  const close = () => setPending(null);
  const api = usersApi(scope);

  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <Table aria-label="Portal users">
        <TableHeader>
          <Column isRowHeader>User name</Column>
          <Column>Display name</Column>
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
              <Cell>{u.displayName}</Cell>
              <Cell>{PORTAL_ROLE_LABELS[u.role] ?? u.role}</Cell>
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
                  <MenuItem isDisabled={u.id === me} onAction={() => setPending({ kind: "role", user: u })}>
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

      {pending?.kind === "role" && <ChangeRoleDialog user={pending.user} scope={scope} onClose={close} />}
      {pending?.kind === "password" && <ResetPasswordDialog user={pending.user} scope={scope} onClose={close} />}
      {(pending?.kind === "disable" || pending?.kind === "enable") && (
        <ConfirmDialog
          isOpen
          onOpenChange={(o) => !o && close()}
          title={pending.kind === "disable" ? "Disable user" : "Enable user"}
          confirmLabel={pending.kind === "disable" ? "Disable" : "Enable"}
          destructive={pending.kind === "disable"}
          onConfirm={async () => {
            const res = await api.setDisabled(pending.user.id, pending.kind === "disable");
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

function ChangeRoleDialog({ user, scope, onClose }: { user: PortalUserRow; scope: UsersScope; onClose: () => void }) {
  const router = useRouter();
  const [role, setRole] = useState<PortalRole>(user.role);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={`Change role of ${user.login}`} isOpen onOpenChange={(o) => !o && onClose()} size="sm">
      <Form
        className="grid gap-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const res = await usersApi(scope).changeRole(user.id, role);
          if (!res.ok) return setError(res.error);
          toast.positive(`${user.login} is now ${PORTAL_ROLE_LABELS[role]}`);
          router.refresh();
          onClose();
        }}
      >
        {error && <Alert tone="negative">{error}</Alert>}
        <Select label="Role" options={portalRoleOptions} value={role} onChange={(r) => setRole(r as PortalRole)} />
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
  scope,
  onClose,
}: {
  user: PortalUserRow;
  scope: UsersScope;
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
          const res = await usersApi(scope).resetPassword(user.id, password);
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
