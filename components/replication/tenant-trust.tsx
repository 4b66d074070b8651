"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Form } from "react-aria-components";
import { ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateTenantTrustAction } from "@/lib/portal/actions";

export type TenantTrust = {
  slug: string;
  name: string;
  orgTechId: string;
  issuer: string;
  audience: string;
  orgClaim: string;
};

/** Which access tokens a tenant accepts: the issuer it trusts, their audience, the organization claim. */
export function EditTenantTrustButton({ tenant, defaultIssuer }: { tenant: TenantTrust; defaultIssuer: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="quiet" onPress={() => setOpen(true)} aria-label={`Token trust of ${tenant.name}`}>
        <ShieldCheck size={16} aria-hidden /> Token trust
      </Button>
      <Dialog title={`Token trust: ${tenant.name}`} isOpen={open} onOpenChange={setOpen}>
        {(close) => <TrustForm tenant={tenant} defaultIssuer={defaultIssuer} onDone={close} />}
      </Dialog>
    </>
  );
}

function TrustForm({
  tenant,
  defaultIssuer,
  onDone,
}: {
  tenant: TenantTrust;
  defaultIssuer: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const [v, setV] = useState({
    orgTechId: tenant.orgTechId,
    issuer: tenant.issuer === defaultIssuer ? "" : tenant.issuer,
    audience: tenant.audience,
    orgClaim: tenant.orgClaim,
  });
  const { errors, error, pending, submit } = useActionForm();

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const res = await submit(() => updateTenantTrustAction({ slug: tenant.slug, ...v }));
    if (!res.ok) return;
    toast.positive(`Token trust of ${tenant.name} saved`);
    router.refresh();
    onDone();
  }

  return (
    <Form onSubmit={save} className="grid gap-4">
      {error && <Alert tone="negative">{error}</Alert>}
      <TokenTrustFields value={v} onChange={setV} errors={errors} defaultIssuer={defaultIssuer} autoFocus />
      <DialogFooter>
        <Button slot="close" variant="secondary">
          Cancel
        </Button>
        <Button type="submit" variant="primary" isPending={pending}>
          Save
        </Button>
      </DialogFooter>
    </Form>
  );
}

type TrustValues = { issuer: string; orgTechId: string; audience?: string; orgClaim?: string };

/**
 * Which access tokens a tenant accepts, as the Create form and the Token trust form ask it: the
 * issuer, then (when the value has them; a new tenant starts with the gateway's) the audience and
 * the organization claim, then the organization the claim must name.
 */
export function TokenTrustFields<V extends TrustValues>({
  value: v,
  onChange,
  errors,
  defaultIssuer,
  autoFocus = false,
}: {
  value: V;
  onChange: (v: V) => void;
  errors: Record<string, string>;
  defaultIssuer: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <TextField
        label="Trusted issuer"
        value={v.issuer}
        onChange={(issuer) => onChange({ ...v, issuer })}
        error={errors.issuer}
        placeholder={defaultIssuer}
        description={`The issuer URL of the OAuth 2.0 or OpenID Connect server whose access tokens this tenant accepts; its keys are found through its discovery document. Empty: this install's gateway (${defaultIssuer}).`}
        mono
        autoFocus={autoFocus}
      />
      {v.audience !== undefined && (
        <TextField
          label="Expected audience"
          value={v.audience}
          onChange={(audience) => onChange({ ...v, audience })}
          error={errors.audience}
          description="The aud the access tokens must carry. Outpost's gateway issues brand-portal."
          mono
        />
      )}
      {v.orgClaim !== undefined && (
        <TextField
          label="Organization claim"
          value={v.orgClaim}
          onChange={(orgClaim) => onChange({ ...v, orgClaim })}
          error={errors.orgClaim}
          description="The token claim that names the publishing organization (Outpost's gateway: org). Empty: not checked, so every client the issuer gives this audience may publish."
          mono
        />
      )}
      <TextField
        label="Organization ID"
        value={v.orgTechId}
        onChange={(orgTechId) => onChange({ ...v, orgTechId })}
        error={errors.orgTechId}
        description="The organization that publishes here: the technical ID its tokens name, such as A1B2C3D4E5@OutpostOrg"
        mono
      />
    </>
  );
}
