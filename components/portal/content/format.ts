import { typeLabel } from "@/lib/assets/detect-type";

// Display helpers shared by the portal's server and client components.

export { formatBytes } from "@/lib/format";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
export const formatDay = (iso: string) => day.format(new Date(iso));

export function typeName(mimeType: string): string {
  const label = typeLabel(mimeType);
  if (label !== mimeType) return label.replace(/ (image|document|video|audio|archive|text|workbook|presentation)$/, "");
  return (mimeType.split("/")[1] ?? mimeType).toUpperCase().slice(0, 12);
}

export const dimensions = (a: { width: number | null; height: number | null }) =>
  a.width && a.height ? `${a.width} × ${a.height}` : null;

export const renditionUrl = (slug: string, id: string, kind: string, v: string | undefined) =>
  `/portal/${slug}/renditions/${id}/${kind}${v ? `?v=${v}` : ""}`;
