// `npm start`: builds the renderer and the Electron entries, prepares better-sqlite3 for Electron's
// ABI in build/electron-native (scripts/build-electron-native.mjs; node_modules keeps the Node build
// for the tests and the CLI), then launches Electron. Needs internet on the first run: Electron
// downloads its binary, better-sqlite3 a prebuilt binary or Electron's headers.
// Every tool runs under this node with an argument list, never through a shell (install paths
// with spaces on Windows), and Electron is started without ELECTRON_RUN_AS_NODE (set, it would run
// the app as plain Node and fail at the first `require('electron')`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeIsRecentEnough } from './check-node.mjs';

const require = createRequire(import.meta.url);

/** The environment Electron is started with. */
export function electronEnv(env) {
  const out = { ...env };
  for (const k of Object.keys(out)) if (k.toUpperCase() === 'ELECTRON_RUN_AS_NODE') delete out[k];
  return out;
}

function run(args, env = process.env) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`失敗しました: node ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

function main() {
  if (!nodeIsRecentEnough(process.versions.node)) {
    console.error(`npm start には Node.js 22.12 以上が必要です (今は ${process.versions.node})。`);
    process.exit(1);
  }
  const root = process.cwd();
  run([join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--config', 'vite.config.mts', '--logLevel', 'warn']);
  run([join(root, 'scripts', 'build-electron.mjs')]);
  run([join(root, 'scripts', 'build-electron-native.mjs')]);
  const electronBin = require('electron'); // path of the binary; downloads it on first use
  const r = spawnSync(electronBin, ['.'], { stdio: 'inherit', env: electronEnv(process.env) });
  process.exit(r.status ?? 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
