"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

// Also what a portal user sees for what they may not see: "not found", never "forbidden".
export default function PortalNotFound() {
  const slug = usePathname().split("/")[2] ?? "";
  return (
    <main className="mx-auto flex max-w-lg flex-col items-center px-6 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-[0.2em] text-ink-muted">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-3 text-sm text-ink-muted">
        This page or asset does not exist, was removed from the portal, or is not shared with you.
      </p>
      <Link
        href={`/portal/${slug}`}
        className="mt-8 rounded-full bg-ink px-5 py-2 text-sm font-semibold text-white hover:bg-ink/85"
      >
        Back to the portal
      </Link>
    </main>
  );
}
