// The two icons Teams requires: 192×192 full colour, and 32×32 transparent with a white outline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/teams-icons';
import { TEAMS_DIR, renderManifest, teamsValues } from '../../scripts/teams-package';

const manifest = renderManifest(
  teamsValues({ appId: '0f8fad5b-d9cb-469f-a165-70867728950e', domain: 'guide-demo.azurewebsites.net' }),
) as {
  accentColor: string;
  icons: { color: string; outline: string };
};
const colorFile = readFileSync(join(TEAMS_DIR, manifest.icons.color));
const outlineFile = readFileSync(join(TEAMS_DIR, manifest.icons.outline));

/** The file's pixels (RGBA) and its colour type as the PNG header writes it (byte 25: 6 = RGBA). */
const decodePng = (file: Buffer) => ({ ...PNG.sync.read(file), colourType: file[25] });
/** The drawn image and the committed file hold the same pixels. */
const samePixels = (drawn: { data: Uint8Array }, file: Buffer) =>
  Buffer.from(drawn.data).equals(PNG.sync.read(file).data);

function pixel(img: { width: number; data: Uint8Array }, x: number, y: number): number[] {
  const i = (y * img.width + x) * 4;
  return Array.from(img.data.subarray(i, i + 4));
}

describe('colour icon', () => {
  const img = decodePng(colorFile);

  it('is 192×192', () => {
    expect([img.width, img.height]).toEqual([192, 192]);
  });

  it('has the manifest accent colour as its background and a white symbol', () => {
    const accent = manifest.accentColor.match(/[0-9a-f]{2}/gi)!.map((h) => parseInt(h, 16));
    expect(pixel(img, 0, 0)).toEqual([...accent, 255]);
    expect(pixel(img, 191, 191)).toEqual([...accent, 255]);
    let white = 0;
    for (let i = 0; i < img.width * img.height; i++)
      if (img.data[i * 4] === 255 && img.data[i * 4 + 2] === 255) white++;
    expect(white / (img.width * img.height)).toBeGreaterThan(0.05);
  });

  it('is the file the icon script draws (regenerating changes nothing)', () => {
    expect(samePixels(drawColorIcon(), colorFile)).toBe(true);
  });
});

describe('outline icon', () => {
  const img = decodePng(outlineFile);

  it('is 32×32 with an alpha channel', () => {
    expect([img.width, img.height]).toEqual([32, 32]);
    expect(img.colourType).toBe(6);
  });

  it('is white wherever it is visible, and transparent elsewhere', () => {
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < img.width * img.height; i++) {
      const [r, g, b, a] = Array.from(img.data.subarray(i * 4, i * 4 + 4));
      if (a > 0) expect([r, g, b]).toEqual([255, 255, 255]);
      if (a === 255) opaque++;
      if (a === 0) transparent++;
    }
    expect(opaque).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(img.width * img.height * 0.5);
    for (const [x, y] of [
      [0, 0],
      [31, 0],
      [0, 31],
      [31, 31],
    ])
      expect(pixel(img, x, y)[3]).toBe(0);
  });

  it('is the file the icon script draws (regenerating changes nothing)', () => {
    expect(samePixels(drawOutlineIcon(), outlineFile)).toBe(true);
  });
});
