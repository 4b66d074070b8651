// A small, valid one-page PDF written by hand (no library, no download): a title, a few lines of
// text and colour swatches. Byte offsets in the xref table are computed, so readers open it as is.

export function demoPdf(title: string, lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, "?");
  const swatches = [
    [0.078, 0.451, 0.902],
    [0.149, 0.557, 0.424],
    [0.796, 0.435, 0.063],
    [0.843, 0.216, 0.247],
  ]
    .map(([r, g, b], i) => `${r} ${g} ${b} rg ${72 + i * 120} 520 100 60 re f`)
    .join("\n");
  const text = [
    "BT /F1 28 Tf 72 700 Td",
    `(${esc(title)}) Tj`,
    "ET",
    "BT /F1 12 Tf 72 660 Td 16 TL",
    ...lines.map((l) => `(${esc(l)}) '`),
    "ET",
  ].join("\n");
  const content = `${swatches}\n0 0 0 rg\n${text}\n`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}endstream`,
    `<< /Title (${esc(title)}) /Producer (Outpost) >>`,
  ];
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
