/**
 * A cheap fingerprint of "has anything been written since": this connection's total_changes() and
 * the file's data_version (which moves when another connection commits). Equal stamps = same data.
 */
import type { SqliteDb } from './open';

export function dataStamp(db: SqliteDb): string {
  const r = db.prepare('select total_changes() as t').get() as { t: number };
  return `${r.t}|${String(db.pragma('data_version', { simple: true }))}`;
}
