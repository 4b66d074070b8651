"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Form } from "react-aria-components";
import { Plus } from "lucide-react";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { formatDateTime, plural } from "@/lib/format";
import { createTenantAction } from "@/lib/portal/actions";
import { EditTenantTrustButton, TokenTrustFields } from "@/components/replication/tenant-trust";
import { slugFromName } from "@/lib/name-from-title";

export type TenantRow = {
  id: string;
  name: string;
  slug: string;
  orgTechId: string;
  issuer: string;
  audience: string;
  orgClaim: string;
  url: string;
  createdAt: string;
  assets: number;
  folders: number;
  collections: number;
};

export function TenantsTable({ tenants, defaultIssuer }: { tenants: TenantRow[]; defaultIssuer: string }) {
  return (
    <div className="overflow-x-auto rounded border border-line bg-surface">
      <Table aria-label="Tenants">
        <TableHeader>
          <Column isRowHeader>Tenant</Column>
          <Column>Tenant URL</Column>
          <Column>Organization</Column>
          <Column>Token trust</Column>
          <Column>Content</Column>
          <Column>Created</Column>
          <Column>
            <span className="sr-only">Actions</span>
          </Column>
        </TableHeader>
        <TableBody
          items={tenants}
          renderEmptyState={() => (
            <p className="p-6 text-center text-ink-muted">
              No tenants yet. Create one, then paste its Tenant URL into a Brand Portal configuration.
            </p>
          )}
        >
          {(t) => (
            <Row id={t.id}>
              <Cell className="min-w-40">
                <Link
                  href={`/tools/replication/tenants/${t.slug}`}
                  className="font-semibold text-accent hover:underline"
                >
                  {t.name}
                </Link>
                <span className="block break-all text-xs text-ink-muted">{t.slug}</span>
              </Cell>
              <Cell className="min-w-56">
                <code className="select-all break-all rounded bg-canvas px-1.5 py-0.5 text-xs">{t.url}</code>
              </Cell>
              <Cell className="font-mono text-xs">{t.orgTechId}</Cell>
              <Cell className="min-w-48 text-xs">
                <span className="block break-all font-mono">{t.issuer}</span>
                <span className="block text-ink-muted">
                  audience <span className="font-mono text-ink">{t.audience}</span>, organization claim{" "}
                  {t.orgClaim ? <span className="font-mono text-ink">{t.orgClaim}</span> : "not checked"}
                </span>
              </Cell>
              <Cell className="text-sm">
                {[plural(t.assets, "asset"), plural(t.folders, "folder"), plural(t.collections, "collection")].map(
                  (part) => (
                    <span key={part} className="block whitespace-nowrap">
                      {part}
                    </span>
                  ),
                )}
              </Cell>
              <Cell className="whitespace-nowrap text-ink-muted">{formatDateTime(t.createdAt)}</Cell>
              <Cell>
                <EditTenantTrustButton tenant={t} defaultIssuer={defaultIssuer} />
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  );
}

export function CreateTenantButton({ defaultIssuer }: { defaultIssuer: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onPress={() => setOpen(true)}>
        <Plus size={16} aria-hidden /> Create
      </Button>
      <Dialog title="Create Tenant" isOpen={open} onOpenChange={setOpen}>
        {(close) => <CreateTenantForm defaultIssuer={defaultIssuer} onDone={close} />}
      </Dialog>
    </>
  );
}

function CreateTenantForm({ defaultIssuer, onDone }: { defaultIssuer: string; onDone: () => void }) {
  const router = useRouter();
  const [v, setV] = useState({ name: "", slug: "", orgTechId: "", issuer: "", adminLogin: "admin", adminPassword: "" });
  const [created, setCreated] = useState<Created | null>(null);
  const [slugEdited, setSlugEdited] = useState(false);
  const { errors, error, pending, submit } = useActionForm();

  async function create(e: React.FormEvent) {
    e.preventDefault();
    const res = await submit(() => createTenantAction(v));
    if (!res.ok) return;
    toast.positive(`Tenant ${res.data.name} created`);
    router.refresh();
    // A generated password exists only in this answer: show it once, with what goes with it.
    if (res.data.generatedPassword) setCreated(res.data as Created);
    else onDone();
  }

  if (created) return <CreatedTenant created={created} onDone={onDone} />;

  return (
    <Form onSubmit={create} className="grid gap-4">
      {error && <Alert tone="negative">{error}</Alert>}
      <TextField
        label="Name"
        value={v.name}
        onChange={(name) => setV({ ...v, name, slug: slugEdited ? v.slug : slugFromName(name, 63) })}
        error={errors.name}
        autoFocus
      />
      <TextField
        label="Slug"
        value={v.slug}
        onChange={(slug) => {
          setSlugEdited(true);
          setV({ ...v, slug });
        }}
        error={errors.slug}
        description="The last part of the tenant URL: lowercase letters, digits and '-'"
      />
      <TokenTrustFields value={v} onChange={setV} errors={errors} defaultIssuer={defaultIssuer} />
      <fieldset className="grid gap-4 rounded border border-line p-4">
        <legend className="px-1 text-sm font-semibold">First Portal administrator</legend>
        <TextField
          label="Administrator login"
          value={v.adminLogin}
          onChange={(adminLogin) => setV({ ...v, adminLogin })}
          error={errors.adminLogin}
          description="Signs in at the tenant URL and manages the tenant's users"
        />
        <TextField
          label="Administrator password"
          type="password"
          autoComplete="new-password"
          value={v.adminPassword}
          onChange={(adminPassword) => setV({ ...v, adminPassword })}
          error={errors.adminPassword}
          description="At least 10 characters. Leave empty to generate one: it is shown once, after Create."
        />
      </fieldset>
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

type Created = { name: string; url: string; adminLogin: string; generatedPassword: string };

function CreatedTenant({ created, onDone }: { created: Created; onDone: () => void }) {
  return (
    <div className="grid gap-4">
      <Alert tone="positive" title={`Tenant ${created.name} created`}>
        Give these to the tenant&apos;s Portal administrator now: the password is not shown again. It can be reset on
        the tenant&apos;s page.
      </Alert>
      <dl className="grid grid-cols-[auto_1fr_auto] items-center gap-x-3 gap-y-2 text-sm">
        <dt className="text-ink-muted">Tenant URL</dt>
        <dd className="break-all font-mono text-xs">{created.url}</dd>
        <dd>
          <CopyButton text={created.url} label="Copy tenant URL" />
        </dd>
        <dt className="text-ink-muted">Administrator login</dt>
        <dd className="font-mono text-xs">{created.adminLogin}</dd>
        <dd>
          <CopyButton text={created.adminLogin} label="Copy administrator login" />
        </dd>
        <dt className="text-ink-muted">Password</dt>
        <dd className="select-all font-mono text-xs" data-testid="generated-password">
          {created.generatedPassword}
        </dd>
        <dd>
          <CopyButton text={created.generatedPassword} label="Copy password" />
        </dd>
      </dl>
      <DialogFooter>
        <Button variant="primary" onPress={onDone} autoFocus>
          Done
        </Button>
      </DialogFooter>
    </div>
  );
}
