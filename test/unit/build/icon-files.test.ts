/**
 * The committed icon files are what scripts/draw-icons.mjs draws (re-run it after changing a
 * shape), and each decodes with the fake Electron's independent PNG reader to the size its name
 * promises: 16 px, 32 px for @2x, 512 px for the application icon.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../../helpers/png-decode';

const ROOT = join(__dirname, '..', '..', '..');

describe('icon files', () => {
  it('are the script’s drawing, pixel for pixel, at the sizes their names say', async () => {
    const { iconSet } = (await import(/* @vite-ignore */ pathToFileURL(join(ROOT, 'scripts', 'draw-icons.mjs')).href)) as {
      iconSet(): Record<string, { width: number; height: number; rgba: Buffer }>;
    };
    const set = iconSet();
    expect(Object.keys(set)).toHaveLength(13);
    for (const [rel, drawn] of Object.entries(set)) {
      const png = decodePng(readFileSync(join(ROOT, rel)));
      const size = rel.endsWith('icon.png') ? 512 : rel.includes('@2x') ? 32 : 16;
      expect([rel, png.width, png.height]).toEqual([rel, size, size]);
      expect(png.rgba.equals(drawn.rgba), `${rel} differs from scripts/draw-icons.mjs: run npm run icons`).toBe(true);
    }
  });
});
