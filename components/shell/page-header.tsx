import { Breadcrumbs, type Crumb } from "@/components/ui/breadcrumbs";

/** Where every console page's breadcrumbs start (AEM's Navigation page). */
export const ROOT_CRUMB: Crumb = { label: "Navigation", href: "/" };

/** The crumbs from the root: pages pass their trail without it, so every page starts the same. */
export const fromRoot = (crumbs: Crumb[]): Crumb[] => (crumbs[0]?.href === "/" ? crumbs : [ROOT_CRUMB, ...crumbs]);

/** A console page's title bar: breadcrumbs from the root, the title, and the page's actions on the right. */
export function PageHeader({
  title,
  crumbs,
  actions,
  children,
}: {
  title: string;
  crumbs: Crumb[];
  actions?: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <div className="border-b border-line bg-surface px-6 pb-3 pt-3">
      <Breadcrumbs items={fromRoot(crumbs)} />
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <h1 className="mr-auto truncate text-2xl font-bold">{title}</h1>
        {actions && <div className="flex items-center gap-2">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

/** The page body below the title bar. */
export function PageBody({ children, wide }: { children: React.ReactNode; wide?: boolean }) {
  return <div className={wide ? "px-6 py-5" : "mx-auto max-w-6xl px-6 py-5"}>{children}</div>;
}
