import { TypeIcon } from "@/components/assets/type-icon";
import { cx } from "@/components/ui/cx";
import { PlainImage } from "@/components/ui/plain-icons";
import type { PortalAssetCard } from "@/lib/portal/asset-view";
import { renditionUrl } from "@/components/portal/content/format";

type Props = {
  slug: string;
  asset: Pick<PortalAssetCard, "id" | "mimeType" | "renditionState" | "renditions">;
  kind?: "thumbnail" | "web";
  className?: string;
  iconSize?: number;
};

/**
 * The portal's picture of an asset: its rendition once the portal has made it, a placeholder while
 * it is being made, an icon by type for files without one (PDF, video, …). Decorative: the title
 * next to it names the asset.
 */
export function AssetThumb({ slug, asset, kind = "thumbnail", className, iconSize = 56 }: Props) {
  const v = asset.renditions[kind];
  if (asset.renditionState === "ready" && v) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- access-controlled renditions, served by our route
      <img
        src={renditionUrl(slug, asset.id, kind, v)}
        alt=""
        loading="lazy"
        decoding="async"
        className={cx("h-full w-full object-contain", className)}
      />
    );
  }
  if (asset.renditionState === "pending" && asset.mimeType.startsWith("image/")) {
    return (
      <div
        className={cx("flex h-full w-full flex-col items-center justify-center gap-2 text-ink-muted", className)}
        data-testid="preview-pending"
      >
        <PlainImage size={iconSize / 1.6} strokeWidth={1.25} className="animate-pulse" />
        <span className="text-xs">Preparing preview…</span>
      </div>
    );
  }
  return (
    <div className={cx("flex h-full w-full items-center justify-center", className)}>
      <TypeIcon kind="asset" mimeType={asset.mimeType} size={iconSize} />
    </div>
  );
}
