/**
 * How long the automatic database backups (before a データ形式更新, before 消費税自動更新) are kept
 * (docs/reliability.md#backups): the newest `keepLast`, and every one taken in the last `keepDays`
 * days — whichever keeps more. A backup the 処理履歴(消費税自動更新) refers to is always kept: it is
 * the way back from that one-time price update. Pure, shared by main (which deletes) and the
 * screen (which shows what a new rule would delete before it is saved).
 */
import { z } from 'zod';

export interface RetentionRule {
  /** the newest N backups are kept */
  keepLast: number;
  /** and every backup of the last M days */
  keepDays: number;
}

export const DEFAULT_RETENTION: RetentionRule = { keepLast: 10, keepDays: 30 };

export const retentionRuleSchema = z
  .object({
    keepLast: z.number().int().min(1, '残す件数は 1 件以上にしてください。').max(100, '残す件数は 100 件までです。'),
    keepDays: z.number().int().min(0, '日数は 0 日以上にしてください。').max(3650, '日数は 3650 日までです。'),
  })
  .strict();

export interface BackupEntry {
  name: string;
  takenAtMs: number;
  /** referenced by 処理履歴(消費税自動更新): never deleted */
  protected: boolean;
}

export type KeptBecause = 'latest' | 'recent' | 'history';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why each backup stays (null = the rule deletes it). Newest first decides "the last N". */
export function retentionOf(files: readonly BackupEntry[], rule: RetentionRule, nowMs: number): Map<string, KeptBecause | null> {
  const newestFirst = [...files].sort((a, b) => b.takenAtMs - a.takenAtMs || (a.name < b.name ? 1 : -1));
  const out = new Map<string, KeptBecause | null>();
  newestFirst.forEach((f, i) => {
    if (i < rule.keepLast) out.set(f.name, 'latest');
    else if (nowMs - f.takenAtMs <= rule.keepDays * DAY_MS) out.set(f.name, 'recent');
    else if (f.protected) out.set(f.name, 'history');
    else out.set(f.name, null);
  });
  return out;
}
