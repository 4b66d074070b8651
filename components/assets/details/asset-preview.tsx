import { TypeIcon } from "@/components/assets/type-icon";
import { shortType } from "@/components/assets/describe";
import type { AssetDetails } from "@/lib/assets/details";

/** The large preview: the web rendition of an image, a player for video and audio, else the type's icon. */
export function AssetPreview({ asset }: { asset: AssetDetails }) {
  const web = asset.renditions.find((r) => r.kind === "web") ?? asset.renditions.find((r) => r.kind === "thumbnail");
  const original = `/api/assets/${asset.id}/binary?v=${asset.sha256.slice(0, 16)}`;
  return (
    <div className="flex min-h-[22rem] items-center justify-center rounded border border-line bg-[repeating-conic-gradient(#eee_0_25%,#f8f8f8_0_50%)] bg-[length:20px_20px] p-4">
      {web ? (
        // eslint-disable-next-line @next/next/no-img-element -- a streamed rendition
        <img src={web.url} alt={asset.title} className="max-h-[70vh] max-w-full object-contain shadow" />
      ) : asset.mimeType.startsWith("video/") ? (
        <video
          src={original}
          controls
          preload="metadata"
          className="max-h-[70vh] max-w-full bg-black"
          aria-label={asset.title}
        />
      ) : asset.mimeType.startsWith("audio/") ? (
        <audio src={original} controls aria-label={asset.title} />
      ) : (
        <div className="flex flex-col items-center gap-3 text-center text-sm text-ink-muted">
          <TypeIcon kind="asset" mimeType={asset.mimeType} size={120} />
          <span>{shortType(asset.mimeType)}</span>
          {asset.renditionState === "pending" && <span>The preview is being made…</span>}
          {asset.renditionState === "failed" && <span>No preview: the image could not be read.</span>}
        </div>
      )}
    </div>
  );
}
