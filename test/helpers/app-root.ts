/**
 * An app folder laid out like the installed app (dist/renderer, dist/main/preload.cjs, drizzle/,
 * resources/) for shell tests that do not need the real renderer build: a small stand-in page,
 * the repository's migrations and icons. `name` lets a test put it under an awkward install path
 * (spaces, `%`, non-ASCII).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './temp-dir';

export const REPO_ROOT = join(__dirname, '..', '..');

export const STAND_IN_PAGE = '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>BCart Desk</title><script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>';

export function makeAppRoot(name = 'BCart Desk'): { dir: string; cleanup: () => void } {
  const tmp = makeTempDir();
  const dir = join(tmp.dir, name);
  mkdirSync(join(dir, 'dist', 'renderer', 'assets'), { recursive: true });
  mkdirSync(join(dir, 'dist', 'main'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'renderer', 'index.html'), STAND_IN_PAGE);
  writeFileSync(join(dir, 'dist', 'renderer', 'assets', 'app.js'), 'console.log("BCart Desk");\n');
  writeFileSync(join(dir, 'dist', 'main', 'preload.cjs'), '');
  symlinkSync(join(REPO_ROOT, 'drizzle'), join(dir, 'drizzle'));
  symlinkSync(join(REPO_ROOT, 'resources'), join(dir, 'resources'));
  return { dir, cleanup: tmp.cleanup };
}
