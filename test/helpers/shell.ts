/** Starts the shell under the strict fake Electron in a stand-in app folder, for shell tests. */
import { createCore, type CoreOptions } from '../../src-main/core/create-core';
import { createMemoryLogger, type MemoryLogger } from '../../src-main/core/logging';
import { startShell, type ShellHandle, type ShellOptions } from '../../src-main/shell/app-shell';
import { makeAppRoot } from './app-root';
import { FakeBrowserWindow, makeFakeElectron, type FakeElectronOptions } from './fake-electron';
import { makeTempDir } from './temp-dir';

export interface TestShell {
  shell: ShellHandle;
  fake: ReturnType<typeof makeFakeElectron>;
  logger: MemoryLogger;
  dataDir: string;
  appRoot: string;
  /** quits the shell (if still running) and removes the folders */
  cleanup(): Promise<void>;
}

export interface TestShellOptions {
  fake?: FakeElectronOptions;
  shell?: Partial<ShellOptions>;
  /** install folder name (spaces, `%`, …) */
  appRootName?: string;
  /** wraps the real createCore (fake clock, fake scheduler job, …) */
  createCore?: (o: CoreOptions) => Promise<Awaited<ReturnType<typeof createCore>>>;
}

export async function startTestShell(o: TestShellOptions = {}): Promise<TestShell> {
  const data = makeTempDir();
  const root = makeAppRoot(o.appRootName);
  const fake = makeFakeElectron(data.dir, { appPath: root.dir, ...o.fake });
  const logger = createMemoryLogger();
  const shell = await startShell(fake.electron as never, {
    appRoot: root.dir,
    env: {},
    createCore: o.createCore ?? createCore,
    createLogger: () => logger,
    argv: [],
    platform: o.fake?.platform ?? 'linux',
    ...o.shell,
  });
  if (!shell) {
    data.cleanup();
    root.cleanup();
    throw new Error(`the shell did not start: ${fake.calls.errorBoxes.join(' / ')}`);
  }
  // the page loads after loadURL returns, as in Electron
  await FakeBrowserWindow.instances[0]?.pendingLoad.catch(() => undefined);
  return {
    shell,
    fake,
    logger,
    dataDir: data.dir,
    appRoot: root.dir,
    async cleanup() {
      if (!fake.exited) await shell.quit();
      else if (shell.core.db.open) shell.core.close();
      data.cleanup();
      root.cleanup();
    },
  };
}
