/** バックアップ: the automatic database backups, their size and the retention rule. */
import { z } from 'zod';
import { retentionRuleSchema } from '../../backups/backup-retention';
import { channel, noInput } from '../define';

export const backupFile = z.object({
  name: z.string(),
  /** 'pre-migration' = データ形式更新の前, 'tax-update' = 消費税自動更新の前 */
  kind: z.enum(['pre-migration', 'tax-update']),
  /** ISO-8601 with +09:00 */
  takenAt: z.string(),
  takenAtMs: z.number().int(),
  bytes: z.number().int().nonnegative(),
  /** referenced by 処理履歴(消費税自動更新): never deleted by the rule */
  protected: z.boolean(),
});

export const backupList = z.object({
  folder: z.string(),
  retention: retentionRuleSchema,
  /** newest first */
  files: z.array(backupFile),
  totalBytes: z.number().int().nonnegative(),
  /** free space on the disk of the data folder (null when the OS does not say) */
  freeBytes: z.number().int().nonnegative().nullable(),
  /** epoch ms of main's clock, for the screen's preview of a new rule */
  nowMs: z.number().int(),
});

export const backupChannelDefs = {
  /** the backups in the data folder's backups/, with the space they take */
  'backups:list': channel(noInput, backupList),
  /** saves the retention rule and deletes what it no longer keeps; returns the list after */
  'backups:setRetention': channel(retentionRuleSchema, backupList),
};
