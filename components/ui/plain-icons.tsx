import { createElement, type ReactElement } from "react";
import { cx } from "@/components/ui/cx";

// Decorative icons that pages repeat many times (the portal's asset grid: up to three a card, 48
// cards a page), as plain SVG elements. lucide-react's components work out their attributes on
// every render (class merging, attribute renaming, context); rendered on the server, an icon took
// 18 µs that way against 2 µs written out (react-dom/server, 144 icons: 2.7 ms against 0.25 ms),
// and they were the largest part of rendering the grid. The markup is lucide's own: same classes,
// attributes and paths (lucide, ISC licence), checked against lucide-react by
// tests/plain-icons.test.ts, so what users see does not change. Always aria-hidden: an icon that
// names something needs lucide-react's component and its aria props.

type IconNode = [tag: "path" | "circle" | "rect", attrs: Record<string, string>][];
export type PlainIconProps = { size?: number; strokeWidth?: number; className?: string };

function plainIcon(classes: string, node: IconNode) {
  // The children never change: built once, shared by every render.
  const children = node.map(([tag, attrs], i) => createElement(tag, { key: i, ...attrs }));
  return function PlainIcon({ size = 24, strokeWidth = 2, className }: PlainIconProps): ReactElement {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={strokeWidth}
        strokeLinecap="round"
        strokeLinejoin="round"
        className={cx("lucide", classes, className)}
        aria-hidden="true"
      >
        {children}
      </svg>
    );
  };
}

const PAGE =
  "M6 22a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h8a2.4 2.4 0 0 1 1.704.706l3.588 3.588A2.4 2.4 0 0 1 20 8v12a2 2 0 0 1-2 2z";
const CORNER = "M14 2v5a1 1 0 0 0 1 1h5";

export const PlainCheck = plainIcon("lucide-check", [["path", { d: "M20 6 9 17l-5-5" }]]);
export const PlainLock = plainIcon("lucide-lock", [
  ["rect", { width: "18", height: "11", x: "3", y: "11", rx: "2", ry: "2" }],
  ["path", { d: "M7 11V7a5 5 0 0 1 10 0v4" }],
]);
export const PlainGlobe2 = plainIcon("lucide-earth lucide-globe-2", [
  ["path", { d: "M21.54 15H17a2 2 0 0 0-2 2v4.54" }],
  ["path", { d: "M7 3.34V5a3 3 0 0 0 3 3a2 2 0 0 1 2 2c0 1.1.9 2 2 2a2 2 0 0 0 2-2c0-1.1.9-2 2-2h3.17" }],
  ["path", { d: "M11 21.95V18a2 2 0 0 0-2-2a2 2 0 0 1-2-2v-1a2 2 0 0 0-2-2H2.05" }],
  ["circle", { cx: "12", cy: "12", r: "10" }],
]);
export const PlainImage = plainIcon("lucide-image", [
  ["rect", { width: "18", height: "18", x: "3", y: "3", rx: "2", ry: "2" }],
  ["circle", { cx: "9", cy: "9", r: "2" }],
  ["path", { d: "m21 15-3.086-3.086a2 2 0 0 0-2.828 0L6 21" }],
]);
export const PlainFile = plainIcon("lucide-file", [
  ["path", { d: PAGE }],
  ["path", { d: CORNER }],
]);
export const PlainFileImage = plainIcon("lucide-file-image", [
  ["path", { d: PAGE }],
  ["path", { d: CORNER }],
  ["circle", { cx: "10", cy: "12", r: "2" }],
  ["path", { d: "m20 17-1.296-1.296a2.41 2.41 0 0 0-3.408 0L9 22" }],
]);
export const PlainFileVideo = plainIcon("lucide-file-play lucide-file-video", [
  ["path", { d: PAGE }],
  ["path", { d: CORNER }],
  [
    "path",
    { d: "M15.033 13.44a.647.647 0 0 1 0 1.12l-4.065 2.352a.645.645 0 0 1-.968-.56v-4.704a.645.645 0 0 1 .967-.56z" },
  ],
]);
export const PlainFileAudio = plainIcon("lucide-file-headphone lucide-file-audio lucide-file-audio-2", [
  [
    "path",
    {
      d: "M4 6.835V4a2 2 0 0 1 2-2h8a2.4 2.4 0 0 1 1.706.706l3.588 3.588A2.4 2.4 0 0 1 20 8v12a2 2 0 0 1-2 2h-.343",
    },
  ],
  ["path", { d: CORNER }],
  ["path", { d: "M2 19a2 2 0 0 1 4 0v1a2 2 0 0 1-4 0v-4a6 6 0 0 1 12 0v4a2 2 0 0 1-4 0v-1a2 2 0 0 1 4 0" }],
]);
export const PlainFileText = plainIcon("lucide-file-text", [
  ["path", { d: PAGE }],
  ["path", { d: CORNER }],
  ["path", { d: "M10 9H8" }],
  ["path", { d: "M16 13H8" }],
  ["path", { d: "M16 17H8" }],
]);
export const PlainFileArchive = plainIcon("lucide-file-archive", [
  [
    "path",
    {
      d: "M13.659 22H18a2 2 0 0 0 2-2V8a2.4 2.4 0 0 0-.706-1.706l-3.588-3.588A2.4 2.4 0 0 0 14 2H6a2 2 0 0 0-2 2v11.5",
    },
  ],
  ["path", { d: CORNER }],
  ["path", { d: "M8 12v-1" }],
  ["path", { d: "M8 18v-2" }],
  ["path", { d: "M8 7V6" }],
  ["circle", { cx: "8", cy: "20", r: "2" }],
]);
export const PlainFolder = plainIcon("lucide-folder", [
  [
    "path",
    {
      d: "M20 20a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-7.9a2 2 0 0 1-1.69-.9L9.6 3.9A2 2 0 0 0 7.93 3H4a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2Z",
    },
  ],
]);
export const PlainLibrary = plainIcon("lucide-library", [
  ["path", { d: "m16 6 4 14" }],
  ["path", { d: "M12 6v14" }],
  ["path", { d: "M8 8v12" }],
  ["path", { d: "M4 4v16" }],
]);
