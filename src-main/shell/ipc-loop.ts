/**
 * ipcMain side of the contract: one handler per channel name, each checking that the call comes
 * from the app's own page (top frame on app://bcart-desk) before handing it to the core's dispatch (which validates the input).
 * Push events go to the window on a single 'app:event' channel.
 */
import { AppError } from '../../src-shared/errors';
import { CHANNELS } from '../../src-shared/ipc/contract';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/ports';
import type { ElectronApi } from './electron-api';
import { isTrustedSender, urlForLog } from './security';

/**
 * Channels that libraries open on ipcMain at import time without any sender check:
 * electron-log/main answers `__ELECTRON_LOG__` (send and invoke) so renderers can write log lines.
 * The app logs from main only, so they are closed: no page can forge or flood the log.
 */
export const FOREIGN_IPC_CHANNELS = ['__ELECTRON_LOG__'] as const;

/** Removes the library channels above (call after the logger module is loaded). */
export function closeForeignIpc(ipcMain: ElectronApi['ipcMain']): void {
  for (const channel of FOREIGN_IPC_CHANNELS) {
    ipcMain.removeHandler(channel);
    ipcMain.removeAllListeners(channel);
  }
}

/** Registers one sender-checked handler per contract channel; returns the unregister function. */
export function registerIpc(ipcMain: ElectronApi['ipcMain'], core: Pick<Core, 'dispatch'>, logger: Logger): () => void {
  const log = logger.child('ipc-main');
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame)) {
        log.warn('rejected IPC from untrusted sender', { channel, url: urlForLog(frame?.url) });
        return {
          ok: false,
          error: new AppError('FORBIDDEN', 'この画面からの操作は許可されていません。アプリを再起動してください。').toData(),
        };
      }
      return core.dispatch(channel, input, { via: 'ipc' });
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
