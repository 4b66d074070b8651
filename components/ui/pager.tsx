"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button, LinkButton } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";

/** Previous / next links for a paged list kept in the URL (?page=). */
export function Pager({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `${pathname}?${next.toString()}`;
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-end gap-3 text-sm">
      <span className="text-ink-muted">
        Page {page} of {pages}
      </span>
      <LinkButton variant="quiet" href={href(page - 1)} isDisabled={page <= 1} aria-label="Previous page">
        <ChevronLeft size={16} aria-hidden /> Previous
      </LinkButton>
      <LinkButton variant="quiet" href={href(page + 1)} isDisabled={page >= pages} aria-label="Next page">
        Next <ChevronRight size={16} aria-hidden />
      </LinkButton>
    </nav>
  );
}

/** Previous / next buttons for a paged list kept in the component's state (live tables). */
export function PageButtons({
  label,
  page,
  pages,
  onPage,
  className,
}: {
  label: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
  className?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className={cx("flex items-center justify-end gap-3 text-sm", className)}>
      <span className="text-ink-muted">
        Page {page} of {pages}
      </span>
      <Button variant="quiet" onPress={() => onPage(page - 1)} isDisabled={page <= 1}>
        Previous
      </Button>
      <Button variant="quiet" onPress={() => onPage(page + 1)} isDisabled={page >= pages}>
        Next
      </Button>
    </nav>
  );
}
