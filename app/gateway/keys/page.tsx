import type { Metadata } from "next";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { CopyButton } from "@/components/ui/copy-button";
import { StatusLight } from "@/components/ui/status-light";
import { RotateSigningKeyButton } from "@/components/gateway/signing-keys-panel";
import { requireAdmin } from "@/lib/auth/dal";
import { formatDateTime } from "@/lib/format";
import { issuer, jwksUri, tokenEndpoint } from "@/lib/gateway/issuer";
import { publishedKeys, RETIRED_KEY_GRACE_MS } from "@/lib/gateway/signing-keys";
import { gatewayCrumbs } from "@/components/gateway/crumbs";

export const metadata: Metadata = { title: "Signing Keys" };

export default async function SigningKeysPage() {
  await requireAdmin();
  const keys = await publishedKeys();
  const endpoints = [
    { label: "Issuer (gateway URL)", value: issuer() },
    { label: "Token endpoint", value: tokenEndpoint() },
    { label: "JWKS", value: jwksUri() },
    { label: "Discovery (RFC 8414)", value: `${issuer()}/.well-known/oauth-authorization-server` },
  ];
  return (
    <>
      <PageHeader
        title="Signing Keys"
        crumbs={gatewayCrumbs({ label: "Signing Keys" })}
        actions={<RotateSigningKeyButton graceMinutes={RETIRED_KEY_GRACE_MS / 60_000} />}
      />
      <PageBody>
        <section aria-labelledby="endpoints" className="mb-6 rounded border border-line bg-surface p-5">
          <h2 id="endpoints" className="mb-3 text-base">
            Endpoints
          </h2>
          <dl className="grid grid-cols-[auto_1fr] items-center gap-x-6 gap-y-1 text-sm">
            {endpoints.map((e) => (
              <div key={e.label} className="contents">
                <dt className="text-ink-muted">{e.label}</dt>
                <dd className="flex items-center gap-1 break-all font-mono text-xs">
                  {e.value}
                  <CopyButton text={e.value} label={`Copy ${e.label}`} copiedMessage={`${e.label} copied`} />
                </dd>
              </div>
            ))}
          </dl>
        </section>

        <section aria-labelledby="keys">
          <h2 id="keys" className="mb-2 text-base">
            Published keys
          </h2>
          <p className="mb-3 max-w-3xl text-sm text-ink-muted">
            Access tokens are signed with RS256 by the newest key. A rotated key stays published for{" "}
            {RETIRED_KEY_GRACE_MS / 60_000} minutes, longer than any token it signed lives, and is then deleted.
          </p>
          <div className="overflow-x-auto rounded border border-line bg-surface">
            <table className="w-full text-sm">
              <thead className="border-b-2 border-line text-left text-xs uppercase tracking-wide text-ink-muted">
                <tr>
                  <th className="px-3 py-2 font-semibold">Key ID (kid)</th>
                  <th className="px-3 py-2 font-semibold">Generation</th>
                  <th className="px-3 py-2 font-semibold">Algorithm</th>
                  <th className="px-3 py-2 font-semibold">Created</th>
                  <th className="px-3 py-2 font-semibold">Status</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.kid} className="border-b border-line last:border-0">
                    <td className="px-3 py-2 font-mono text-xs">{k.kid}</td>
                    <td className="px-3 py-2">{k.generation}</td>
                    <td className="px-3 py-2">{k.alg}</td>
                    <td className="px-3 py-2 text-ink-muted">{formatDateTime(k.createdAt)}</td>
                    <td className="px-3 py-2">
                      {k.retiredAt ? (
                        <StatusLight tone="neutral">
                          Retired · published until{" "}
                          {formatDateTime(new Date(k.retiredAt.getTime() + RETIRED_KEY_GRACE_MS))}
                        </StatusLight>
                      ) : (
                        <StatusLight tone="positive">Signing</StatusLight>
                      )}
                    </td>
                  </tr>
                ))}
                {keys.length === 0 && (
                  <tr>
                    <td colSpan={5} className="p-6 text-center text-ink-muted">
                      No key yet: the first token request or the next start creates one.
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </section>
      </PageBody>
    </>
  );
}
