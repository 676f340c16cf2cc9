/**
 * One 出荷取込処理 per EC連携設定 across processes (docs/import-rules.md#one-run-at-a-time): the app,
 * the CLI, the scheduler of a second app instance all take the database lease `import:<id>`
 * (db/lease-repository.ts) before a run starts, and give it up when it ends. A process killed in the
 * middle stops renewing; its lease is taken over once it expired (ttlMs), never before.
 */
import { AppError } from '../../../src-shared/errors';
import { holdLease, newLeaseHolder, type HeldLease, type LeaseRepository } from '../db/lease-repository';
import type { Logger, Timers } from '../ports';

/** Default lease time: renewed every third of it while a run goes on. */
export const IMPORT_LOCK_TTL_MS = 30_000;

export interface ImportLock {
  /** Takes the setting's lease or throws ALREADY_RUNNING (another process runs it). */
  acquire(settingId: number): HeldLease;
}

export function createImportLock(leases: LeaseRepository, opts: { timers: Timers; logger: Logger; ttlMs?: number }): ImportLock {
  // one holder id per core: a second core in the same process is another app instance
  const holder = newLeaseHolder();
  const ttlMs = opts.ttlMs ?? IMPORT_LOCK_TTL_MS;
  return {
    acquire(settingId) {
      const held = holdLease(leases, `import:${settingId}`, holder, { ttlMs, timers: opts.timers, logger: opts.logger });
      if (held === null) {
        throw new AppError(
          'ALREADY_RUNNING',
          'このEC連携設定の出荷取込処理（または取込プレビュー）は、別のBCart Desk（もう一つのアプリまたはコマンド）で実行中です。終わってから、もう一度実行してください。',
          { retryable: true },
        );
      }
      return held;
    },
  };
}
