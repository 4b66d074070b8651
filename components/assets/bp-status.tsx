import { StatusLight, type StatusTone } from "@/components/ui/status-light";
import { cx } from "@/components/ui/cx";
import { formatDateTime } from "@/lib/format";
import type { BpStatus as Status } from "@/lib/assets/types";

// An item's Brand Portal state as the Assets console shows it (cards, the list's Brand Portal
// column, details pages): Published (when, by whom), Pending (queued, or scheduled for a time),
// Failed (with the reason), Not published (with when it was unpublished, if it was).

type Summary = { label: string; tone: StatusTone; detail: string | null; schedule: string | null };

export function bpSummary(bp: Status): Summary {
  const when = [bp.at ? formatDateTime(bp.at) : null, bp.byName ? `by ${bp.byName}` : null].filter(Boolean).join(" ");
  const schedule = bp.scheduled
    ? `${bp.scheduled.action === "unpublish" ? "Unpublish" : "Publish"} scheduled for ${formatDateTime(bp.scheduled.at)}`
    : null;
  switch (bp.state) {
    case "published":
      return { label: "Published", tone: "positive", detail: when || null, schedule };
    case "pending":
      return { label: "Pending", tone: "info", detail: "queued", schedule };
    case "failed":
      return { label: "Failed", tone: "negative", detail: bp.error || "the job failed", schedule };
    default: {
      const unpublished = bp.state === "unpublished" ? `unpublished ${when}`.trim() : null;
      // Something scheduled is pending, as far as the author is concerned.
      if (schedule) return { label: "Pending", tone: "info", detail: unpublished, schedule };
      return { label: "Not published", tone: "neutral", detail: unpublished, schedule: null };
    }
  }
}

/** One line of text (for titles and tests). */
export function bpText(bp: Status): string {
  const s = bpSummary(bp);
  return [[s.label, s.detail].filter(Boolean).join(": "), s.schedule].filter(Boolean).join(" · ");
}

export function BpStatus({
  bp,
  className,
  wrap,
  small,
}: {
  bp: Status;
  className?: string;
  /** Wrap long reasons instead of cutting them (details pages). */
  wrap?: boolean;
  small?: boolean;
}) {
  const s = bpSummary(bp);
  return (
    <span
      className={cx("inline-flex min-w-0 max-w-full flex-col", className)}
      title={bpText(bp)}
      data-bp={bp.state ?? "none"}
    >
      <StatusLight tone={s.tone} className={cx("min-w-0 max-w-full", small && "!text-xs")}>
        <span className={cx("min-w-0", !wrap && "truncate")}>
          {s.label}
          {s.detail && (
            <span className={s.tone === "negative" ? "text-negative" : "text-ink-muted"}>
              {s.label === "Published" ? " " : ": "}
              {s.detail}
            </span>
          )}
        </span>
      </StatusLight>
      {s.schedule && <span className={cx("pl-4 text-ink-muted", !wrap && "truncate")}>{s.schedule}</span>}
    </span>
  );
}
