import Link from "next/link";
import { NavIcon } from "@/components/shell/icon";
import type { IconName } from "@/lib/navigation";

/** A large tile that opens a console (Navigation and Tools pages). */
export function Tile({
  href,
  title,
  description,
  icon,
}: {
  href: string;
  title: string;
  description?: string;
  icon: IconName;
}) {
  return (
    <Link
      href={href}
      className="group flex flex-col items-center gap-3 rounded-lg border border-line bg-surface p-6 text-center shadow-sm transition hover:border-accent hover:shadow-md"
    >
      <span className="flex h-14 w-14 items-center justify-center rounded-full bg-accent-soft text-accent group-hover:bg-accent group-hover:text-white">
        <NavIcon name={icon} size={28} />
      </span>
      <span className="font-semibold">{title}</span>
      {description && <span className="text-xs text-ink-muted">{description}</span>}
    </Link>
  );
}
