/**
 * The built app, not the sources: the test builds dist/main (main.cjs, preload.cjs) and
 * dist/renderer with the project's build scripts into a temp folder, lays out an installed app with
 * only the files electron-builder.yml's `files` whitelist lets in (decided by electron-builder's own
 * FileMatcher, node_modules the way electron-builder filters it) plus its extraResources, and loads
 * main.cjs there against the strict fake Electron as the installed app (isPackaged,
 * process.resourcesPath). It drives start → page served from app:// → IPC call → tray → 終了.
 * The Node build of better-sqlite3 stands in for the Electron one at <resources>/native (this runs
 * in Node): what is checked is that the app finds it there and nowhere else.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL } from '../../../src-main/shell/app-protocol';
import { FakeBrowserWindow, FakeNotification, FakeTray, makeFakeElectron } from '../../helpers/fake-electron';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..', '..');
const req = createRequire(__filename);
const yaml = req('js-yaml') as { load(text: string): unknown };
const builder = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  extraResources: { from: string; to: string }[];
};

/** Every file under `dir` (following symlinks), relative, '/'-separated, pruning folders `keep` refuses. */
function walk(dir: string, keep: (rel: string, isDir: boolean) => boolean, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const rel = relative(base, full).split(sep).join('/');
    const isDir = statSync(full).isDirectory();
    if (!keep(rel, isDir)) continue;
    if (isDir) out.push(...walk(full, keep, base));
    else out.push(rel);
  }
  return out;
}

/** The files electron-builder would put into the app from `project` (files whitelist + node_modules rule). */
function whitelisted(project: string): string[] {
  const appFilter = new FileMatcher(project, '/app', (p) => p, builder.files).createFilter();
  const nmFilter = new FileMatcher(project, '/app', (p) => p, ['**/*', ...builder.files.filter((p) => p.startsWith('!'))]).createFilter();
  const stat = (rel: string, isDir: boolean) => ({ isDirectory: () => isDir, moduleFullFilePath: rel }) as never;
  return walk(project, (rel, isDir) => {
    if (rel === 'node_modules') return true;
    if (rel.startsWith('node_modules/')) return nmFilter(join(project, rel), stat(rel, isDir));
    return appFilter(join(project, rel), { isDirectory: () => isDir } as never);
  });
}

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function run(args: string[]): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

