import Link from "next/link";
import { ShieldAlert } from "lucide-react";

export default function Forbidden() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center px-6 py-20 text-center">
      <ShieldAlert size={48} className="text-negative" aria-hidden />
      <h1 className="mt-4 text-2xl font-bold">You don&apos;t have access</h1>
      <p className="mt-2 text-sm text-ink-muted">
        This page is for administrators. If you need it, ask an administrator to change your role.
      </p>
      <Link
        href="/"
        className="mt-6 rounded-full bg-accent px-4 py-1.5 text-sm font-semibold text-white hover:bg-accent-hover"
      >
        Back to Navigation
      </Link>
    </div>
  );
}
