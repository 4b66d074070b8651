"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import { Disclosure } from "@/components/ui/disclosure";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { updateConfigAction } from "@/lib/cloud-services/actions";
import { looksLikeSecret, SECRET_WARNING } from "@/lib/cloud-services/client-id";
import {
  DEFAULT_SCOPE,
  GRANT_LABELS,
  GRANT_TYPES,
  type ConfigSettings,
  type GrantType,
} from "@/lib/cloud-services/schemas";

export type ReplicationSettings = ConfigSettings & { configId: string };

type Props = {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  settings: ReplicationSettings;
  /** This install's gateway and portal, offered as hints. */
  defaults: { gatewayUrl: string; portalBase: string };
};

/** The Brand Portal Replication dialog: OK saves; Cancel (or Escape) discards every change. */
export function ReplicationDialog({ isOpen, onOpenChange, settings, defaults }: Props) {
  return (
    <Dialog
      title="Brand Portal Replication"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="md"
      isDismissable={false}
    >
      {(close) => <ReplicationForm settings={settings} defaults={defaults} onDone={close} />}
    </Dialog>
  );
}

function ReplicationForm({
  settings,
  defaults,
  onDone,
}: {
  settings: ReplicationSettings;
  defaults: Props["defaults"];
  onDone: () => void;
}) {
  const router = useRouter();
  const [v, setV] = useState({
    ...settings,
    gatewayUrl: settings.gatewayUrl || defaults.gatewayUrl,
    scope: settings.scope || DEFAULT_SCOPE,
    throughputPerMinute: settings.throughputPerMinute?.toString() ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set =
    <K extends keyof typeof v>(k: K) =>
    (value: (typeof v)[K]) => {
      setV((old) => ({ ...old, [k]: value }));
      setErrors(({ [k]: _edited, ...rest }) => rest); // the field's old error no longer applies
    };
  const secretLike = looksLikeSecret(v.clientId);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const res = await updateConfigAction(v);
    setPending(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setError(res.fieldErrors ? "Nothing was saved. Correct the highlighted fields." : res.error);
      return;
    }
    const n = res.data.retriedNow;
    toast.positive(
      `Brand Portal Replication settings saved${n ? `. ${n} waiting ${n === 1 ? "item is" : "items are"} tried again now` : ""}`,
    );
    router.refresh();
    onDone();
  }

  return (
    <Form onSubmit={submit} className="grid gap-4">
      {error && <Alert tone="negative">{error}</Alert>}
      <TextField
        label="Tenant URL"
        placeholder={`https://portal.example.com/portal/acme or ${defaults.portalBase}/<tenant>`}
        description={`The Brand Portal tenant's base URL. This install's portal: ${defaults.portalBase}/<tenant>.`}
        value={v.tenantUrl}
        onChange={set("tenantUrl")}
        error={errors.tenantUrl}
        autoFocus
        inputMode="url"
      />
      <div>
        <TextField
          label="Client ID"
          description="The Application ID from the OAuth gateway's JWT application (not its secret)."
          value={v.clientId}
          onChange={set("clientId")}
          error={errors.clientId}
          mono
          autoComplete="off"
        />
        {secretLike && !errors.clientId && (
          <Alert tone="notice" className="mt-2">
            {SECRET_WARNING}
          </Alert>
        )}
      </div>
      <div>
        <Checkbox isSelected={v.publicFolderPublish} onChange={set("publicFolderPublish")}>
          Public Folder Publish
        </Checkbox>
        <p className="ml-6 mt-0.5 text-xs text-ink-muted">
          Published assets become visible to every Brand Portal user, not only to portal administrators.
        </p>
      </div>
      <TextField
        label="OAuth gateway URL"
        description={`An issuer URL (found through RFC 8414 or OpenID Connect discovery) or a token endpoint URL. This install's gateway: ${defaults.gatewayUrl}`}
        value={v.gatewayUrl}
        onChange={set("gatewayUrl")}
        error={errors.gatewayUrl}
        inputMode="url"
      />
      <TextField
        label="Organization ID"
        description="The gateway organization's technical ID, for example A1B2C3D4E5@OutpostOrg. Leave empty when the gateway does not ask for it."
        value={v.orgId}
        onChange={set("orgId")}
        error={errors.orgId}
        mono
      />
      <Disclosure title="Advanced" defaultExpanded={!!(errors.grantType || errors.scope || errors.throughputPerMinute)}>
        <div className="grid gap-4 pt-1">
          <Select
            label="Token request"
            options={GRANT_TYPES.map((g) => ({ id: g, label: GRANT_LABELS[g].label }))}
            description={GRANT_LABELS[v.grantType]?.description}
            value={v.grantType}
            onChange={(g) => set("grantType")(g as GrantType)}
            error={errors.grantType}
          />
          <TextField
            label="Access token scope"
            description={`Space-separated. Default: ${DEFAULT_SCOPE}`}
            value={v.scope}
            onChange={set("scope")}
            error={errors.scope}
            mono
          />
          <TextField
            label="Throughput cap (assets per minute)"
            description="Staggered publishing: the agents together, on every node, start at most this many deliveries a minute. Empty: no cap."
            value={v.throughputPerMinute}
            onChange={set("throughputPerMinute")}
            error={errors.throughputPerMinute}
            inputMode="numeric"
          />
        </div>
      </Disclosure>
      <DialogFooter>
        <Button slot="close" variant="secondary" isDisabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isPending={pending}>
          {pending ? "Saving…" : "OK"}
        </Button>
      </DialogFooter>
    </Form>
  );
}
