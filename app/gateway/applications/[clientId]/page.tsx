import type { Metadata } from "next";
import { db } from "@/lib/db";
import { itemTitle } from "@/lib/page-title";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { Pager } from "@/components/ui/pager";
import { ApplicationCredentials } from "@/components/gateway/application-credentials";
import { ApplicationForm } from "@/components/gateway/application-form";
import { DeleteApplicationButton } from "@/components/gateway/delete-application-button";
import { TokenLogTable } from "@/components/gateway/token-log-table";
import { requireAdmin } from "@/lib/auth/dal";
import { UserError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { getApplication } from "@/lib/gateway/applications";
import { issuer, tokenEndpoint } from "@/lib/gateway/issuer";
import { clientIdSchema } from "@/lib/gateway/schemas";
import { listTokenLog } from "@/lib/gateway/token-log";
import { gatewayCrumbs } from "@/components/gateway/crumbs";
import { parseInput, safeParseInput } from "@/lib/parse-input";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return itemTitle("administrator", "JWT Application", async () => {
    const id = safeParseInput(clientIdSchema, (await params).clientId);
    return id.success
      ? (await db.gatewayApplication.findUnique({ where: { clientId: id.data }, select: { name: true } }))?.name
      : null;
  });
}

const LOG_PAGE_SIZE = 20;
const query = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const me = await requireAdmin();
  const parsed = safeParseInput(clientIdSchema, (await params).clientId);
  if (!parsed.success) notFound();
  const { page } = parseInput(query, await searchParams);
  let app: Awaited<ReturnType<typeof getApplication>>;
  let log: Awaited<ReturnType<typeof listTokenLog>>;
  try {
    [app, log] = await Promise.all([
      getApplication(me.id, parsed.data),
      listTokenLog(me.id, parsed.data, { skip: (page - 1) * LOG_PAGE_SIZE, take: LOG_PAGE_SIZE }),
    ]);
  } catch (e) {
    if (e instanceof UserError && e.status === 404) notFound(); // unknown, or of an organization you do not administer
    throw e;
  }

  return (
    <>
      <PageHeader
        title={app.name}
        crumbs={gatewayCrumbs({ label: app.name })}
        actions={<DeleteApplicationButton clientId={app.clientId} name={app.name} />}
      >
        {app.description && <p className="mt-1 text-sm text-ink-muted">{app.description}</p>}
      </PageHeader>
      <PageBody>
        <div className="grid items-start gap-5 lg:grid-cols-5">
          <section
            aria-labelledby="credentials"
            className="rounded border border-line bg-surface p-5 lg:order-2 lg:col-span-2"
          >
            <h2 id="credentials" className="mb-4 text-base">
              Credentials
            </h2>
            <ApplicationCredentials clientId={app.clientId} />
            <dl className="mt-5 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 border-t border-line pt-4 text-sm">
              <dt className="text-ink-muted">Organization</dt>
              <dd>
                {app.org.name} <span className="block font-mono text-xs text-ink-muted">{app.org.techId}</span>
              </dd>
              <dt className="text-ink-muted">Public key</dt>
              <dd>
                {app.publicKeyAlg ? (
                  <>
                    {app.publicKeyAlg}
                    <span className="block break-all font-mono text-[11px] text-ink-muted" title="RFC 7638 thumbprint">
                      {app.publicKeyThumbprint}
                    </span>
                    {app.publicKeyUpdatedAt && (
                      <span className="block text-xs text-ink-muted">
                        Saved {formatDateTime(app.publicKeyUpdatedAt)}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="text-notice">Not registered</span>
                )}
              </dd>
              <dt className="text-ink-muted">Gateway URL</dt>
              <dd className="flex items-start gap-1 break-all font-mono text-xs">
                <span className="pt-2">{issuer()}</span>
                <CopyButton text={issuer()} label="Copy gateway URL" copiedMessage="Gateway URL copied" />
              </dd>
              <dt className="text-ink-muted">Token endpoint</dt>
              <dd className="break-all font-mono text-xs">{tokenEndpoint()}</dd>
              <dt className="text-ink-muted">Created</dt>
              <dd>{formatDateTime(app.createdAt)}</dd>
            </dl>
          </section>

          <section
            aria-labelledby="edit"
            className="rounded border border-line bg-surface p-5 lg:order-1 lg:col-span-3"
          >
            <h2 id="edit" className="mb-4 text-base">
              Edit application
            </h2>
            {!app.publicKeyAlg && (
              <Alert tone="notice" className="mb-4" title="No public key yet">
                The console cannot get access tokens until its public key is pasted below and saved.
              </Alert>
            )}
            <ApplicationForm
              clientId={app.clientId}
              name={app.name}
              description={app.description}
              scopes={app.scopes}
              publicKeyPem={app.publicKeyPem}
            />
          </section>
        </div>

        <section aria-labelledby="token-requests" className="mt-8">
          <div className="mb-2 flex items-baseline justify-between">
            <h2 id="token-requests" className="text-base">
              Token requests
            </h2>
            <span className="text-sm text-ink-muted">
              {log.total} request{log.total === 1 ? "" : "s"} · newest first
            </span>
          </div>
          <TokenLogTable rows={log.rows.map((r) => ({ ...r, at: r.at.toISOString() }))} />
          <Pager page={page} pageSize={LOG_PAGE_SIZE} total={log.total} />
        </section>
      </PageBody>
    </>
  );
}