describe('the built dist/main/main.cjs, packaged as electron-builder.yml says, against the fake Electron', () => {
  const tmp = makeTempDir();
  const build = join(tmp.dir, 'build');
  const install = join(tmp.dir, 'Programs', 'BCart 100% Desk');
  const resources = join(install, 'resources');
  const app = join(resources, 'app');
  const userData = join(tmp.dir, 'userData');
  let packaged: string[] = [];
  let fake: ReturnType<typeof makeFakeElectron>;
  const restore: (() => void)[] = [];

  beforeAll(async () => {
    // 1. build with the project's own scripts (into a temp folder: the worktree's dist/ is left alone)
    run([join(ROOT, 'scripts', 'build-electron.mjs'), '--out-dir', join(build, 'dist', 'main')]);
    run([
      join(dirname(req.resolve('vite/package.json')), 'bin', 'vite.js'),
      'build',
      '--config',
      'vite.config.mts',
      '--logLevel',
      'warn',
      '--outDir',
      join(build, 'dist', 'renderer'),
      '--emptyOutDir',
    ]);
    // 2. a project as electron-builder sees it: the fresh dist/, everything else from the repository
    const project = join(tmp.dir, 'project');
    mkdirSync(project);
    symlinkSync(join(build, 'dist'), join(project, 'dist'));
    for (const name of ['drizzle', 'resources', 'node_modules', 'package.json', 'src-main', 'scripts', 'test'])
      symlinkSync(join(ROOT, name), join(project, name));
    packaged = whitelisted(project);
    for (const rel of packaged) {
      mkdirSync(dirname(join(app, rel)), { recursive: true });
      copyFileSync(join(project, rel), join(app, rel));
    }
    // 3. extraResources; the Node build of better-sqlite3 stands in for the Electron one
    for (const r of builder.extraResources) {
      mkdirSync(dirname(join(resources, r.to)), { recursive: true });
      copyFileSync(join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), join(resources, r.to));
    }

    // 4. Electron's built-in modules: 'electron' is the fake; process.resourcesPath is set by Electron
    fake = makeFakeElectron(userData, { isPackaged: true, appPath: app });
    const stub = join(tmp.dir, 'electron-stub.cjs');
    const g = globalThis as { __BCART_FAKE_ELECTRON__?: unknown };
    g.__BCART_FAKE_ELECTRON__ = fake.electron;
    const { writeFileSync } = await import('node:fs');
    // getters, so a second start in this process gets that test's fake
    writeFileSync(
      stub,
      `for (const key of ${JSON.stringify(Object.keys(fake.electron))}) Object.defineProperty(exports, key, { enumerable: true, get: () => globalThis.__BCART_FAKE_ELECTRON__[key] });\n`,
    );
    const M = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const original = M._resolveFilename;
    M._resolveFilename = function (request: string, ...rest: unknown[]) {
      return request === 'electron' ? stub : original.call(this, request, ...rest);
    };
    restore.push(() => (M._resolveFilename = original));
    const proc = process as NodeJS.Process & { resourcesPath?: string };
    proc.resourcesPath = resources;
    restore.push(() => Reflect.deleteProperty(proc, 'resourcesPath'));

    // 5. start the app as Electron would: require its main entry
    createRequire(join(app, 'package.json'))(join(app, 'dist', 'main', 'main.cjs'));
    await until(() => FakeTray.instances.length + fake.calls.errorBoxes.length > 0, 'the tray or an error box');
    if (fake.calls.errorBoxes.length > 0) throw new Error(`the app did not start: ${fake.calls.errorBoxes.join(' / ')}`);
    await FakeBrowserWindow.instances[0]!.pendingLoad;
  }, 180_000);

  afterAll(() => {
    for (const r of restore.reverse()) r();
    tmp.cleanup();
  });

  it('the package holds the bundles, the page, migrations, icons and only the run-time node_modules', () => {
    expect(packaged).toEqual(
      expect.arrayContaining([
        'dist/main/main.cjs',
        'dist/main/preload.cjs',
        'dist/renderer/index.html',
        'drizzle/meta/_journal.json',
        'resources/tray/tray-normal.png',
        'resources/tray/tray-normal@2x.png',
        'package.json',
      ]),
    );
    expect(packaged.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(packaged.filter((f) => /\.node$/.test(f))).toEqual([]); // the native module is an extra resource
    // the externals of the main bundle and their run-time dependencies: better-sqlite3 (its JavaScript),
    // electron-log, and PDFKit with its font tree and the 請求書 font; not better-sqlite3's install-only tree
    expect([...new Set(packaged.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/')[1]))].sort()).toEqual([
      '@expo-google-fonts',
      '@noble',
      '@swc',
      'base64-js',
      'better-sqlite3',
      'bindings',
      'brotli',
      'clone',
      'dfa',
      'electron-log',
      'fast-deep-equal',
      'fflate',
      'file-uri-to-path',
      'fontkit',
      'linebreak',
      'pako',
      'pdfkit',
      'png-js',
      'restructure',
      'tiny-inflate',
      'unicode-properties',
      'unicode-trie',
    ]);
    expect(packaged.some((f) => f.startsWith('src-main/') || f.startsWith('scripts/') || f.startsWith('test/'))).toBe(false);
  });

  it('starts: the page from app://, the preload inside the package, the database opened with the binary from resources/native', () => {
    expect(fake.calls.loads).toEqual([{ url: APP_INDEX_URL, status: 200 }]);
    const win = FakeBrowserWindow.instances[0]!;
    expect(existsSync(win.options.webPreferences.preload)).toBe(true);
    expect(relative(app, win.options.webPreferences.preload).split(sep).join('/')).toBe('dist/main/preload.cjs');
    expect(win.options.webPreferences.devTools).toBe(false);
    expect(existsSync(join(userData, 'bcart-desk.sqlite3'))).toBe(true);
    const log = readFileSync(join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('shell ready');
    expect(log).toContain('自動更新は行いません'); // no app-update.yml in this build
  });

  it('answers IPC from its page', async () => {
    const info = await fake.invoke('app:info', {});
    expect(info).toMatchObject({ ok: true, value: { version: '9.9.9-test', dataDir: userData } });
    expect(await fake.invoke('departments:list', {})).toMatchObject({ ok: true });
    expect(
      await fake.invoke('departments:list', {}, { url: 'https://evil.example/', origin: 'https://evil.example', parent: null }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('has a working tray: decoded icon, 開く, 今すぐ取込 with its notification', async () => {
    const tray = FakeTray.instances[0]!;
    expect(tray.image.problem).toBeNull();
    expect(tray.image.getSize()).toEqual({ width: 16, height: 16 });
    const win = FakeBrowserWindow.instances[0]!;
    win.hide();
    expect(tray.clickItem('開く')).toBe(true);
    expect(win.visible).toBe(true);
    expect(tray.clickItem('今すぐ取込')).toBe(true);
    await expect.poll(() => FakeNotification.records.length).toBe(1);
    expect(FakeNotification.records[0]!.options.title).toBe('今すぐ取込: 失敗しました'); // no EC連携設定 yet
  });

  it('終了 shuts down cleanly: the database is closed (no WAL left) and the app quits', async () => {
    const tray = FakeTray.instances[0]!;
    expect(tray.clickItem('終了')).toBe(true);
    await expect.poll(() => fake.exited, { timeout: 15_000 }).toBe(true);
    expect(fake.calls.quit).toBe(1);
    expect(tray.isDestroyed()).toBe(true);
    expect(existsSync(join(userData, 'bcart-desk.sqlite3-wal'))).toBe(false);
  });

  it('without its native module the installed app says to reinstall instead of failing later', async () => {
    rmSync(join(resources, builder.extraResources[0]!.to));
    const second = makeFakeElectron(join(tmp.dir, 'userData2'), { isPackaged: true, appPath: app });
    (globalThis as { __BCART_FAKE_ELECTRON__?: unknown }).__BCART_FAKE_ELECTRON__ = second.electron;
    const main = join(app, 'dist', 'main', 'main.cjs');
    const appRequire = createRequire(join(app, 'package.json'));
    delete appRequire.cache[appRequire.resolve(main)];
    appRequire(main);
    await expect.poll(() => second.calls.errorBoxes.length, { timeout: 15_000 }).toBe(1);
    expect(second.calls.errorBoxes[0]).toMatch(
      /^BCart Desk を起動できません: アプリのファイルの一部 \(.*native.better_sqlite3\.node\) が見つかりません。BCart Desk をインストールし直してください。/,
    );
    expect(second.calls.quit).toBe(1);
  });
});
