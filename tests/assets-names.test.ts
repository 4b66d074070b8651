import { describe, it, expect } from "vitest";
import {
  assetName,
  deriveFolderName,
  folderName,
  numberedName,
  numberRepeats,
  suggestAssetName,
  title,
  consoleUrl,
  pathFromSegments,
  parseTags,
  tags,
} from "@/lib/assets/names";
import { detectType, sniff } from "@/lib/assets/detect-type";
import { damPath } from "@/lib/assets/schemas";

const problem = (
  schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } },
  v: unknown,
) => {
  const r = schema.safeParse(v);
  return r.success ? null : r.error!.issues[0].message;
};

describe("folder names", () => {
  it("accepts lowercase letters, digits, - and _", () => {
    expect(problem(folderName, "spring-2026_v2")).toBeNull();
  });
  it.each([
    ["", "Enter a name"],
    ["Spring", "Use lowercase letters, digits, '-' and '_' only"],
    ["a/b", "Use lowercase letters, digits, '-' and '_' only"],
    ["..", "Use lowercase letters, digits, '-' and '_' only"],
    [".hidden", "Use lowercase letters, digits, '-' and '_' only"],
    ["a b", "Use lowercase letters, digits, '-' and '_' only"],
    ["x".repeat(151), "Name must be at most 150 characters"],
  ])("refuses %j", (v, message) => {
    expect(problem(folderName, v)).toBe(message);
  });
  it("derives a name from a title", () => {
    expect(deriveFolderName("Spring Campaign 2026!")).toBe("spring-campaign-2026");
    expect(deriveFolderName("  Crème brûlée / Été ")).toBe("creme-brulee-ete");
    expect(deriveFolderName("x".repeat(300))).toHaveLength(150);
    expect(folderName.safeParse(deriveFolderName("Ünïcode — Title")).success).toBe(true);
  });
});

describe("asset names", () => {
  it("accepts ordinary file names", () => {
    for (const n of ["photo.jpg", "Team photo (1).JPG", "report_v2-final.pdf", "ümlaut.png"])
      expect(problem(assetName, n)).toBeNull();
  });
  it.each([
    ["", "Enter a name"],
    ["a/b.jpg", "Name cannot contain / or \\"],
    ["a\\b.jpg", "Name cannot contain / or \\"],
    ["..", "Name cannot contain '..'"],
    ["a..b.jpg", "Name cannot contain '..'"],
    [".htaccess", "Name cannot start with a dot"],
    ["bad\u0000name.jpg", "Name cannot contain control characters"],
    ["tab\tname.jpg", "Name cannot contain control characters"],
    [" lead.jpg", "Name cannot start or end with a space"],
    ["what?.jpg", 'Name cannot contain any of : * ? " < > | # % [ ] { }'],
    ["50%.jpg", 'Name cannot contain any of : * ? " < > | # % [ ] { }'],
    [`${"x".repeat(147)}.jpg`, "Name must be at most 150 characters"],
  ])("refuses %j", (v, message) => {
    expect(problem(assetName, v)).toBe(message);
  });
  it("suggests a usable name for browser file names and numbers kept copies", () => {
    expect(suggestAssetName("Report #3: final?.pdf")).toBe("Report -3- final-.pdf");
    expect(suggestAssetName("report..final.png")).toBe("report.final.png");
    expect(suggestAssetName("notes....txt")).toBe("notes.txt");
    const long = suggestAssetName(`${"a".repeat(160)}.png`);
    expect(long).toBe(`${"a".repeat(146)}.png`);
    expect(suggestAssetName(`${"b".repeat(144)} c.d.jpeg`)).toBe(`${"b".repeat(144)}.jpeg`); // no " " or "." before it
    expect(suggestAssetName(`a${"😀".repeat(80)}.png`)).toBe(`a${"😀".repeat(72)}.png`); // no half emoji
    expect(suggestAssetName(`x.${"y".repeat(200)}`)).toHaveLength(150);
    for (const n of [
      "report..final.png",
      `${"a".repeat(160)}.png`,
      `${"b".repeat(144)} c.d.jpeg`,
      `x.${"y".repeat(200)}`,
    ])
      expect(problem(assetName, suggestAssetName(n))).toBeNull();
    expect(numberedName("photo.jpg", 1)).toBe("photo-1.jpg");
    expect(numberedName("archive.tar.gz", 2)).toBe("archive.tar-2.gz");
    expect(numberedName("README", 3)).toBe("README-3");
  });
  it("numbers a name repeated within one upload, past the names the upload already has", () => {
    expect(numberRepeats(["Report.pdf", "Report.pdf", "photo.jpg"])).toEqual([
      "Report.pdf",
      "Report-1.pdf",
      "photo.jpg",
    ]);
    expect(numberRepeats(["a.txt", "a.txt", "a-1.txt", "a.txt"])).toEqual(["a.txt", "a-2.txt", "a-1.txt", "a-3.txt"]);
  });
});

