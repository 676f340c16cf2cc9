/**
 * The single entry from every transport (Electron ipcMain, the harness's HTTP, the CLI):
 * unknown channel → UNKNOWN_CHANNEL; input parsed with the contract's zod schema → VALIDATION with
 * the Japanese problems per field; handler errors → their AppError data; anything else through
 * classifyError (SQLITE_BUSY → DB_BUSY, SQLITE_FULL → DISK_FULL …, the rest INTERNAL). It always
 * resolves; stacks go to the log, never to the caller.
 */
import { AppError, isAppError } from '../../../src-shared/errors';
import { contract, isChannel, type Channel } from '../../../src-shared/ipc/contract';
import type { IpcResult } from '../../../src-shared/ipc/result';
import { classifyError, isUnexpected, zodToFields } from '../errors/classify-error';
import type { Logger } from '../ports';
import type { HandlerContext, Handlers } from './handler-types';

export type Dispatch = (channel: string, input: unknown, ctx?: HandlerContext) => Promise<IpcResult<unknown>>;

export function createDispatch(handlers: Handlers, logger: Logger): Dispatch {
  const log = logger.child('ipc');
  return async (channel, input, ctx = { via: 'ipc' }) => {
    if (!isChannel(channel)) {
      log.warn('unknown channel', { channel: String(channel).slice(0, 80) });
      return {
        ok: false,
        error: new AppError('UNKNOWN_CHANNEL', 'アプリ内部の呼び出し先が見つかりません。アプリを最新版に更新してください。').toData(),
      };
    }
    const def = contract[channel as Channel];
    const parsed = def.input.safeParse(input);
    if (!parsed.success) {
      const fields = zodToFields(parsed.error);
      log.info('validation failed', { channel, fields: fields.map((f) => f.path) });
      return {
        ok: false,
        error: new AppError('VALIDATION', '入力内容に誤りがあります。各項目のメッセージを確認して修正してください。', { fields }).toData(),
      };
    }
    try {
      const handler = handlers[channel as Channel] as (i: unknown, c: HandlerContext) => unknown;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (e) {
      if (isAppError(e)) {
        log.info('handler refused', { channel, code: e.code });
        return { ok: false, error: e.toData() };
      }
      // SQLite / fetch / zod failures get their own code and Japanese message; the rest is INTERNAL
      const err = classifyError(e);
      const error = e instanceof Error ? `${e.name}: ${e.message}${isUnexpected(e) ? `\n${e.stack ?? ''}` : ''}` : String(e);
      if (isUnexpected(e)) log.error('handler crashed', { channel, error });
      else log.warn('handler failed', { channel, code: err.code, error });
      return { ok: false, error: err.toData() };
    }
  };
}
