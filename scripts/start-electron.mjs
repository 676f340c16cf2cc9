// `npm start`: builds the renderer and the Electron entries, prepares better-sqlite3 for
// Electron's ABI in build/electron-native (the Node build in node_modules stays untouched for the
// tests and the CLI), then launches Electron. Needs internet on the first run: Electron downloads
// its binary, and node-gyp downloads Electron's headers.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = process.cwd();
const run = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`失敗しました: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
};

run('npx', ['vite', 'build', '--config', 'vite.config.mts']);
run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')]);

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const nativeDir = join(root, 'build', 'electron-native');
const stamp = join(nativeDir, 'electron-version.txt');
const binary = join(nativeDir, 'better_sqlite3.node');
if (!existsSync(binary) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== electronVersion) {
  console.log(`better-sqlite3 を Electron ${electronVersion} 用にビルドします (初回のみ、数分かかります)…`);
  const src = join(nativeDir, 'src');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(nativeDir, { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), src, { recursive: true });
  rmSync(join(src, 'build'), { recursive: true, force: true });
  // npm_config_nodedir would silently make node-gyp build for Node's ABI again: a Node binary under an Electron name.
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.toLowerCase() === 'npm_config_nodedir') delete env[k];
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  const r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
    cwd: src,
    stdio: 'inherit',
    env,
  });
  if (r.status !== 0) {
    console.error('better-sqlite3 の Electron 用ビルドに失敗しました。インターネット接続と C++ ビルド環境 (Windows: Visual Studio Build Tools) を確認してください。');
    process.exit(1);
  }
  copyFileSync(join(src, 'build', 'Release', 'better_sqlite3.node'), binary);
  writeFileSync(stamp, electronVersion);
}

const electronBin = require('electron'); // path of the binary; downloads it on first use (electron ≥ 42)
run(electronBin, ['.'], { ...process.env });
