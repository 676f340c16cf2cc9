/** The backup service's state in SQLite: the rule in app_state, the tax-update history's references. */
import type { SqliteDb } from '../db/open';
import type { BackupStateStore } from './backup-service';

const KEY = 'backups.retention';

export function createBackupStateStore(db: SqliteDb, now: () => string): BackupStateStore {
  return {
    readRetention: () => (db.prepare('select value from app_state where key = ?').get(KEY) as { value: string } | undefined)?.value ?? null,
    writeRetention: (json) => {
      db.prepare('insert into app_state (key, value, updated_at) values (?, ?, ?) on conflict(key) do update set value = excluded.value, updated_at = excluded.updated_at').run(KEY, json, now());
    },
    referencedBackups: () => (db.prepare('select backup_file as f from tax_update_runs where backup_file is not null').all() as { f: string }[]).map((r) => r.f),
  };
}
