import { Globe2, Lock } from "lucide-react";

/** For portal administrators: whether portal users see this (Public Folder Publish). */
export function PublicBadge({ isPublic }: { isPublic: boolean }) {
  return isPublic ? (
    <span className="inline-flex items-center gap-1 rounded-full bg-positive-soft px-2 py-0.5 text-[11px] font-semibold text-positive">
      <Globe2 size={12} aria-hidden /> Public
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded-full bg-black/5 px-2 py-0.5 text-[11px] font-semibold text-ink-muted">
      <Lock size={12} aria-hidden /> Administrators only
    </span>
  );
}
