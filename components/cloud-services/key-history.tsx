import { StatusLight } from "@/components/ui/status-light";
import { formatDateTime } from "@/lib/format";

type KeyRow = { kid: string; thumbprint: string; createdAt: Date; retiredAt: Date | null; certNotAfter: Date | null };

/** Every key pair this configuration has had, newest first: when it was created and retired. */
export function KeyHistory({ keys }: { keys: KeyRow[] }) {
  return (
    <section aria-labelledby="keys-title" className="rounded border border-line bg-surface p-4">
      <h2 id="keys-title" className="mb-3 text-base font-bold">
        Key pairs
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-labelledby="keys-title">
          <thead className="border-b border-line text-xs text-ink-muted">
            <tr>
              <th className="py-1.5 pr-3 font-medium">Key ID (JWK thumbprint)</th>
              <th className="py-1.5 pr-3 font-medium">Created</th>
              <th className="py-1.5 pr-3 font-medium">Certificate valid until</th>
              <th className="py-1.5 font-medium">State</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {keys.map((k) => (
              <tr key={k.kid}>
                <td className="max-w-40 truncate py-2 pr-3 font-mono text-xs" title={k.kid}>
                  {k.kid}
                </td>
                <td className="whitespace-nowrap py-2 pr-3">{formatDateTime(k.createdAt)}</td>
                <td className="whitespace-nowrap py-2 pr-3">{k.certNotAfter ? formatDateTime(k.certNotAfter) : "—"}</td>
                <td className="whitespace-nowrap py-2">
                  {k.retiredAt ? (
                    <StatusLight tone="neutral">Retired {formatDateTime(k.retiredAt)}</StatusLight>
                  ) : (
                    <StatusLight tone="positive">Current</StatusLight>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
