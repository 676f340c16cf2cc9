/**
 * The packaging configuration, checked with electron-builder's own loader and schema (the
 * Electron binary cannot be downloaded here, so electron-builder does not run):
 * - better-sqlite3: npmRebuild off (node_modules keeps the Node build); the Electron build comes from
 *   scripts/build-electron-native.mjs's folder as an extra resource, exactly where the shell looks
 *   for it (process.resourcesPath/native);
 * - fuses (file: gets no extra privileges; ad-hoc re-signing for local macOS builds);
 * - every icon the shell loads is inside the packaging whitelist;
 * - macOS hardened runtime with its entitlements, identity and notarization from the environment;
 * - the release configuration: forceCodeSigning, notarization, an https update feed, the Windows
 *   publisher name — refused when any of it is missing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { afterEach, describe, expect, it } from 'vitest';
import { electronNativeBinding, NATIVE_BINDING_FILE, NATIVE_RESOURCE_DIR } from '../../../src-main/shell/native-binding';
import { trayIconPath, type TrayIconKind } from '../../../src-main/shell/tray';

const ROOT = join(__dirname, '..', '..', '..');
const req = createRequire(__filename);
const debug = { isEnabled: false, add: () => undefined, save: async () => undefined } as never;
// a CommonJS config file, loaded as electron-builder loads it
const { releaseConfig } = req(join(ROOT, 'electron-builder.release.cjs')) as { releaseConfig: (env: Record<string, string>, platform: string) => Record<string, any> };

type Config = Awaited<ReturnType<typeof getConfig>> & Record<string, any>;
const load = async (file: string): Promise<Config> => (await getConfig(ROOT, file, null)) as Config;

/** true when electron-builder's `files` patterns put `rel` (a path under the project) into the app */
function inApp(config: Config, rel: string): boolean {
  const patterns = (config.files as { filter?: string[] }[]).flatMap((f) => f.filter ?? []);
  const filter = new FileMatcher(ROOT, '/app', (p) => p, patterns).createFilter();
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) if (!filter(join(ROOT, ...parts.slice(0, i)), { isDirectory: () => true } as never)) return false;
  return filter(join(ROOT, rel), { isDirectory: () => false } as never);
}

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', async () => {
    const config = await load('electron-builder.yml');
    await expect(validateConfiguration(config, debug)).resolves.toBeUndefined();
  });

  it('never rebuilds node_modules for Electron; ships the separately built binary where the shell looks for it', async () => {
    const config = await load('electron-builder.yml');
    expect({ npmRebuild: config.npmRebuild, nodeGypRebuild: config.nodeGypRebuild, buildDependenciesFromSource: config.buildDependenciesFromSource }).toEqual({
      npmRebuild: false,
      nodeGypRebuild: false,
      buildDependenciesFromSource: false,
    });
    const script = (await import(/* @vite-ignore */ pathToFileURL(join(ROOT, 'scripts', 'build-electron-native.mjs')).href)) as { DEFAULT_OUT_DIR: string; BINARY: string };
    const extra = config.extraResources as { from: string; to: string }[];
    expect(extra).toEqual([{ from: `${script.DEFAULT_OUT_DIR}/${script.BINARY}`.replace(/\\/g, '/'), to: `${NATIVE_RESOURCE_DIR}/${NATIVE_BINDING_FILE}` }]);
    const resources = '/opt/BCart Desk/resources';
    expect(electronNativeBinding({ isPackaged: true, resourcesPath: resources, appRoot: '/x/app.asar' })).toBe(join(resources, extra[0]!.to));
    // npm start (not packaged) uses the script's output directly
    expect(electronNativeBinding({ isPackaged: false, resourcesPath: undefined, appRoot: ROOT })).toBe(join(ROOT, extra[0]!.from));
    // that the Node build in node_modules stays out: packaging.test.ts (electron-builder's node_modules matcher)
  });

  it('fuses: no Node mode, no extra privileges for file: pages, ad-hoc re-signing for local macOS builds', async () => {
    const config = await load('electron-builder.yml');
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('packs every icon the shell loads (tray icons of each platform and state with @2x, the Linux window icon)', async () => {
    const config = await load('electron-builder.yml');
    const files: string[] = ['resources/icon.png'];
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      for (const kind of ['normal', 'running', 'error'] as TrayIconKind[]) {
        const p = trayIconPath('resources/tray', kind, platform);
        files.push(p, p.replace(/\.png$/, '@2x.png'));
      }
    }
    for (const f of files) expect([f, inApp(config, f)]).toEqual([f, true]);
    expect(inApp(config, 'scripts/draw-icons.mjs')).toBe(false);
    expect(inApp(config, 'build/entitlements.mac.plist')).toBe(false);
  });

  it('macOS: hardened runtime with the JIT entitlement only; identity from the environment, notarization left to the release', async () => {
    const config = await load('electron-builder.yml');
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist', entitlementsInherit: 'build/entitlements.mac.plist', notarize: false });
    expect(config.mac?.identity).toBeUndefined(); // CSC_NAME / CSC_LINK decide
    const plist = readFileSync(join(ROOT, 'build', 'entitlements.mac.plist'), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
    expect(config.forceCodeSigning).toBeUndefined(); // local builds may be unsigned
  });
});

