/** A portal page's title block and body: big title, an optional line below, actions on the right. */
export function PortalPage({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="mx-auto max-w-7xl px-6 py-8">
      <div className="mb-6 flex flex-wrap items-end gap-4">
        <div className="mr-auto min-w-0">
          <h1 className="truncate text-3xl font-bold tracking-tight">{title}</h1>
          {/* A div: descriptions hold breadcrumbs (a <nav>), which a <p> cannot contain. */}
          {description && <div className="mt-1 text-sm text-ink-muted">{description}</div>}
        </div>
        {actions && <div className="flex items-center gap-2">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
