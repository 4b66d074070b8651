import Link from "next/link";
import { UserMenu } from "@/components/shell/user-menu";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/sessions";

/** The global header: product name (home), the main areas, the signed-in user's menu. */
export function Header({ user }: { user: SessionUser }) {
  return (
    <header className="sticky top-0 z-40 flex h-12 items-center gap-6 bg-[#2c2c2c] px-4 text-white shadow">
      <Link href="/" className="flex items-center gap-2 rounded font-bold tracking-tight focus-visible:outline-white">
        <Logo />
        <span>Outpost</span>
      </Link>
      <nav aria-label="Main" className="flex items-center gap-1 text-sm">
        <Link href="/assets" className="rounded px-2 py-1 text-white/85 hover:bg-white/10 hover:text-white">
          Assets
        </Link>
        <Link href="/tools" className="rounded px-2 py-1 text-white/85 hover:bg-white/10 hover:text-white">
          Tools
        </Link>
      </nav>
      <div className="ml-auto">
        <UserMenu name={user.name} login={user.login} roleLabel={ROLE_LABELS[user.role]} />
      </div>
    </header>
  );
}

function Logo() {
  return (
    <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden>
      <rect width="32" height="32" rx="7" fill="#1473e6" />
      <path d="M9 22 16 8l7 14h-4.5L16 16.5 13.5 22z" fill="#fff" />
    </svg>
  );
}
