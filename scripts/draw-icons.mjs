// Draws the app's icons as PNG files (committed; re-run after changing a shape):
//   resources/tray/tray-<state>.png + @2x       colour tray icons for Windows and Linux (16 / 32 px)
//   resources/tray/tray-<state>Template.png + @2x  macOS menu-bar template images: black + alpha only,
//                                                 the "Template" suffix makes macOS tint them for light
//                                                 and dark menu bars
//   resources/icon.png                          512 px application icon (electron-builder makes .ico/.icns)
// States: normal (blue), running (orange, with a badge), error (red, with a bar).
// Shapes are defined on a 16-unit grid and sampled 4×4 per pixel, so every size is drawn from the
// same geometry. The encoder is minimal on purpose (8-bit RGBA, no interlace) and uses node:zlib.
//   node scripts/draw-icons.mjs          writes the files
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

export const TRAY_STATES = ['normal', 'running', 'error'];
const COLOURS = { normal: [31, 111, 235], running: [217, 119, 6], error: [220, 38, 38] };

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inRing = (x, y, cx, cy, r0, r1) => {
  const d = (x - cx) ** 2 + (y - cy) ** 2;
  return d <= r1 * r1 && d >= r0 * r0;
};
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** The letter B on the 16-unit grid: a stem, three bars and two bowls. */
function inLetterB(x, y) {
  if (inRect(x, y, 4.2, 3.2, 6.4, 12.8)) return true;
  if (inRect(x, y, 4.2, 3.2, 8.6, 5.0) || inRect(x, y, 4.2, 7.1, 9.0, 8.9) || inRect(x, y, 4.2, 11.0, 9.2, 12.8)) return true;
  if (x >= 8.4 && inRing(x, y, 8.4, 6.05, 1.05, 2.85)) return true;
  if (x >= 9.0 && inRing(x, y, 9.0, 9.95, 1.05, 2.85)) return true;
  return false;
}

/** Colour icon: a rounded square in the state's colour with a white B (and a white mark per state). */
function colourShape(state) {
  const [r, g, b] = COLOURS[state];
  return (x, y) => {
    if (!inRoundRect(x, y, 0.5, 0.5, 15.5, 15.5, 3.5)) return null;
    if (inLetterB(x, y)) return [255, 255, 255, 255];
    return [r, g, b, 255];
  };
}

/** Template icon: a black B; running adds a dot, error an exclamation bar at the right. */
function templateShape(state) {
  return (x, y) => {
    const xb = x + 0.5; // the B sits a little to the left to leave room for the mark
    if (inLetterB(xb, y)) return [0, 0, 0, 255];
    if (state === 'running' && inCircle(x, y, 13.2, 12.6, 2.2)) return [0, 0, 0, 255];
    if (state === 'error' && (inRoundRect(x, y, 12.3, 2.8, 14.3, 10.0, 1) || inCircle(x, y, 13.3, 12.8, 1.2))) return [0, 0, 0, 255];
    return null;
  };
}

/** Samples `shape` 4×4 times per pixel: premultiplied average, so edges are smooth. */
function render(shape, size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shape(((px + (sx + 0.5) / n) * 16) / size, ((py + (sy + 0.5) / n) * 16) / size);
          if (!c) continue;
          r += (c[0] * c[3]) / 255;
          g += (c[1] * c[3]) / 255;
          b += (c[2] * c[3]) / 255;
          a += c[3];
        }
      }
      const k = n * n;
      const alpha = a / k;
      const i = (py * size + px) * 4;
      if (alpha === 0) continue;
      rgba[i] = Math.round((r / k / alpha) * 255);
      rgba[i + 1] = Math.round((g / k / alpha) * 255);
      rgba[i + 2] = Math.round((b / k / alpha) * 255);
      rgba[i + 3] = Math.round(alpha);
    }
  }
  return { width: size, height: size, rgba };
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** 8-bit RGBA PNG, every row with filter 0. */
export function encodePng({ width, height, rgba }) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every icon file: path relative to the repository root → its pixels. */
export function iconSet() {
  const out = {};
  for (const state of TRAY_STATES) {
    out[`resources/tray/tray-${state}.png`] = render(colourShape(state), 16);
    out[`resources/tray/tray-${state}@2x.png`] = render(colourShape(state), 32);
    out[`resources/tray/tray-${state}Template.png`] = render(templateShape(state), 16);
    out[`resources/tray/tray-${state}Template@2x.png`] = render(templateShape(state), 32);
  }
  out['resources/icon.png'] = render(colourShape('normal'), 512);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  for (const [rel, image] of Object.entries(iconSet())) {
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, encodePng(image));
    console.log(`${rel} (${image.width}×${image.height})`);
  }
}
