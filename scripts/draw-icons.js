/**
 * Draws the add-in's icons (assets/icon-<size>.png) deterministically, with no image packages:
 * shapes are evaluated at 8×8 sub-samples per pixel (anti-aliasing) and written by a tiny PNG
 * encoder (zlib + CRC-32, RGBA, filter 0).
 *
 * Motif: a white house on a deep-teal tile; inside it three bars that step down from left to right
 * (red → orange → gold): fewer poor households year after year. Below 28 px the bars become two
 * wider ones so the motif still reads on the ribbon.
 *
 * Run: node scripts/draw-icons.js   (writes assets/; commit the PNGs)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
const SUB = 8; // sub-samples per axis

const COLORS = {
  tile: [11, 94, 85], // #0B5E55 deep teal
  house: [255, 255, 255],
  door: [11, 94, 85],
  bars: [
    [196, 38, 46], // #C4262E red
    [232, 119, 46], // #E8772E orange
    [214, 160, 0], // #D6A000 gold
  ],
};

// ---- geometry in unit coordinates (0..1, y downwards) ----

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function triangle(ax, ay, bx, by, cx, cy) {
  const sign = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  return (x, y) => {
    const d1 = sign(x, y, ax, ay, bx, by);
    const d2 = sign(x, y, bx, by, cx, cy);
    const d3 = sign(x, y, cx, cy, ax, ay);
    const neg = d1 < 0 || d2 < 0 || d3 < 0;
    const pos = d1 > 0 || d2 > 0 || d3 > 0;
    return !(neg && pos);
  };
}

function box(x0, y0, x1, y1) {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/** Painter's list: later shapes cover earlier ones. */
function scene(size) {
  const small = size < 28;
  // Snap rectangle edges to whole pixels so small sizes stay crisp.
  const snap = (v) => Math.round(v * size) / size;
  const rect = (x0, y0, x1, y1) => box(snap(x0), snap(y0), snap(x1), snap(y1));
  const shapes = [
    { inside: roundedRect(0.02, 0.02, 0.98, 0.98, 0.2), color: COLORS.tile },
    // roof (eaves wider than the walls) and walls
    { inside: triangle(0.5, 0.13, 0.1, 0.48, 0.9, 0.48), color: COLORS.house },
    { inside: rect(0.2, 0.44, 0.8, 0.86), color: COLORS.house },
  ];
  const floor = 0.79;
  if (small) {
    shapes.push({ inside: rect(0.25, 0.5, 0.44, floor), color: COLORS.bars[0] });
    shapes.push({ inside: rect(0.56, 0.66, 0.75, floor), color: COLORS.bars[2] });
  } else {
    const tops = [0.5, 0.6, 0.7];
    const lefts = [0.27, 0.43, 0.59];
    const width = 0.14;
    tops.forEach((top, i) =>
      shapes.push({ inside: rect(lefts[i], top, lefts[i] + width, floor), color: COLORS.bars[i] }),
    );
  }
  return shapes;
}

function render(size) {
  const shapes = scene(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUB; sy++) {
        for (let sx = 0; sx < SUB; sx++) {
          const x = (px + (sx + 0.5) / SUB) / size;
          const y = (py + (sy + 0.5) / SUB) / size;
          let color = null;
          for (const s of shapes) if (s.inside(x, y)) color = s.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((255 * a) / (SUB * SUB));
    }
  }
  return rgba;
}

// ---- PNG encoder ----

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels → PNG bytes (8-bit, colour type 6, no interlace). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

module.exports = { render, encodePng, SIZES };

if (require.main === module) {
  const outDir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