describe("titles, tags and paths", () => {
  it("trims titles and refuses empty, overlong and control characters", () => {
    expect(title.parse("  Hello  ")).toBe("Hello");
    expect(problem(title, "   ")).toBe("Enter a title");
    expect(problem(title, "x".repeat(201))).toBe("Title must be at most 200 characters");
    expect(problem(title, "a\u0007b")).toBe("Title cannot contain control characters");
  });
  it("parses tags", () => {
    expect(parseTags(" a, b ,, a,c ")).toEqual(["a", "b", "c"]);
    expect(parseTags("spring, Spring, SPRING, summer")).toEqual(["spring", "summer"]);
    expect(tags.parse(["Spring", "spring", "Sommer"])).toEqual(["Spring", "Sommer"]);
  });
  it("maps DAM paths to console URLs and back", () => {
    expect(consoleUrl("/content/dam")).toBe("/assets");
    expect(consoleUrl("/content/dam/a/My photo.jpg")).toBe("/assets/a/My%20photo.jpg");
    expect(pathFromSegments(["a", "My photo.jpg"])).toBe("/content/dam/a/My photo.jpg");
    expect(pathFromSegments(undefined)).toBe("/content/dam");
  });
  it("accepts only paths below /content/dam without traversal", () => {
    expect(damPath.safeParse("/content/dam/a/b").success).toBe(true);
    for (const p of ["/content/dam/../etc", "/content/damx", "/etc/passwd", "/content/dam/a//b", "/content/dam/a/"])
      expect(damPath.safeParse(p).success).toBe(false);
  });
});

describe("type detection", () => {
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
  const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom0000")]);
  it("recognises signatures", () => {
    expect(sniff(png)).toBe("image/png");
    expect(sniff(jpeg)).toBe("image/jpeg");
    expect(sniff(Buffer.from("GIF89a......"))).toBe("image/gif");
    expect(sniff(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniff(Buffer.from("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniff(mp4)).toBe("video/mp4");
    expect(sniff(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(
      "image/svg+xml",
    );
  });
  it("stores by the real type and flags an extension that contradicts it", () => {
    expect(detectType(png, "photo.png")).toEqual({ mimeType: "image/png", typeFlag: null });
    expect(detectType(png, "photo.jpg")).toEqual({
      mimeType: "image/png",
      typeFlag: "The extension .jpg says JPEG image, but the content is a PNG image.",
    });
    expect(detectType(Buffer.from("hello"), "fake.pdf")).toEqual({
      mimeType: "text/plain",
      typeFlag: "The extension .pdf says PDF document, but the content is not one.",
    });
    expect(detectType(jpeg, "notes.txt").typeFlag).toMatch(/\.txt says Text, but the content is a JPEG image/);
    expect(detectType(Buffer.from("a,b\n1,2\n"), "data.csv")).toEqual({ mimeType: "text/csv", typeFlag: null });
    expect(detectType(Buffer.from([0, 1, 2, 3, 250]), "blob.bin")).toEqual({
      mimeType: "application/octet-stream",
      typeFlag: null,
    });
  });
});
