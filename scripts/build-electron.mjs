// Builds the Electron main process and the preload into dist/main (two single-file bundles).
//   node scripts/build-electron.mjs [--out-dir DIR]
// vite runs under this node, never through a shell (an install path with spaces stays one argument
// on Windows).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// vite's bin is not in its package exports: found beside its package.json
const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
const i = process.argv.indexOf('--out-dir');
const outDir = i >= 0 ? ['--outDir', process.argv[i + 1]] : [];

for (const entry of ['main', 'preload']) {
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.electron.config.mts', '--logLevel', 'warn', ...outDir], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_ENTRY: entry },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
