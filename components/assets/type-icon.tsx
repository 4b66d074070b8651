import { createElement } from "react";
import { cx } from "@/components/ui/cx";
import {
  PlainFile,
  PlainFileArchive,
  PlainFileAudio,
  PlainFileImage,
  PlainFileText,
  PlainFileVideo,
  PlainFolder,
  PlainLibrary,
} from "@/components/ui/plain-icons";

/** The generic icon of a type, for items without a thumbnail (PDFs, video, other files, folders); decorative. */
export function TypeIcon({
  kind,
  mimeType,
  size = 48,
  className,
}: {
  kind: "folder" | "asset" | "collection";
  mimeType?: string;
  size?: number;
  className?: string;
}) {
  const Icon = kind === "folder" ? PlainFolder : kind === "collection" ? PlainLibrary : iconFor(mimeType ?? "");
  const props = {
    size,
    strokeWidth: 1.25,
    className: cx(colorFor(kind, mimeType ?? ""), className),
  };
  return createElement(Icon, props);
}

function iconFor(m: string) {
  if (m.startsWith("image/")) return PlainFileImage;
  if (m.startsWith("video/")) return PlainFileVideo;
  if (m.startsWith("audio/")) return PlainFileAudio;
  if (
    m === "application/pdf" ||
    m.startsWith("text/") ||
    m.includes("word") ||
    m.includes("presentation") ||
    m.includes("sheet")
  )
    return PlainFileText;
  if (m === "application/zip") return PlainFileArchive;
  return PlainFile;
}

function colorFor(kind: string, m: string) {
  if (kind === "folder") return "text-[#6f8fb3]";
  if (kind === "collection") return "text-accent";
  if (m === "application/pdf") return "text-[#d7373f]";
  if (m.startsWith("video/")) return "text-[#7e4bf3]";
  return "text-ink-muted";
}
