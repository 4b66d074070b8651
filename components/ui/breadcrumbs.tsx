"use client";
import { Breadcrumb, Breadcrumbs as AriaBreadcrumbs, Link } from "react-aria-components";
import { ChevronRight } from "lucide-react";

export type Crumb = { label: string; href?: string };

/** Where this page sits; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumbs">
      <AriaBreadcrumbs className="flex flex-wrap items-center text-xs text-ink-muted">
        {items.map((c, i) => (
          <Breadcrumb key={`${i}-${c.label}`} className="flex items-center">
            <Link
              href={i < items.length - 1 ? c.href : undefined}
              className="focus-ring rounded-sm data-[current]:font-medium data-[current]:text-ink data-[hovered]:underline data-[current]:no-underline"
            >
              {c.label}
            </Link>
            {i < items.length - 1 && <ChevronRight size={12} className="mx-1" aria-hidden />}
          </Breadcrumb>
        ))}
      </AriaBreadcrumbs>
    </nav>
  );
}
