import { StatusLight, type StatusTone } from "@/components/ui/status-light";
import { formatDateTime } from "@/lib/format";
import type { BpStatus as Status } from "@/lib/assets/types";

const STATES: Record<string, { label: string; tone: StatusTone }> = {
  published: { label: "Published", tone: "positive" },
  pending: { label: "Pending", tone: "info" },
  failed: { label: "Failed", tone: "negative" },
  unpublished: { label: "Unpublished", tone: "neutral" },
};

/** Publication status to Brand Portal: "Not published" until replication writes one. */
export function bpText(bp: Status): string {
  if (!bp.state) return "Not published";
  const s = STATES[bp.state]?.label ?? bp.state;
  return [s, bp.at ? formatDateTime(bp.at) : null, bp.by ? `by ${bp.by}` : null].filter(Boolean).join(" ");
}

export function BpStatus({ bp, className }: { bp: Status; className?: string }) {
  const tone = bp.state ? (STATES[bp.state]?.tone ?? "neutral") : "neutral";
  return (
    <StatusLight tone={tone} className={className}>
      {bpText(bp)}
    </StatusLight>
  );
}
