/**
 * Draws the app icon and writes electron-builder's icon files, with plain Node (no image tools
 * on the build machines):
 *
 *   npx tsx scripts/make-icons.ts      → build/icon.png (512×512), build/icon.ico (16–256)
 *
 * The icon: a checklist board with a tick on the kiosk's blue (--primary in the renderer's
 * base.css). Each size is drawn from the shapes at that size (4×4 samples per pixel), not scaled
 * down from the big one, so the small Windows sizes stay crisp. The outputs are committed; run
 * this again only when the design changes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = [number, number, number];
const BLUE: Rgb = [0x0b, 0x5c, 0xad];
const DARK: Rgb = [0x08, 0x47, 0x85];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SOFT: Rgb = [0xc9, 0xdc, 0xf2];

/** A shape in the 512-unit design space: inside(x, y) for a sample point. */
type Shape = { color: Rgb; inside: (x: number, y: number) => boolean };

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number, color: Rgb): Shape {
  return {
    color,
    inside: (x, y) => {
      const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
      const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
      return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
    },
  };
}

/** A polyline of round-capped segments, `width` wide. */
function stroke(points: Array<[number, number]>, width: number, color: Rgb): Shape {
  const r2 = (width / 2) ** 2;
  return {
    color,
    inside: (x, y) =>
      points.slice(1).some(([bx, by], i) => {
        const [ax, ay] = points[i]!;
        const vx = bx - ax;
        const vy = by - ay;
        const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
        const dx = x - (ax + t * vx);
        const dy = y - (ay + t * vy);
        return dx * dx + dy * dy <= r2;
      }),
  };
}

const SHAPES: Shape[] = [
  roundRect(16, 16, 496, 496, 104, BLUE),
  roundRect(140, 112, 372, 432, 30, WHITE),
  roundRect(200, 80, 312, 150, 24, DARK),
  roundRect(186, 184, 326, 204, 10, SOFT),
  stroke(
    [
      [190, 312],
      [240, 362],
      [328, 252],
    ],
    40,
    BLUE,
  ),
];

/** RGBA pixels, rows top to bottom. */
export function drawIcon(size: number): Uint8Array {
  const SUB = 4;
  const px = new Uint8Array(size * size * 4);
  const scale = 512 / size;
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUB; sy++) {
        for (let sx = 0; sx < SUB; sx++) {
          const x = (pxi + (sx + 0.5) / SUB) * scale;
          const y = (py + (sy + 0.5) / SUB) * scale;
          // The topmost shape under the sample wins (painter's order).
          let color: Rgb | null = null;
          for (const shape of SHAPES) if (shape.inside(x, y)) color = shape.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const o = (py * size + pxi) * 4;
      // Colour averaged over covered samples only (straight, not premultiplied alpha).
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round((a / (SUB * SUB)) * 255);
    }
  }
  return px;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/**
 * A 32-bit BMP icon image (BITMAPINFOHEADER, bottom-up BGRA, then the 1-bit AND mask), the
 * format every Windows icon reader (Explorer, NSIS, rcedit) takes for the small sizes.
 */
function encodeIcoBitmap(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = ((size - 1 - y) * size + x) * 4;
      const to = (y * size + x) * 4;
      pixels[to] = rgba[from + 2]!;
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
    }
  }
  // The alpha channel decides transparency; an all-zero mask is what 32-bit icons carry.
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

/** The 256 image is stored as PNG (as Windows Vista and later expect), the rest as bitmaps. */
export function encodeIco(sizes: number[]): Buffer {
  const images = sizes.map((s) => (s >= 256 ? encodePng(s, drawIcon(s)) : encodeIcoBitmap(s, drawIcon(s))));
  const dir = Buffer.alloc(6 + 16 * sizes.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // icon
  dir.writeUInt16LE(sizes.length, 4);
  let offset = dir.length;
  sizes.forEach((s, i) => {
    const e = 6 + 16 * i;
    dir[e] = s >= 256 ? 0 : s; // 0 means 256
    dir[e + 1] = s >= 256 ? 0 : s;
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(images[i]!.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += images[i]!.length;
  });
  return Buffer.concat([dir, ...images]);
}

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function main(): void {
  const out = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'build');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'icon.png'), encodePng(512, drawIcon(512)));
  writeFileSync(join(out, 'icon.ico'), encodeIco(ICO_SIZES));
  console.log(`wrote ${join(out, 'icon.png')} and ${join(out, 'icon.ico')} (${ICO_SIZES.join(', ')})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
