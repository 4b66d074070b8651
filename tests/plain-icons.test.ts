import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as lucide from "lucide-react";
import * as plain from "@/components/ui/plain-icons";

// The plain icons must render exactly what lucide-react renders for the same decorative icon
// (components/ui/plain-icons.tsx): a lucide upgrade that changes an icon fails here.
const PAIRS = [
  [plain.PlainCheck, lucide.Check],
  [plain.PlainLock, lucide.Lock],
  [plain.PlainGlobe2, lucide.Globe2],
  [plain.PlainImage, lucide.ImageIcon],
  [plain.PlainFile, lucide.File],
  [plain.PlainFileImage, lucide.FileImage],
  [plain.PlainFileVideo, lucide.FileVideo],
  [plain.PlainFileAudio, lucide.FileAudio],
  [plain.PlainFileText, lucide.FileText],
  [plain.PlainFileArchive, lucide.FileArchive],
  [plain.PlainFolder, lucide.Folder],
  [plain.PlainLibrary, lucide.Library],
] as const;

describe("plain icons", () => {
  it("render lucide-react's markup, with and without size, stroke width and class", () => {
    expect(PAIRS.length).toBe(Object.keys(plain).length);
    for (const [Plain, Lucide] of PAIRS)
      for (const props of [{}, { size: 14 }, { size: 56, strokeWidth: 1.25, className: "text-ink-muted" }]) {
        const ours = renderToStaticMarkup(createElement(Plain, props));
        expect(ours).toBe(renderToStaticMarkup(createElement(Lucide, { ...props, "aria-hidden": true })));
      }
  });
});
