import { Alert } from "@/components/ui/alert";
import { looksLikeSecret, SECRET_WARNING } from "@/lib/cloud-services/client-id";
import { GRANT_LABELS, type GrantType } from "@/lib/cloud-services/schemas";

type Settings = {
  tenantUrl: string;
  clientId: string;
  publicFolderPublish: boolean;
  gatewayUrl: string;
  orgId: string;
  grantType: GrantType;
  scope: string;
  throughputPerMinute: number | null;
};

const notSet = <span className="text-ink-muted">Not set</span>;

/** The Brand Portal Replication settings, read-only (Edit changes them). */
export function SettingsSummary({ settings: s }: { settings: Settings }) {
  const rows: [string, React.ReactNode][] = [
    ["Tenant URL", s.tenantUrl ? <span className="break-all">{s.tenantUrl}</span> : notSet],
    ["Client ID", s.clientId ? <span className="break-all font-mono text-xs">{s.clientId}</span> : notSet],
    [
      "Public Folder Publish",
      s.publicFolderPublish
        ? "On: published assets are visible to every Brand Portal user"
        : "Off: published assets are visible to portal administrators",
    ],
    ["OAuth gateway URL", s.gatewayUrl ? <span className="break-all">{s.gatewayUrl}</span> : notSet],
    ["Organization ID", s.orgId ? <span className="font-mono text-xs">{s.orgId}</span> : notSet],
    ["Token request", GRANT_LABELS[s.grantType]?.label ?? s.grantType],
    [
      "Access token scope",
      <span key="scope" className="font-mono text-xs">
        {s.scope}
      </span>,
    ],
    [
      "Throughput cap",
      s.throughputPerMinute === null ? "No cap" : `${s.throughputPerMinute} assets per minute, all agents together`,
    ],
  ];
  return (
    <section aria-labelledby="settings-title" className="rounded border border-line bg-surface p-4">
      <h2 id="settings-title" className="mb-3 text-base font-bold">
        Brand Portal Replication
      </h2>
      {looksLikeSecret(s.clientId) && (
        <Alert tone="notice" className="mb-3">
          {SECRET_WARNING}
        </Alert>
      )}
      <dl className="grid grid-cols-[minmax(9rem,auto)_1fr] gap-x-6 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-ink-muted">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
