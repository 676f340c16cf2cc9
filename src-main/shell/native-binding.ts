/**
 * Where the Electron build of better-sqlite3 lives. node_modules/better-sqlite3 keeps the Node
 * build for the tests, the CLI and the harness; Electron's ABI differs, so its binary is built
 * separately by scripts/build-electron-native.mjs into build/electron-native/ (`npm start` and
 * `npm run dist`), and the installer ships it as an extra resource (electron-builder.yml
 * extraResources → <resources>/native/). It reaches better-sqlite3 as the `nativeBinding` option.
 */
import { join } from 'node:path';

export const NATIVE_BINDING_FILE = 'better_sqlite3.node';
/** folder under process.resourcesPath in the installed app (electron-builder.yml extraResources `to`) */
export const NATIVE_RESOURCE_DIR = 'native';
/** folder under the repository where the build script puts it (extraResources `from`) */
export const NATIVE_BUILD_DIR = join('build', 'electron-native');

/** The binary the shell passes to better-sqlite3: from the resources folder when installed. */
export function electronNativeBinding(o: { isPackaged: boolean; resourcesPath: string | undefined; appRoot: string }): string {
  if (o.isPackaged && o.resourcesPath) return join(o.resourcesPath, NATIVE_RESOURCE_DIR, NATIVE_BINDING_FILE);
  return join(o.appRoot, NATIVE_BUILD_DIR, NATIVE_BINDING_FILE);
}
