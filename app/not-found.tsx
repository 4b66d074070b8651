import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center px-6 py-20 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-sm text-ink-muted">The page or item does not exist, or it was moved or deleted.</p>
      <Link
        href="/"
        className="mt-6 rounded-full bg-accent px-4 py-1.5 text-sm font-semibold text-white hover:bg-accent-hover"
      >
        Back to Navigation
      </Link>
    </div>
  );
}
