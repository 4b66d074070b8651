"use client";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Readiness } from "@/components/publication/use-publishing";

/** Publishing cannot work yet: what an administrator must set up, with the link for administrators. */
export function NotConfigured({ readiness }: { readiness: Readiness }) {
  return (
    <Alert tone="notice" title="Brand Portal is not set up">
      <p>{readiness.message}</p>
      {readiness.setupUrl ? (
        <Link href={readiness.setupUrl} className="mt-1 inline-block font-semibold text-accent-down underline">
          Set up Brand Portal in Cloud Services
        </Link>
      ) : (
        <p className="mt-1">Ask an administrator to set it up.</p>
      )}
    </Alert>
  );
}
