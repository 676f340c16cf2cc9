/**
 * Push event of the 消費税自動更新 run: which phase it is in, so the screen can say what it waits
 * for (the automatic backup can take a while on a large database; the update itself is one
 * transaction and ends with `finished` or `failed`).
 */
import { z } from 'zod';

export const TAX_UPDATE_PHASES = ['backup', 'updating', 'finished', 'failed'] as const;
export type TaxUpdatePhase = (typeof TAX_UPDATE_PHASES)[number];

/** Japanese text of each phase for the progress line. */
export const TAX_UPDATE_PHASE_LABELS: Record<TaxUpdatePhase, string> = {
  backup: '実行前の自動バックアップを作成しています…',
  updating: '定期申込を更新しています…',
  finished: '消費税額自動更新処理が終了しました。',
  failed: '処理は行われませんでした。',
};

export const taxUpdateEventDefs = {
  /** phase of a running 消費税自動更新 */
  'taxUpdate:progressed': z.object({ eventId: z.string(), phase: z.enum(TAX_UPDATE_PHASES) }),
};
