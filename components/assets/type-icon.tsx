import { File, FileArchive, FileAudio, FileImage, FileText, FileVideo, Folder, Library } from "lucide-react";
import { createElement } from "react";
import { cx } from "@/components/ui/cx";

/** The generic icon of a type, for items without a thumbnail (PDFs, video, other files, folders). */
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
  const Icon = kind === "folder" ? Folder : kind === "collection" ? Library : iconFor(mimeType ?? "");
  const props = {
    size,
    strokeWidth: 1.25,
    className: cx(colorFor(kind, mimeType ?? ""), className),
    "aria-hidden": true,
  };
  return createElement(Icon, props);
}

function iconFor(m: string) {
  if (m.startsWith("image/")) return FileImage;
  if (m.startsWith("video/")) return FileVideo;
  if (m.startsWith("audio/")) return FileAudio;
  if (
    m === "application/pdf" ||
    m.startsWith("text/") ||
    m.includes("word") ||
    m.includes("presentation") ||
    m.includes("sheet")
  )
    return FileText;
  if (m === "application/zip") return FileArchive;
  return File;
}

function colorFor(kind: string, m: string) {
  if (kind === "folder") return "text-[#6f8fb3]";
  if (kind === "collection") return "text-accent";
  if (m === "application/pdf") return "text-[#d7373f]";
  if (m.startsWith("video/")) return "text-[#7e4bf3]";
  return "text-ink-muted";
}