describe('electron-builder.release.cjs', () => {
  const ENV = { BCART_DESK_UPDATE_URL: 'https://updates.example.co.jp/bcart-desk', BCART_DESK_WIN_PUBLISHER: '株式会社サンプル' };
  const APPLE = { APPLE_API_KEY: '/secure/AuthKey.p8', APPLE_API_KEY_ID: 'ABC123', APPLE_API_ISSUER: 'issuer-uuid' };

  it('extends the base configuration with forced signing, notarization and an https feed; valid for electron-builder', async () => {
    Object.assign(process.env, ENV);
    const base = await load('electron-builder.yml');
    const config = await load('electron-builder.release.cjs');
    await expect(validateConfiguration(config, debug)).resolves.toBeUndefined();
    expect(config.forceCodeSigning).toBe(true);
    expect(config.publish).toEqual([{ provider: 'generic', url: ENV.BCART_DESK_UPDATE_URL }]);
    expect(config.mac).toMatchObject({ notarize: true, hardenedRuntime: true, target: ['dmg', 'zip'] });
    expect(config.win?.signtoolOptions).toEqual({ signingHashAlgorithms: ['sha256'], publisherName: ['株式会社サンプル'] });
    expect(config.electronFuses).toMatchObject({ grantFileProtocolExtraPrivileges: false, runAsNode: false, resetAdHocDarwinSignature: false });
    expect(config.extraResources).toEqual(base.extraResources);
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual(base.files);
  });

  it('refuses to build without what a release needs, naming each variable', () => {
    expect(() => releaseConfig({}, 'linux')).toThrow(/BCART_DESK_UPDATE_URL/);
    expect(() => releaseConfig({ ...ENV, BCART_DESK_UPDATE_URL: 'http://updates.example.co.jp/' }, 'linux')).toThrow(/https/);
    expect(() => releaseConfig({ ...ENV, BCART_DESK_UPDATE_URL: 'https://u:p@updates.example.co.jp/' }, 'linux')).toThrow(/認証情報/);
    expect(() => releaseConfig({ BCART_DESK_UPDATE_URL: ENV.BCART_DESK_UPDATE_URL }, 'win32')).toThrow(/BCART_DESK_WIN_PUBLISHER/);
    const mac = () => releaseConfig(ENV, 'darwin');
    expect(mac).toThrow(/APPLE_API_KEY \(/);
    expect(mac).toThrow(/APPLE_API_KEY_ID/);
    expect(mac).toThrow(/APPLE_API_ISSUER/);
    expect(releaseConfig({ ...ENV, ...APPLE }, 'darwin')).toMatchObject({ forceCodeSigning: true, mac: { notarize: true } });
    expect(releaseConfig(ENV, 'win32')).toMatchObject({ forceCodeSigning: true, win: { signtoolOptions: { publisherName: ['株式会社サンプル'] } } });
  });

  it('holds no secret: certificates, passwords and keys are only named, never written', () => {
    const text = readFileSync(join(ROOT, 'electron-builder.release.cjs'), 'utf8') + readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/cscLink|cscKeyPassword|certificatePassword|appleIdPassword|-----BEGIN/);
  });
});
