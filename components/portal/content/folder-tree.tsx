import Link from "next/link";
import { Folder, FolderOpen, Lock } from "lucide-react";
import { cx } from "@/components/ui/cx";
import type { TreeNode } from "@/lib/portal/browse";
import { DAM_ROOT, folderHref } from "@/lib/portal/paths";

/** The published folder tree along the current folder (siblings of each folder on the way down). */
export function FolderTree({
  slug,
  nodes,
  current,
  admin,
}: {
  slug: string;
  nodes: TreeNode[];
  current: string;
  admin: boolean;
}) {
  const children = new Map<string, TreeNode[]>();
  for (const n of nodes) children.set(n.parentPath, [...(children.get(n.parentPath) ?? []), n]);
  const render = (parent: string, depth: number): React.ReactNode => {
    const kids = children.get(parent);
    if (!kids?.length) return null;
    return (
      <ul className={cx(depth > 0 && "ml-3 border-l border-line pl-2")}>
        {kids.map((n) => {
          const here = n.path === current;
          const open = current === n.path || current.startsWith(`${n.path}/`);
          const Icon = open ? FolderOpen : Folder;
          return (
            <li key={n.path}>
              <Link
                href={folderHref(slug, n.path)}
                aria-current={here ? "page" : undefined}
                className={cx(
                  "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm",
                  here ? "bg-accent-soft font-semibold text-accent" : "text-ink hover:bg-black/5",
                )}
              >
                <Icon size={16} aria-hidden className="shrink-0" />
                <span className="truncate">{n.title}</span>
                {admin && !n.isPublic && (
                  <Lock size={12} className="ml-auto shrink-0 text-ink-muted" aria-label="Administrators only" />
                )}
              </Link>
              {open && render(n.path, depth + 1)}
            </li>
          );
        })}
      </ul>
    );
  };
  return (
    <nav aria-label="Folders" className="text-sm">
      <Link
        href={`/portal/${slug}`}
        aria-current={current === DAM_ROOT ? "page" : undefined}
        className={cx(
          "mb-1 flex items-center gap-2 rounded-md px-2 py-1.5 font-semibold",
          current === DAM_ROOT ? "bg-accent-soft text-accent" : "text-ink hover:bg-black/5",
        )}
      >
        All assets
      </Link>
      {render(DAM_ROOT, 0) ?? <p className="px-2 text-ink-muted">No folders yet.</p>}
    </nav>
  );
}
