import type { Metadata } from "next";
import { db } from "@/lib/db";
import { itemTitle } from "@/lib/page-title";
import { notFound } from "next/navigation";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { toolsCrumbs } from "@/components/shell/crumbs";
import { Alert } from "@/components/ui/alert";
import { ConfigActions } from "@/components/cloud-services/config-actions";
import { PublicKeyActions } from "@/components/cloud-services/public-key-actions";
import { StatusPanel } from "@/components/cloud-services/status-panel";
import { SettingsSummary } from "@/components/cloud-services/settings-summary";
import { KeyHistory } from "@/components/cloud-services/key-history";
import { requireAdmin } from "@/lib/auth/dal";
import { configApiBase, configHref, LEGACY_CLOUD_SERVICES_HREF } from "@/lib/cloud-services/catalog";
import { configStatus } from "@/lib/cloud-services/config-status";
import { embeddedPortalBase } from "@/lib/cloud-services/defaults";
import { issuer } from "@/lib/gateway/issuer";
import { currentKey, findConfigByName } from "@/lib/cloud-services/get-config";
import { certificateFileName, jwkFileName, publicKeyFileName, publicKeyView } from "@/lib/cloud-services/public-key";
import { NAME_PATTERN } from "@/lib/cloud-services/config-name";
import type { GrantType } from "@/lib/cloud-services/schemas";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return itemTitle(
    "administrator",
    "Brand Portal Configuration",
    async () =>
      (
        await db.brandPortalConfig.findUnique({
          where: { name: (await params).name.slice(0, 200) },
          select: { title: true },
        })
      )?.title,
  );
}

export default async function BrandPortalConfigPage({
  params,
  searchParams,
}: {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireAdmin();
  const { name } = await params;
  const { edit } = await searchParams;
  if (!NAME_PATTERN.test(name)) notFound();
  const config = await findConfigByName(name);
  if (!config) notFound();

  const api = configApiBase(config.name);
  const settings = {
    configId: config.id,
    tenantUrl: config.tenantUrl,
    clientId: config.clientId,
    publicFolderPublish: config.publicFolderPublish,
    gatewayUrl: config.gatewayUrl,
    orgId: config.orgId,
    grantType: config.grantType as GrantType,
    scope: config.scope,
    throughputPerMinute: config.throughputPerMinute,
  };
  const pk = await publicKeyView(currentKey(config));

  return (
    <>
      <PageHeader
        title={config.title}
        crumbs={[
          ...toolsCrumbs("cloud-services"),
          { label: "Legacy Cloud Services", href: LEGACY_CLOUD_SERVICES_HREF },
          { label: config.title },
        ]}
        actions={
          <ConfigActions
            name={config.name}
            title={config.title}
            settings={settings}
            defaults={{ gatewayUrl: issuer(), portalBase: embeddedPortalBase() }}
            openEditor={edit === "1"}
            selfHref={configHref(config.name)}
          />
        }
      >
        <p className="mt-0.5 text-sm text-ink-muted">
          Brand Portal Configuration · <span className="font-mono">{config.name}</span>
        </p>
      </PageHeader>
      <PageBody>
        <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(18rem,1fr)]">
          <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-5">
            {!config.tenantUrl || !config.clientId ? (
              <Alert tone="notice" title="Not configured yet">
                Set the Tenant URL and the Client ID with Edit; until then the four agents cannot publish.
              </Alert>
            ) : null}
            <SettingsSummary settings={settings} />
            <section aria-labelledby="public-key-title" className="rounded border border-line bg-surface p-4">
              <h2 id="public-key-title" className="mb-1 text-base font-bold">
                Public key
              </h2>
              <p className="mb-4 text-sm text-ink-muted">
                Give this key to the JWT application at the OAuth gateway (its Public Key field). The private key never
                leaves this server.
              </p>
              <PublicKeyActions
                configId={config.id}
                name={config.name}
                pem={pk.pem}
                jwk={pk.jwk as Record<string, unknown>}
                fingerprint={pk.fingerprint}
                kid={pk.kid}
                certNotAfter={pk.certNotAfter}
                downloads={{
                  publicKey: `${api}/public-key`,
                  publicKeyFile: publicKeyFileName(config.name),
                  jwk: `${api}/public-key?format=jwk`,
                  jwkFile: jwkFileName(config.name),
                  certificate: `${api}/certificate`,
                  certificateFile: certificateFileName(config.name),
                }}
              />
            </section>
            <KeyHistory
              keys={config.keys.map((k) => ({
                kid: k.kid,
                thumbprint: k.thumbprint,
                createdAt: k.createdAt,
                retiredAt: k.retiredAt,
                certNotAfter: k.certNotAfter,
              }))}
            />
          </div>
          <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-5">
            <StatusPanel url={`${api}/status`} initial={configStatus(config)} />
          </div>
        </div>
      </PageBody>
    </>
  );
}
