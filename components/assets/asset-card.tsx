"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button as AriaButton } from "react-aria-components";
import { AlertTriangle, CheckSquare, ExternalLink } from "lucide-react";
import { Checkbox } from "@/components/ui/checkbox";
import { cx } from "@/components/ui/cx";
import { TypeIcon } from "@/components/assets/type-icon";
import { BpStatus } from "@/components/assets/bp-status";
import { metaLine } from "@/components/assets/describe";
import { useCommandHost } from "@/components/assets/commands/command-host";
import { CommandButton } from "@/components/assets/commands/command-button";
import { toSelected } from "@/components/assets/use-selection";
import type { BrowseItem } from "@/lib/assets/types";

/**
 * A card of the card view: thumbnail (or type icon), title, name, type · size · dimensions and the
 * Brand Portal status. A checkbox to select it; on hover, quick actions (Open, Select, and the
 * registry's quick-action commands). In selection mode a click selects instead of opening.
 */
export function AssetCard({
  item,
  href,
  selected,
  selecting,
  onToggle,
  showPath,
}: {
  item: BrowseItem;
  href: string;
  selected: boolean;
  selecting: boolean;
  onToggle: () => void;
  showPath?: boolean;
}) {
  const router = useRouter();
  const { quickActions } = useCommandHost();
  const quick = quickActions(toSelected(item));
  const pending = item.kind === "asset" && item.renditionState === "pending";
  return (
    <article
      aria-label={item.title}
      className={cx(
        "group relative flex flex-col overflow-hidden rounded border bg-surface shadow-sm transition hover:shadow-md",
        selected ? "border-accent ring-2 ring-accent" : "border-line",
      )}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest("a,button,label,input")) return;
        if (selecting) onToggle();
        else router.push(href);
      }}
    >
      <div className="relative flex aspect-[4/3] items-center justify-center overflow-hidden bg-[#eaeaea]">
        {item.kind === "asset" && item.thumbnailUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a streamed rendition, not a static image
          <img
            src={item.thumbnailUrl}
            alt=""
            loading="lazy"
            className="absolute inset-0 h-full w-full object-contain"
          />
        ) : (
          <TypeIcon kind={item.kind} mimeType={item.kind === "asset" ? item.mimeType : undefined} size={56} />
        )}
        {pending && (
          <span className="absolute bottom-2 left-2 rounded bg-black/60 px-1.5 py-0.5 text-[11px] text-white">
            Processing…
          </span>
        )}
        <div
          className={cx(
            "absolute left-2 top-2 rounded bg-surface/90 p-1 shadow",
            !selected && !selecting && "opacity-0 group-hover:opacity-100 group-focus-within:opacity-100",
          )}
        >
          <Checkbox isSelected={selected} onChange={onToggle} aria-label={`Select ${item.title}`} />
        </div>
        <div
          className="absolute right-2 top-2 flex gap-1.5 opacity-0 transition-opacity group-hover:opacity-100 group-focus-within:opacity-100"
          aria-label={`Quick actions for ${item.title}`}
          role="group"
        >
          <Link
            href={href}
            aria-label="Open"
            title="Open"
            className="inline-flex h-8 w-8 items-center justify-center rounded-full bg-surface/95 text-ink shadow ring-1 ring-black/10 hover:bg-accent hover:text-white"
          >
            <ExternalLink size={16} aria-hidden />
          </Link>
          <AriaButton
            aria-label="Select"
            onPress={onToggle}
            className="focus-ring inline-flex h-8 w-8 items-center justify-center rounded-full bg-surface/95 text-ink shadow ring-1 ring-black/10 data-[hovered]:bg-accent data-[hovered]:text-white"
          >
            <CheckSquare size={16} aria-hidden />
          </AriaButton>
          {quick.map((c) => (
            <CommandButton key={c.id} command={c} items={[toSelected(item)]} variant="quick" />
          ))}
        </div>
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-0.5 border-t border-line p-3">
        <Link href={href} className="truncate font-semibold hover:underline" title={item.title}>
          {item.title}
        </Link>
        <span className="truncate text-xs text-ink-muted" title={showPath ? item.path : item.name}>
          {showPath ? item.path : item.name}
        </span>
        <span className="flex items-center gap-1 truncate text-xs text-ink-muted">
          {item.kind === "asset" && item.typeFlag && (
            <AlertTriangle size={12} className="shrink-0 text-notice" aria-label="Type warning" />
          )}
          {metaLine(item)}
        </span>
        <BpStatus bp={item.bp} className="mt-1 text-xs" small />
      </div>
    </article>
  );
}
