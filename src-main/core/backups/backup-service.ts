/**
 * バックアップ: lists the automatic database backups with the space they take, keeps the retention
 * rule (app_state) and deletes what the rule no longer keeps — at every start (after a データ形式更新
 * may have added one) and when the rule changes. A file that cannot be deleted is logged and stays;
 * nothing here stops the app.
 */
import { basename, join } from 'node:path';
import { DEFAULT_RETENTION, retentionOf, retentionRuleSchema, type RetentionRule } from '../../../src-shared/backups/backup-retention';
import { toJstIso } from '../../../src-shared/domain/jst-date';
import type { z } from 'zod';
import type { backupList } from '../../../src-shared/ipc/channels/backups';
import type { Clock, Logger } from '../ports';
import { deleteBackupFile, freeBytesOf, listBackupFiles } from './backup-folder';

export type BackupList = z.output<typeof backupList>;

/** Where the rule and the references live (app_state, 処理履歴(消費税自動更新)). */
export interface BackupStateStore {
  readRetention(): string | null;
  writeRetention(json: string): void;
  /** backup files the tax-update history refers to (paths or names) */
  referencedBackups(): string[];
}

export interface BackupService {
  retention(): RetentionRule;
  list(): BackupList;
  /** saves the rule, then applies it */
  setRetention(rule: RetentionRule): BackupList;
  /** deletes what the rule no longer keeps; returns the deleted names */
  prune(): string[];
}

export function createBackupService(deps: { dataDir: string; store: BackupStateStore; clock: Clock; logger: Logger }): BackupService {
  const folder = join(deps.dataDir, 'backups');
  const log = deps.logger.child('backups');

  const retention = (): RetentionRule => {
    const raw = deps.store.readRetention();
    if (raw === null) return DEFAULT_RETENTION;
    try {
      const parsed = retentionRuleSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      /* falls through */
    }
    log.warn('バックアップの保存ルールを読み取れないため、既定のルールを使います', { raw: raw.slice(0, 100) });
    return DEFAULT_RETENTION;
  };

  const entries = () => {
    const referenced = new Set(deps.store.referencedBackups().map((f) => basename(f.replace(/\\/g, '/'))));
    return listBackupFiles(folder).map((f) => ({ ...f, protected: referenced.has(f.name) }));
  };

  const list = (): BackupList => {
    const files = entries();
    return {
      folder,
      retention: retention(),
      files: files.map((f) => ({ name: f.name, kind: f.kind, takenAt: toJstIso(f.takenAtMs), takenAtMs: f.takenAtMs, bytes: f.bytes, protected: f.protected })),
      totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
      freeBytes: freeBytesOf(deps.dataDir),
      nowMs: deps.clock.now(),
    };
  };

  const prune = (): string[] => {
    const files = entries();
    const keep = retentionOf(files, retention(), deps.clock.now());
    const deleted: string[] = [];
    for (const f of files) {
      if (keep.get(f.name) !== null) continue;
      try {
        deleteBackupFile(f.file);
        deleted.push(f.name);
      } catch (e) {
        log.warn('古いバックアップを削除できませんでした', { name: f.name, error: e instanceof Error ? e.message : String(e) });
      }
    }
    if (deleted.length > 0) log.info('保存ルールに従って古いバックアップを削除しました', { deleted });
    return deleted;
  };

  return {
    retention,
    list,
    setRetention(rule) {
      deps.store.writeRetention(JSON.stringify(retentionRuleSchema.parse(rule)));
      prune();
      return list();
    },
    prune,
  };
}
