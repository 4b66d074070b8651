import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { Tile } from "@/components/shell/tile";
import { cx } from "@/components/ui/cx";
import { requireUser } from "@/lib/auth/dal";
import { TOOL_SECTIONS } from "@/lib/navigation";
import { visibleSections } from "@/lib/tools-sections";

export const metadata: Metadata = { title: "Tools" };

export default async function ToolsSectionPage({ params }: { params: Promise<{ section: string }> }) {
  const { section: id } = await params;
  const user = await requireUser();
  if (!TOOL_SECTIONS.some((s) => s.id === id)) notFound();
  const sections = visibleSections(user.role);
  const section = sections.find((s) => s.id === id);
  if (!section) forbidden();
  return (
    <>
      <PageHeader title="Tools" crumbs={[{ label: "Tools", href: "/tools" }, { label: section.title }]} />
      <div className="flex min-h-[calc(100vh-8rem)]">
        <nav aria-label="Tools sections" className="w-56 shrink-0 border-r border-line bg-surface py-3">
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <Link
                  href={`/tools/${s.id}`}
                  aria-current={s.id === id ? "page" : undefined}
                  className={cx(
                    "block border-l-4 px-4 py-2 text-sm hover:bg-canvas",
                    s.id === id ? "border-accent bg-accent-soft font-semibold" : "border-transparent",
                  )}
                >
                  {s.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <section className="flex-1 p-6" aria-label={section.title}>
          {section.consoles.length > 0 ? (
            <div className="grid grid-cols-2 gap-5 lg:grid-cols-4">
              {section.consoles.map((c) => (
                <Tile key={c.id} href={c.href} title={c.title} description={c.description} icon={c.icon} />
              ))}
            </div>
          ) : (
            <p className="text-sm text-ink-muted">This section has no consoles yet.</p>
          )}
        </section>
      </div>
    </>
  );
}
