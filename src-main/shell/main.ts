/** Electron entry point: hands the real Electron API to the shell. */
import * as electron from 'electron';
import { autoUpdater } from 'electron-updater';
import { join } from 'node:path';
import { createCore } from '../core/create-core';
import { startShell } from './app-shell';
import type { ElectronApi } from './electron-api';
import { createElectronLogger } from './electron-logger';
import { electronNativeBinding } from './native-binding';

const appRoot = electron.app.getAppPath();
const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;

startShell(electron as unknown as ElectronApi, {
  appRoot,
  env: process.env,
  createCore,
  createLogger: createElectronLogger,
  // installed: <resources>/native (extraResources); npm start: build/electron-native
  nativeBinding: electronNativeBinding({ isPackaged: electron.app.isPackaged, resourcesPath, appRoot }),
  // electron-updater builds its updater on first access: only when updates are on
  updater: () => autoUpdater,
  ...(resourcesPath ? { updateConfigFile: join(resourcesPath, 'app-update.yml') } : {}),
}).catch((e: unknown) => {
  // nothing may be left half-started without a word: the window would never appear
  electron.dialog.showErrorBox('BCart Desk を起動できません', `予期しないエラーです (${e instanceof Error ? e.message : String(e)})。アプリを再起動してください。解決しない場合はサポートにご連絡ください。`);
  electron.app.exit(1);
});
