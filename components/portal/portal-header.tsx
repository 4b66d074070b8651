"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Button } from "react-aria-components";
import { ChevronDown } from "lucide-react";
import { Menu, MenuItem, MenuSeparator } from "@/components/ui/menu";
import { cx } from "@/components/ui/cx";
import { portalSignOutAction } from "@/lib/portal/auth-actions";
import { PORTAL_ROLE_LABELS, type PortalRole } from "@/lib/portal/roles";

type Props = { slug: string; tenantName: string; displayName: string; login: string; role: PortalRole };

/** The portal's own header: the tenant's name (home), its sections, the signed-in user's menu. */
export function PortalHeader({ slug, tenantName, displayName, login, role }: Props) {
  const pathname = usePathname();
  const base = `/portal/${slug}`;
  const links = [
    { href: base, label: "Home", active: pathname === base || pathname.startsWith(`${base}/folders`) },
    { href: `${base}/search`, label: "Search" },
    ...(role === "admin"
      ? [
          { href: `${base}/users`, label: "Users" },
          { href: `${base}/report`, label: "Report" },
        ]
      : []),
  ].map((l) => ({ ...l, active: l.active ?? (pathname === l.href || pathname.startsWith(`${l.href}/`)) }));

  return (
    <header className="sticky top-0 z-40 border-b border-line bg-surface/95 backdrop-blur">
      {/* Below md the tabs take a row of their own under the name and the user menu: one row of
          all three needs about 700 px, and squeezed, the name ran under the tabs and the menu off-screen. */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 px-6 md:h-16 md:flex-nowrap">
        <Link href={base} className="flex h-16 min-w-0 flex-1 items-center gap-3 rounded-md md:flex-initial">
          <TenantMark name={tenantName} />
          <span className="min-w-0">
            <span className="block truncate text-lg font-bold leading-tight text-ink">{tenantName}</span>
            <span className="block truncate text-[11px] font-medium uppercase tracking-[0.14em] text-ink-muted">
              Brand Portal
            </span>
          </span>
        </Link>
        <nav
          aria-label="Portal"
          className="order-last -ml-3 flex h-11 w-full items-stretch gap-1 text-sm font-semibold md:order-none md:ml-0 md:h-full md:w-auto"
        >
          {links.map((l) => (
            <Link
              key={l.href}
              href={l.href}
              aria-current={l.active ? "page" : undefined}
              className={cx(
                "flex items-center border-b-2 px-3 pt-0.5 transition-colors",
                l.active ? "border-ink text-ink" : "border-transparent text-ink-muted hover:text-ink",
              )}
            >
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto">
          <Menu
            label="User menu"
            trigger={
              <Button
                aria-label={`User menu for ${displayName}`}
                className="focus-ring flex items-center gap-2 rounded-full py-1 pl-1 pr-2 text-sm data-[hovered]:bg-black/5"
              >
                <Initials name={displayName} />
                <span className="hidden font-medium sm:inline">{displayName}</span>
                <ChevronDown size={14} aria-hidden />
              </Button>
            }
          >
            <MenuItem isDisabled textValue={login} className="flex-col items-start !opacity-100">
              <span className="font-semibold">{displayName}</span>
              <span className="text-xs text-ink-muted">
                {login} · {PORTAL_ROLE_LABELS[role]}
              </span>
            </MenuItem>
            <MenuSeparator />
            <MenuItem href={`${base}/account`}>Change password</MenuItem>
            <MenuItem onAction={() => void portalSignOutAction({ tenant: slug })}>Sign out</MenuItem>
          </Menu>
        </div>
      </div>
    </header>
  );
}

/** The tenant's initials on a dark tile: every tenant is recognisable without a logo upload. */
export function TenantMark({ name, size = "md" }: { name: string; size?: "md" | "lg" }) {
  const letters = initialsOf(name);
  return (
    <span
      aria-hidden
      className={cx(
        "grid shrink-0 place-items-center rounded-xl bg-ink font-bold tracking-tight text-white",
        size === "md" ? "size-10 text-sm" : "size-14 text-lg",
      )}
    >
      {letters}
    </span>
  );
}

function Initials({ name }: { name: string }) {
  return (
    <span
      aria-hidden
      className="grid size-8 place-items-center rounded-full bg-accent-soft text-xs font-bold text-accent-down"
    >
      {initialsOf(name)}
    </span>
  );
}

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[1][0] : (words[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}
