import { PlainGlobe2, PlainLock } from "@/components/ui/plain-icons";

/** For portal administrators: whether portal users see this (Public Folder Publish). */
export function PublicBadge({ isPublic }: { isPublic: boolean }) {
  return isPublic ? (
    <span className="inline-flex items-center gap-1 rounded-full bg-positive-soft px-2 py-0.5 text-[11px] font-semibold text-[#1b6650]">
      <PlainGlobe2 size={12} /> Public
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded-full bg-black/5 px-2 py-0.5 text-[11px] font-semibold text-ink">
      <PlainLock size={12} /> Administrators only
    </span>
  );
}
