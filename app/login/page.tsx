import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/http/safe-next";
import { LoginForm } from "@/components/auth/login-form";
import { currentUser } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentUser()) redirect(safeNextPath(next, "/"));
  return (
    <main className="flex min-h-screen items-center justify-center bg-[#2c2c2c] p-4">
      <div className="w-full max-w-sm rounded-lg bg-surface p-8 shadow-2xl">
        <div className="mb-6 flex items-center gap-3">
          <svg width="36" height="36" viewBox="0 0 32 32" aria-hidden>
            <rect width="32" height="32" rx="7" fill="#1473e6" />
            <path d="M9 22 16 8l7 14h-4.5L16 16.5 13.5 22z" fill="#fff" />
          </svg>
          <div>
            <h1 className="text-xl font-bold leading-tight">Outpost</h1>
            <p className="text-xs text-ink-muted">Assets · Brand Portal publishing</p>
          </div>
        </div>
        <LoginForm next={safeNextPath(next, "/")} />
      </div>
    </main>
  );
}
