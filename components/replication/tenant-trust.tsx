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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const res = await updateTenantTrustAction({ slug: tenant.slug, ...v });
    setPending(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setError(res.fieldErrors ? null : res.error);
      return;
    }
    toast.positive(`Token trust of ${tenant.name} saved`);
    router.refresh();
    onDone();
  }

  return (
    <Form onSubmit={submit} className="grid gap-4">
      {error && <Alert tone="negative">{error}</Alert>}
      <TextField
        label="Trusted issuer"
        value={v.issuer}
        onChange={(issuer) => setV({ ...v, issuer })}
        error={errors.issuer}
        placeholder={defaultIssuer}
        description={`The issuer URL of any OAuth 2.0 or OpenID Connect server; its keys are found through its discovery document. Empty: this install's gateway (${defaultIssuer}).`}
        mono
        autoFocus
      />
      <TextField
        label="Expected audience"
        value={v.audience}
        onChange={(audience) => setV({ ...v, audience })}
        error={errors.audience}
        description="The aud the access tokens must carry. Outpost's gateway issues brand-portal."
        mono
      />
      <TextField
        label="Organization claim"
        value={v.orgClaim}
        onChange={(orgClaim) => setV({ ...v, orgClaim })}
        error={errors.orgClaim}
        description="The token claim that names the publishing organization (Outpost's gateway: org). Empty: not checked, so every client the issuer gives this audience may publish."
        mono
      />
      <TextField
        label="Organization ID"
        value={v.orgTechId}
        onChange={(orgTechId) => setV({ ...v, orgTechId })}
        error={errors.orgTechId}
        description="The value the organization claim must have, such as A1B2C3D4E5@OutpostOrg"
        mono
      />
      <DialogFooter>
        <Button slot="close" variant="secondary">
          Cancel
        </Button>
        <Button type="submit" variant="primary" isDisabled={pending}>
          Save
        </Button>
      </DialogFooter>
    </Form>
  );
}
