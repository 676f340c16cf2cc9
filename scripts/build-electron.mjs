// Builds the Electron main process and the preload into dist/main (two single-file bundles).
import { spawnSync } from 'node:child_process';

for (const entry of ['main', 'preload']) {
  const r = spawnSync('npx', ['vite', 'build', '--config', 'vite.electron.config.mts'], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_ENTRY: entry },
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
