// Draws the two Teams app icons (no network; pngjs writes the files) and writes them next to the
// manifest template:
//   color.png   192×192, full colour: a white location pin on the accent colour
//   outline.png  32×32, transparent background, the same pin as a white outline only
// Teams asks for exactly these sizes, and for an outline icon whose every visible pixel is white.
// Run: npm run teams:icons   (the PNGs are committed; re-run only when the design changes)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** An 8-bit RGBA image: width * height * 4 bytes, row by row, R G B A. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The image as an 8-bit RGBA PNG (colour type 6), as Teams expects its icons. */
export function encodePng(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height, colorType: 6, inputHasAlpha: true });
  png.data = Buffer.from(image.data);
  return PNG.sync.write(png, { colorType: 6 });
}

/** The accent colour of the app (also manifest.accentColor): a Saimaa lake blue. */
export const ACCENT = '#0B5C7A';
export const ICON_DIR = join(__dirname, '..', 'deploymentTemplates', 'teams');

interface Pin {
  cx: number;
  cy: number;
  /** radius of the pin's round head */
  r: number;
  /** distance from the head's centre down to the tip */
  d: number;
}

/** Inside the pin shape: the round head plus the cone of its tangents from the tip. */
function insidePin(pin: Pin, x: number, y: number): boolean {
  const dx = x - pin.cx;
  const dy = y - pin.cy;
  if (dx * dx + dy * dy <= pin.r * pin.r) return true;
  const sinA = pin.r / pin.d;
  const cosA = Math.sqrt(1 - sinA * sinA);
  const fromTip = pin.cy + pin.d - y; // distance above the tip, along the axis
  if (fromTip < 0 || fromTip > pin.d * cosA * cosA) return false;
  return Math.abs(dx) <= fromTip * (sinA / cosA);
}

/** The pin shrunk by `w` on every side: same centre, smaller head, tip moved up in proportion. */
function shrink(pin: Pin, w: number): Pin {
  return { cx: pin.cx, cy: pin.cy, r: pin.r - w, d: (pin.d * (pin.r - w)) / pin.r };
}

function insideCircle(cx: number, cy: number, r: number, x: number, y: number): boolean {
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Coverage (0..1) of a pixel by a shape, sampled on a 5×5 grid for smooth edges. */
function coverage(px: number, py: number, inside: (x: number, y: number) => boolean): number {
  const n = 5;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (inside(px + (i + 0.5) / n, py + (j + 0.5) / n)) hits++;
    }
  }
  return hits / (n * n);
}

function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
}

export function drawColorIcon(): RgbaImage {
  const size = 192;
  const [r, g, b] = hexToRgb(ACCENT);
  // The symbol stays inside the central 120×120 safe area that Teams recommends.
  const pin: Pin = { cx: 96, cy: 80, r: 38, d: 78 };
  const hole = { cx: 96, cy: 80, r: 15 };
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const white = coverage(
        x,
        y,
        (sx, sy) => insidePin(pin, sx, sy) && !insideCircle(hole.cx, hole.cy, hole.r, sx, sy),
      );
      const i = (y * size + x) * 4;
      data[i] = Math.round(r + (255 - r) * white);
      data[i + 1] = Math.round(g + (255 - g) * white);
      data[i + 2] = Math.round(b + (255 - b) * white);
      data[i + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  const stroke = 2.2;
  const pin: Pin = { cx: 16, cy: 12.5, r: 9.5, d: 18 };
  const inner = shrink(pin, stroke);
  const ring = { cx: 16, cy: 12.5, outer: 4.4, inner: 4.4 - stroke };
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = coverage(x, y, (sx, sy) => {
        const outline = insidePin(pin, sx, sy) && !insidePin(inner, sx, sy);
        const hole =
          insideCircle(ring.cx, ring.cy, ring.outer, sx, sy) && !insideCircle(ring.cx, ring.cy, ring.inner, sx, sy);
        return outline || hole;
      });
      const i = (y * size + x) * 4;
      // Every pixel is white; only its opacity varies. Fully transparent pixels stay white too.
      data[i] = 255;
      data[i + 1] = 255;
      data[i + 2] = 255;
      data[i + 3] = Math.round(255 * alpha);
    }
  }
  return { width: size, height: size, data };
}

if (require.main === module) {
  mkdirSync(ICON_DIR, { recursive: true });
  writeFileSync(join(ICON_DIR, 'color.png'), encodePng(drawColorIcon()));
  writeFileSync(join(ICON_DIR, 'outline.png'), encodePng(drawOutlineIcon()));
  console.log(`wrote ${join(ICON_DIR, 'color.png')} and ${join(ICON_DIR, 'outline.png')}`);
}
