/**
 * scripts/build-electron-native.mjs — the dist / npm start step that builds better-sqlite3 for
 * Electron. Issue: electron-builder's npmRebuild rebuilt node_modules/better-sqlite3 in place for
 * Electron's ABI, after which the tests, the CLI and the harness failed. Electron's headers cannot
 * be downloaded here, so the script's decisions are checked as data (plan) and the script runs for
 * real with stand-in tools (--tools) that record what they were given and produce a file:
 * node_modules/better-sqlite3 stays byte for byte, the tests still run afterwards, a Node-ABI
 * result is refused, the redirecting npm_config_* variables never reach the tools, and no shell is
 * involved. What is untested: the real prebuild-install download and node-gyp build against
 * Electron's headers (docs/release.md lists them).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'build-electron-native.mjs');
const NODE_BUILD = join(ROOT, 'node_modules', 'better-sqlite3');

type Plan = {
  out: string;
  src: string;
  binary: string;
  stamp: Record<string, string>;
  steps: { name: string; command: string; args: string[]; cwd: string; env: Record<string, string | undefined> }[];
};
const load = async () =>
  (await import(/* @vite-ignore */ pathToFileURL(SCRIPT).href)) as {
    plan(o: Record<string, unknown>): Plan;
    buildEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
    DEFAULT_OUT_DIR: string;
  };

/** sha256 of every file of a folder (path → hash) */
function treeHash(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full).split(sep).join('/')] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** Stand-in tools: each appends its argv, cwd and the npm_config_* / ELECTRON_* it saw to calls.log, then does `action`. */
function tools(prebuild: 'fail' | 'dummy' | 'node-build', gyp: 'fail' | 'dummy' | 'node-build'): { dir: string; calls: () => { tool: string; args: string[]; cwd: string; env: Record<string, string> }[]; cleanup(): void } {
  const tmp = makeTempDir();
  const body = (name: string, action: string) => `
import { appendFileSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(npm_config_|ELECTRON_)/i.test(k)));
appendFileSync(${JSON.stringify(join(tmp.dir, 'calls.log'))}, JSON.stringify({ tool: ${JSON.stringify(name)}, args: process.argv.slice(2), cwd: process.cwd(), env }) + '\\n');
const action = ${JSON.stringify(action)};
if (action === 'fail') process.exit(1);
mkdirSync(join('build', 'Release'), { recursive: true });
if (action === 'dummy') writeFileSync(join('build', 'Release', 'better_sqlite3.node'), 'an Electron-ABI binary stands here');
else copyFileSync(${JSON.stringify(join(NODE_BUILD, 'build', 'Release', 'better_sqlite3.node'))}, join('build', 'Release', 'better_sqlite3.node'));
`;
  writeFileSync(join(tmp.dir, 'prebuild-install.mjs'), body('prebuild-install', prebuild));
  writeFileSync(join(tmp.dir, 'node-gyp.mjs'), body('node-gyp', gyp));
  return {
    dir: tmp.dir,
    calls: () =>
      existsSync(join(tmp.dir, 'calls.log'))
        ? readFileSync(join(tmp.dir, 'calls.log'), 'utf8')
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l))
        : [],
    cleanup: tmp.cleanup,
  };
}

const REDIRECTING = { npm_config_nodedir: '/usr', NPM_CONFIG_RUNTIME: 'node', npm_config_target: '20.19.0', npm_config_arch: 'ia32', ELECTRON_RUN_AS_NODE: '1' };

function runScript(toolDir: string, outDir: string) {
  return spawnSync(process.execPath, [SCRIPT, '--tools', toolDir, '--out', outDir], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...REDIRECTING } });
}

