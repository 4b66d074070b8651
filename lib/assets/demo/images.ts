import sharp from "sharp";

// Demo pictures drawn locally (no downloads): gradients and soft shapes, varied per index, the
// same bytes every time (content addressing stores them once however often they are made).

const PALETTES = [
  ["#0f2027", "#2c5364", "#f8b500"],
  ["#ff512f", "#dd2476", "#ffd200"],
  ["#1d976c", "#93f9b9", "#0b486b"],
  ["#4568dc", "#b06ab3", "#ffe29f"],
  ["#ee9ca7", "#ffdde1", "#355c7d"],
  ["#134e5e", "#71b280", "#f7f7f7"],
  ["#f12711", "#f5af19", "#2b2d42"],
  ["#00c6ff", "#0072ff", "#fdfc47"],
  ["#8e2de2", "#4a00e0", "#00f5a0"],
  ["#fc4a1a", "#f7b733", "#136a8a"],
];

function rng(seed: number) {
  let s = (seed * 2654435761) % 2 ** 32;
  return () => (s = (s * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
}

function svg(i: number, width: number, height: number): string {
  const [a, b, c] = PALETTES[i % PALETTES.length];
  const r = rng(i + 1);
  const angle = Math.round(r() * 360);
  const shapes: string[] = [];
  const kind = i % 3;
  for (let k = 0; k < 7; k++) {
    const x = Math.round(r() * width);
    const y = Math.round(r() * height);
    const size = Math.round(60 + r() * height * 0.45);
    const op = (0.12 + r() * 0.35).toFixed(2);
    const fill = k % 2 ? c : "#ffffff";
    if (kind === 0) shapes.push(`<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${fill}" fill-opacity="${op}"/>`);
    else if (kind === 1)
      shapes.push(
        `<rect x="${x - size / 2}" y="${y - size / 2}" width="${size}" height="${size}" rx="${size / 8}" transform="rotate(${Math.round(r() * 90)} ${x} ${y})" fill="${fill}" fill-opacity="${op}"/>`,
      );
    else
      shapes.push(
        `<path d="M0 ${y} Q ${width / 2} ${y - size} ${width} ${y + size / 3} L ${width} ${height} L 0 ${height} Z" fill="${fill}" fill-opacity="${op}"/>`,
      );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" gradientTransform="rotate(${angle} .5 .5)"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${shapes.join("")}</svg>`;
}

/** Image number i of the demo set: JPEG for most, PNG for every fifth (so both types show). */
export async function demoImage(
  i: number,
): Promise<{ data: Buffer; ext: "jpg" | "png"; width: number; height: number }> {
  const portrait = i % 4 === 3;
  const width = portrait ? 800 : 1200;
  const height = portrait ? 1200 : 800;
  const img = sharp(Buffer.from(svg(i, width, height)));
  const png = i % 5 === 4;
  const data = png ? await img.png({ compressionLevel: 6 }).toBuffer() : await img.jpeg({ quality: 82 }).toBuffer();
  return { data, ext: png ? "png" : "jpg", width, height };
}
