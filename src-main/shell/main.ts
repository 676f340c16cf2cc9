/** Electron entry point: hands the real Electron API to the shell. */
import * as electron from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../core/create-core';
import { startShell } from './app-shell';
import { createElectronLogger } from './electron-logger';

const appRoot = electron.app.getAppPath();
// npm start builds better-sqlite3 for Electron's ABI into build/electron-native (the Node build in
// node_modules stays for the tests); the packaged app has it rebuilt in place by electron-builder.
const electronNative = join(appRoot, 'build', 'electron-native', 'better_sqlite3.node');

void startShell(electron as unknown as Parameters<typeof startShell>[0], {
  appRoot,
  env: process.env,
  createCore,
  createLogger: createElectronLogger,
  ...(existsSync(electronNative) ? { nativeBinding: electronNative } : {}),
});
