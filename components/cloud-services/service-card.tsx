import Link from "next/link";
import { Cloud } from "lucide-react";
import { StatusLight } from "@/components/ui/status-light";
import { ConfigureNow } from "@/components/cloud-services/create-config-dialog";
import { configHref, type CloudService } from "@/lib/cloud-services/catalog";

type ConfigLink = { name: string; title: string; tenantUrl: string; complete: boolean };

/** A service of Legacy Cloud Services: what it does, "Configure now", and its configurations. */
export function ServiceCard({ service, configs }: { service: CloudService; configs: ConfigLink[] }) {
  return (
    <article
      aria-labelledby={`service-${service.id}`}
      className="flex flex-col rounded-lg border border-line bg-surface shadow-sm"
    >
      <div className="flex gap-4 p-5">
        <span
          className="flex h-12 w-12 shrink-0 items-center justify-center rounded-lg bg-[#eb1000] text-white"
          aria-hidden
        >
          <Cloud size={26} />
        </span>
        <div className="min-w-0">
          <h3 id={`service-${service.id}`} className="text-base font-bold">
            {service.title}
          </h3>
          <p className="mt-0.5 text-sm text-ink-muted">{service.description}</p>
          <ConfigureNow serviceTitle={service.title} />
        </div>
      </div>
      <div className="border-t border-line px-5 py-3">
        <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-ink-muted">Configurations</h4>
        {configs.length === 0 ? (
          <p className="text-sm text-ink-muted">No configuration yet. Use Configure now to create one.</p>
        ) : (
          <ul aria-label={`${service.title} configurations`} className="divide-y divide-line">
            {configs.map((c) => (
              <li key={c.name} className="flex items-center justify-between gap-3 py-2">
                <div className="min-w-0">
                  <Link href={configHref(c.name)} className="font-semibold text-accent hover:underline">
                    {c.title}
                  </Link>
                  <span className="ml-2 font-mono text-xs text-ink-muted">{c.name}</span>
                  {c.tenantUrl && <p className="truncate text-xs text-ink-muted">{c.tenantUrl}</p>}
                </div>
                {c.complete ? (
                  <StatusLight tone="positive">Configured</StatusLight>
                ) : (
                  <StatusLight tone="notice">Incomplete</StatusLight>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