describe('plan: what the script will do', () => {
  it('builds from a copy under build/electron-native, with node and an argument list, never in node_modules', async () => {
    const { plan, DEFAULT_OUT_DIR } = await load();
    const p = plan({ electronVersion: '45.4.1', platform: 'win32', arch: 'x64', env: { PATH: 'C:\\Windows', ...REDIRECTING } });
    expect(relative(ROOT, p.out)).toBe(DEFAULT_OUT_DIR);
    expect(DEFAULT_OUT_DIR.split(sep).join('/')).toBe('build/electron-native');
    expect(p.src.startsWith(p.out)).toBe(true);
    expect(relative(NODE_BUILD, p.src).startsWith('..')).toBe(true);
    expect(p.steps.map((s) => s.name)).toEqual(['prebuilt', 'node-gyp']);
    for (const step of p.steps) {
      expect(step.command).toBe(process.execPath);
      expect(step.cwd).toBe(p.src);
      expect(step.env).toEqual({ PATH: 'C:\\Windows' });
    }
    expect(p.steps[0]!.args.slice(1)).toEqual(['--runtime', 'electron', '--target', '45.4.1', '--arch', 'x64', '--platform', 'win32', '--verbose']);
    expect(p.steps[1]!.args.slice(1)).toEqual(['rebuild', '--release', '--target=45.4.1', '--runtime=electron', '--arch=x64', '--dist-url=https://electronjs.org/headers']);
    expect(p.stamp).toMatchObject({ electron: '45.4.1', platform: 'win32', arch: 'x64' });
  });

  it('no build script runs a tool through a shell', () => {
    for (const f of ['build-electron.mjs', 'build-electron-native.mjs', 'start-electron.mjs']) {
      expect([f, /shell:\s*(true|process\.platform)/.test(readFileSync(join(ROOT, 'scripts', f), 'utf8'))]).toEqual([f, false]);
    }
  });

  it('npm start launches Electron without ELECTRON_RUN_AS_NODE', async () => {
    const { electronEnv } = (await import(/* @vite-ignore */ pathToFileURL(join(ROOT, 'scripts', 'start-electron.mjs')).href)) as { electronEnv(e: Record<string, string>): Record<string, string> };
    expect(electronEnv({ PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1', electron_run_as_node: '1' })).toEqual({ PATH: '/usr/bin' });
  });
});

describe('running the script (stand-in tools)', () => {
  it('falls back to node-gyp, puts the binary in its own folder, leaves node_modules untouched — and the tests still run', async () => {
    const before = treeHash(NODE_BUILD);
    const out = makeTempDir();
    const t = tools('fail', 'dummy');
    try {
      const r = runScript(t.dir, out.dir);
      expect(r.status, r.stderr + r.stdout).toBe(0);
      expect(readFileSync(join(out.dir, 'better_sqlite3.node'), 'utf8')).toBe('an Electron-ABI binary stands here');
      expect(JSON.parse(readFileSync(join(out.dir, 'electron-version.json'), 'utf8'))).toMatchObject({ electron: expect.stringMatching(/^45\./), platform: process.platform });
      expect(existsSync(join(out.dir, 'src'))).toBe(false);
      const calls = t.calls();
      expect(calls.map((c) => c.tool)).toEqual(['prebuild-install', 'node-gyp']);
      for (const c of calls) {
        // npm_config_nodedir & co. never reach the tools (others, like npm's cache, may)
        expect(Object.keys(c.env).filter((k) => Object.keys(REDIRECTING).some((r) => r.toLowerCase() === k.toLowerCase()))).toEqual([]);
        expect(c.cwd).toBe(join(out.dir, 'src'));
      }
      // the copy held the sources, not the Node build
      expect(treeHash(NODE_BUILD)).toEqual(before);

      // a second run finds the stamp and does nothing
      const again = runScript(t.dir, out.dir);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('作成済み');
      expect(t.calls()).toHaveLength(2);

      // the Node build still loads, and a real test file still passes (what `npm test` needs)
      const load = spawnSync(process.execPath, ['-e', "const D=require('better-sqlite3'); const db=new D(':memory:'); console.log(db.prepare('select 41+1 as n').get().n)"], { cwd: ROOT, encoding: 'utf8' });
      expect(load.stdout.trim()).toBe('42');
      const tests = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run-tests.mjs'), '--project', 'integration', 'test/integration/db/migrations.test.ts'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, BCART_TEST_REPORT_DIR: out.dir, VITEST: undefined, VITEST_WORKER_ID: undefined, VITEST_POOL_ID: undefined, NODE_OPTIONS: undefined },
      });
      expect(tests.stdout.trim().split('\n').at(-1)).toMatch(/^tests: [1-9]\d* passed, 0 failed, \d+ skipped$/);
    } finally {
      t.cleanup();
      out.cleanup();
    }
  }, 120_000);

  it('takes a prebuilt binary when one exists (node-gyp is not needed)', () => {
    const out = makeTempDir();
    const t = tools('dummy', 'fail');
    try {
      expect(runScript(t.dir, out.dir).status).toBe(0);
      expect(t.calls().map((c) => c.tool)).toEqual(['prebuild-install']);
      expect(t.calls()[0]!.args).toEqual(expect.arrayContaining(['--runtime', 'electron']));
    } finally {
      t.cleanup();
      out.cleanup();
    }
  });

  it('refuses a result that loads in Node (a Node build under an Electron name) and writes nothing', () => {
    const out = makeTempDir();
    const t = tools('fail', 'node-build');
    try {
      const r = runScript(t.dir, out.dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('Node 用にビルドされています');
      expect(existsSync(join(out.dir, 'better_sqlite3.node'))).toBe(false);
      expect(existsSync(join(out.dir, 'electron-version.json'))).toBe(false);
    } finally {
      t.cleanup();
      out.cleanup();
    }
  });

  it('says in Japanese what to check when neither way works, and writes nothing', () => {
    const out = makeTempDir();
    const t = tools('fail', 'fail');
    try {
      const r = runScript(t.dir, out.dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('Electron 用ビルドに失敗しました');
      expect(r.stderr).toContain('node_modules の better-sqlite3 (テストと CLI が使う Node 用) は変更していません');
      expect(existsSync(join(out.dir, 'better_sqlite3.node'))).toBe(false);
    } finally {
      t.cleanup();
      out.cleanup();
    }
  });
});
