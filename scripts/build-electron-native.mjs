// The Electron build of better-sqlite3, for `npm start` and `npm run dist`, in its own folder.
//
// node_modules/better-sqlite3 holds the Node build the tests, the CLI and the harness load. Rebuilding
// it in place for Electron's ABI (what electron-builder's npmRebuild does) breaks all of them, so
// the sources are copied to build/electron-native/src and built there:
//   1. a prebuilt binary for this Electron version (prebuild-install, from better-sqlite3's releases);
//   2. else node-gyp against Electron's headers (needs a C++ toolchain: Visual Studio Build Tools on
//      Windows, Xcode command line tools on macOS).
// The result, build/electron-native/better_sqlite3.node, is what `npm start` passes to better-sqlite3
// and what electron-builder.yml ships as an extra resource (<resources>/native/). A stamp skips the
// work when nothing changed. The binary must NOT load in this Node: if it does, it was built for
// Node's ABI (npm_config_nodedir or a stray npm_config_runtime redirect node-gyp silently) and is
// refused.
//   node scripts/build-electron-native.mjs [--arch x64|arm64] [--out DIR] [--tools DIR]
// --tools DIR replaces prebuild-install and node-gyp by DIR/prebuild-install.mjs and DIR/node-gyp.mjs
// (tests: no Electron headers can be downloaded on the build machines).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** electron-builder.yml extraResources `from` (test/unit/build/release-config.test.ts checks both agree) */
export const DEFAULT_OUT_DIR = join('build', 'electron-native');
export const BINARY = 'better_sqlite3.node';

/** Environment variables that make node-gyp / prebuild-install build or fetch for another runtime. */
const REDIRECTING = /^(npm_config_(nodedir|target|runtime|arch|disturl|target_arch|build_from_source)|ELECTRON_RUN_AS_NODE)$/i;

/** The environment the build tools get: the caller's, minus everything that would redirect them. */
export function buildEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !REDIRECTING.test(k)));
}

/**
 * What will be done, as data (no side effects): where, with which commands. `tools` replaces the
 * real prebuild-install / node-gyp entry points.
 */
export function plan({
  root = ROOT,
  outDir = DEFAULT_OUT_DIR,
  electronVersion,
  platform = process.platform,
  arch = process.arch,
  env = process.env,
  tools = null,
}) {
  const out = resolve(root, outDir);
  const src = join(out, 'src');
  const sqliteVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;
  const stamp = { electron: electronVersion, platform, arch, betterSqlite3: sqliteVersion };
  const prebuild = tools ? join(tools, 'prebuild-install.mjs') : require.resolve('prebuild-install/bin.js');
  const gyp = tools ? join(tools, 'node-gyp.mjs') : require.resolve('node-gyp/bin/node-gyp.js');
  const toolEnv = buildEnv(env);
  return {
    source: join(root, 'node_modules', 'better-sqlite3'),
    out,
    src,
    binary: join(out, BINARY),
    stampFile: join(out, 'electron-version.json'),
    stamp,
    steps: [
      {
        name: 'prebuilt',
        // node itself, never a shell: install paths with spaces stay one argument on Windows
        command: process.execPath,
        args: [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform, '--verbose'],
        cwd: src,
        env: toolEnv,
      },
      {
        name: 'node-gyp',
        command: process.execPath,
        args: [
          gyp,
          'rebuild',
          '--release',
          `--target=${electronVersion}`,
          '--runtime=electron',
          `--arch=${arch}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        cwd: src,
        env: toolEnv,
      },
    ],
    built: join(src, 'build', 'Release', BINARY),
  };
}

/** True when the stamp says the binary in `out` was built for exactly this target. */
export function upToDate(p) {
  if (!existsSync(p.binary) || !existsSync(p.stampFile)) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(p.stampFile, 'utf8'))) === JSON.stringify(p.stamp);
  } catch {
    return false;
  }
}

/** 'node' when `file` loads in this Node (a Node build), else 'not-node'. */
export function loadsInNode(file) {
  const r = spawnSync(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(file)})`], { encoding: 'utf8' });
  return r.status === 0 ? 'node' : 'not-node';
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

export function main(argv = process.argv.slice(2)) {
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const p = plan({
    electronVersion,
    outDir: opt('--out') ?? DEFAULT_OUT_DIR,
    arch: opt('--arch') ?? process.arch,
    tools: opt('--tools') ? resolve(opt('--tools')) : null,
  });
  if (relative(p.source, p.out) === '' || !relative(p.source, p.out).startsWith('..'))
    fail(`出力先 (${p.out}) が node_modules/better-sqlite3 の中です。別のフォルダを指定してください。`);
  if (upToDate(p)) {
    console.log(`better-sqlite3 (Electron ${electronVersion} 用) は作成済みです: ${relative(ROOT, p.binary)}`);
    return;
  }
  console.log(
    `better-sqlite3 を Electron ${electronVersion} (${p.stamp.platform}-${p.stamp.arch}) 用に ${relative(ROOT, p.out)} へ作成します…`,
  );
  rmSync(p.src, { recursive: true, force: true });
  rmSync(p.binary, { force: true });
  mkdirSync(p.out, { recursive: true });
  // the sources only: never the Node build, never the install-time node_modules
  cpSync(p.source, p.src, {
    recursive: true,
    filter: (from) => !['build', 'node_modules'].includes(relative(p.source, from).split(/[\\/]/)[0]),
  });
  let ok = false;
  for (const step of p.steps) {
    const r = spawnSync(step.command, step.args, { cwd: step.cwd, env: step.env, stdio: 'inherit' });
    if (r.status === 0 && existsSync(p.built)) {
      ok = true;
      break;
    }
    console.log(`${step.name}: 使えませんでした。次の方法を試します。`);
  }
  if (!ok) {
    fail(
      'better-sqlite3 の Electron 用ビルドに失敗しました。インターネット接続と C++ ビルド環境 (Windows: Visual Studio Build Tools、macOS: Xcode コマンドラインツール) を確認してください。node_modules の better-sqlite3 (テストと CLI が使う Node 用) は変更していません。',
    );
  }
  if (loadsInNode(p.built) === 'node') {
    rmSync(p.src, { recursive: true, force: true });
    fail(
      `作成されたファイルが Node.js ${process.versions.node} で読み込めました: Electron 用ではなく Node 用にビルドされています。環境変数 npm_config_nodedir / npm_config_runtime を外して、もう一度実行してください。`,
    );
  }
  copyFileSync(p.built, p.binary);
  writeFileSync(p.stampFile, JSON.stringify(p.stamp));
  rmSync(p.src, { recursive: true, force: true });
  console.log(`作成しました: ${relative(ROOT, p.binary)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
