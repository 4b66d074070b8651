"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { MoreHorizontal, X } from "lucide-react";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { Menu, MenuItem } from "@/components/ui/menu";
import { Button, IconButton } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import {
  addOrgAdminAction,
  candidateAdminsAction,
  deleteOrganizationAction,
  removeOrgAdminAction,
} from "@/lib/gateway/actions";
import { formatDateTime } from "@/lib/format";

type Member = { id: string; login: string; name: string };
export type OrganizationRow = {
  id: string;
  name: string;
  techId: string;
  applications: number;
  members: Member[];
  createdAt: string;
};

export function OrganizationsTable({ rows, me }: { rows: OrganizationRow[]; me: string }) {
  const router = useRouter();
  const [admins, setAdmins] = useState<OrganizationRow | null>(null);
  const [deleting, setDeleting] = useState<OrganizationRow | null>(null);
  return (
    <div className="overflow-x-auto rounded border border-line bg-surface">
      <Table aria-label="Organizations">
        <TableHeader>
          <Column isRowHeader>Name</Column>
          <Column>Technical ID</Column>
          <Column>Applications</Column>
          <Column>Administrators</Column>
          <Column>Created</Column>
          <Column className="w-12">
            <span className="sr-only">Actions</span>
          </Column>
        </TableHeader>
        <TableBody
          items={rows}
          renderEmptyState={() => (
            <p className="p-8 text-center text-ink-muted">
              You do not administer any organization yet. Use Create Organization.
            </p>
          )}
        >
          {(o) => (
            <Row id={o.id}>
              <Cell className="font-semibold">{o.name}</Cell>
              <Cell>
                <span className="inline-flex items-center gap-1 font-mono text-xs">
                  {o.techId}
                  <CopyButton
                    text={o.techId}
                    label={`Copy technical ID of ${o.name}`}
                    copiedMessage="Technical ID copied"
                  />
                </span>
              </Cell>
              <Cell>{o.applications}</Cell>
              <Cell className="text-sm">
                {o.members.map((m) => (m.id === me ? `${m.name} (you)` : m.name)).join(", ")}
              </Cell>
              <Cell className="whitespace-nowrap text-ink-muted">{formatDateTime(o.createdAt)}</Cell>
              <Cell>
                <Menu
                  label={`Actions for ${o.name}`}
                  trigger={
                    <IconButton label={`Actions for ${o.name}`}>
                      <MoreHorizontal size={18} aria-hidden />
                    </IconButton>
                  }
                >
                  <MenuItem onAction={() => setAdmins(o)}>Administrators</MenuItem>
                  <MenuItem destructive isDisabled={o.applications > 0} onAction={() => setDeleting(o)}>
                    Delete
                  </MenuItem>
                </Menu>
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      {admins && <AdministratorsDialog org={admins} me={me} onClose={() => setAdmins(null)} />}
      {deleting && (
        <ConfirmDialog
          isOpen
          onOpenChange={(o) => !o && setDeleting(null)}
          title="Delete organization"
          confirmLabel="Delete"
          destructive
          onConfirm={async () => {
            const res = await deleteOrganizationAction({ orgId: deleting.id });
            if (!res.ok) return res.error;
            toast.positive(`Organization ${deleting.name} deleted`);
            router.refresh();
          }}
        >
          Delete <strong>{deleting.name}</strong> ({deleting.techId})? Brand Portal tenants that name this organization
          stop accepting its tokens.
        </ConfirmDialog>
      )}
    </div>
  );
}

function AdministratorsDialog({ org, me, onClose }: { org: OrganizationRow; me: string; onClose: () => void }) {
  const router = useRouter();
  const [members, setMembers] = useState(org.members);
  const [candidates, setCandidates] = useState<Member[]>([]);
  const [pick, setPick] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void candidateAdminsAction({ orgId: org.id }).then((res) =>
      res.ok ? setCandidates(res.data) : setError(res.error),
    );
  }, [org.id, members]);

  async function add() {
    if (!pick) return;
    const res = await addOrgAdminAction({ orgId: org.id, userId: pick });
    if (!res.ok) return setError(res.error);
    const user = candidates.find((c) => c.id === pick)!;
    setMembers([...members, user]);
    setPick(null);
    setError(null);
    toast.positive(`${user.name} now administers ${org.name}`);
    router.refresh();
  }

  async function remove(m: Member) {
    const res = await removeOrgAdminAction({ orgId: org.id, userId: m.id });
    if (!res.ok) return setError(res.error);
    setMembers(members.filter((x) => x.id !== m.id));
    toast.positive(`${m.name} no longer administers ${org.name}`);
    router.refresh();
    if (m.id === me) onClose();
  }

  return (
    <Dialog title={`Administrators of ${org.name}`} isOpen onOpenChange={(o) => !o && onClose()}>
      {(close) => (
        <div className="grid gap-4">
          <p className="text-sm text-ink-muted">
            Administrators of an organization see and manage its applications. Only console administrators can be added.
          </p>
          {error && <Alert tone="negative">{error}</Alert>}
          <ul className="divide-y divide-line rounded border border-line" aria-label="Administrators">
            {members.map((m) => (
              <li key={m.id} className="flex items-center justify-between px-3 py-1.5 text-sm">
                <span>
                  {m.name}{" "}
                  <span className="text-ink-muted">
                    ({m.login}){m.id === me ? " · you" : ""}
                  </span>
                </span>
                <IconButton label={`Remove ${m.login}`} isDisabled={members.length <= 1} onPress={() => remove(m)}>
                  <X size={16} aria-hidden />
                </IconButton>
              </li>
            ))}
          </ul>
          <div className="flex items-end gap-2">
            <Select
              className="flex-1"
              label="Add administrator"
              options={candidates.map((c) => ({ id: c.id, label: `${c.name} (${c.login})` }))}
              value={pick}
              onChange={setPick}
              placeholder={candidates.length ? "Select a console administrator" : "No other console administrators"}
              isDisabled={!candidates.length}
            />
            <Button variant="secondary" onPress={add} isDisabled={!pick}>
              Add
            </Button>
          </div>
          <DialogFooter>
            <Button variant="primary" onPress={close}>
              Done
            </Button>
          </DialogFooter>
        </div>
      )}
    </Dialog>
  );
}
