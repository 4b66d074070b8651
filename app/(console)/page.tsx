import type { Metadata } from "next";
import { Tile } from "@/components/shell/tile";
import { requireUser } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Navigation" };

export default async function NavigationPage() {
  const user = await requireUser();
  return (
    <div className="mx-auto max-w-4xl px-6 py-10">
      <h1 className="text-2xl font-bold">Navigation</h1>
      <p className="mt-1 text-sm text-ink-muted">Welcome, {user.name}. Where would you like to go?</p>
      <div className="mt-8 grid grid-cols-2 gap-6 sm:grid-cols-3 md:grid-cols-4">
        <Tile href="/assets" title="Assets" description="Files, folders and collections" icon="assets" />
        <Tile
          href="/collections"
          title="Collections"
          description="Sets of assets to share and publish"
          icon="collections"
        />
        <Tile href="/tools" title="Tools" description="Cloud services, replication, workflow, security" icon="tools" />
      </div>
    </div>
  );
}
