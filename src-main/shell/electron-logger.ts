/** Adapts electron-log (a file in the user data folder) to the core's Logger, with redaction. */
import log from 'electron-log/main';
import { createLogger } from '../core/logging';
import type { Logger } from '../core/ports';

export function createElectronLogger(logFile: string): Logger {
  log.transports.file.resolvePathFn = () => logFile;
  log.transports.file.level = 'info';
  log.transports.console.level = process.env.BCART_DESK_DEBUG ? 'debug' : 'warn';
  return createLogger((level, scope, msg, meta) => {
    log[level](`[${scope}] ${msg}`, ...(meta ? [meta] : []));
  }, 'main');
}
