/**
 * The data folder's backups/: the database copies taken before a データ形式更新
 * (pre-migration-<stamp>.sqlite3) and before 消費税自動更新 (tax-update-<id>-<stamp>.sqlite3), as
 * db/migrate.ts names them. Files of any other name are not ours: never listed, never deleted.
 */
import { readdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BackupFileInfo {
  name: string;
  file: string;
  kind: 'pre-migration' | 'tax-update';
  takenAtMs: number;
  bytes: number;
}

const NAME = /^(pre-migration|tax-update-[A-Za-z0-9_.-]+?)-(\d{8}T\d{6}Z)\.sqlite3$/;

/** 20261125T163700Z → epoch ms (null when it is not a real time). */
function stampMs(stamp: string): number | null {
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== iso.slice(0, 19) ? null : ms;
}

/** The app's backups in `dir`, newest first (a missing folder has none). */
export function listBackupFiles(dir: string): BackupFileInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupFileInfo[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const takenAtMs = stampMs(m[2]!);
    if (takenAtMs === null) continue;
    const file = join(dir, name);
    let bytes = 0;
    try {
      const st = statSync(file);
      if (!st.isFile()) continue;
      bytes = st.size;
    } catch {
      continue;
    }
    out.push({ name, file, kind: m[1] === 'pre-migration' ? 'pre-migration' : 'tax-update', takenAtMs, bytes });
  }
  return out.sort((a, b) => b.takenAtMs - a.takenAtMs || (a.name < b.name ? 1 : -1));
}

/** Free bytes on the disk holding `dir` (null when the OS does not say). */
export function freeBytesOf(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

export function deleteBackupFile(file: string): void {
  rmSync(file, { force: true });
}
