/**
 * 「最新まで取込」 (docs/sales-rules.md#catch-up-import): 出荷取込処理 window after window until the
 * cursor reaches today. Each window is its own all-or-nothing run; the catch-up stops at the first
 * window that did not succeed, and before a window that could overrun the shop's rate budget (the
 * calls of the biggest window so far, on top of those already made, past the setting's API呼び出し上限)
 * — the next 「最新まで取込」 or scheduled run goes on from the cursor.
 */
import { z } from 'zod';

export const CATCH_UP_STOPS = ['caught-up', 'failed', 'cancelled', 'budget', 'max-windows'] as const;
export type CatchUpStop = (typeof CATCH_UP_STOPS)[number];

/** A guard against a loop that never ends (a year of daily windows is far below it). */
export const MAX_CATCH_UP_WINDOWS = 400;

export interface CatchUpState {
  /** windows run so far in this catch-up */
  windows: number;
  /** API calls made so far */
  calls: number;
  /** the most calls one window took so far */
  maxWindowCalls: number;
  budget: number;
  last: { status: 'succeeded' | 'failed' | 'cancelled'; caughtUp: boolean } | null;
}

/** Whether to run another window, or why the catch-up stops. */
export function catchUpNext(s: CatchUpState): 'run' | CatchUpStop {
  if (s.last !== null) {
    if (s.last.status === 'failed') return 'failed';
    if (s.last.status === 'cancelled') return 'cancelled';
    if (s.last.caughtUp) return 'caught-up';
  }
  if (s.windows >= MAX_CATCH_UP_WINDOWS) return 'max-windows';
  if (s.windows > 0 && s.calls + s.maxWindowCalls > s.budget) return 'budget';
  return 'run';
}

export const CATCH_UP_MESSAGES: Record<CatchUpStop, string> = {
  'caught-up': '最新まで取り込みました。',
  failed: '取り込めなかった期間があるため止めました。取込履歴とシステムログで内容を確認し、直してから再度「最新まで取込」を押してください。取り込めた期間はそのまま残ります。',
  cancelled: '中止しました。中止した期間は何も書き込んでいません。続きは再度「最新まで取込」で取り込めます。',
  budget: 'Bカートの API 呼び出し上限に近づいたため、ここで止めました。数分おいて再度「最新まで取込」を押すと続きから取り込みます。',
  'max-windows': '一度に取り込める期間の上限に達しました。再度「最新まで取込」を押すと続きから取り込みます。',
};

export const catchUpResult = z.object({
  settingId: z.number().int(),
  windows: z.number().int(),
  runIds: z.array(z.number().int()),
  stop: z.enum(CATCH_UP_STOPS),
  /** 出荷取込開始日 after the catch-up */
  cursor: z.string().nullable(),
  caughtUp: z.boolean(),
  shipments: z.number().int(),
  invoices: z.number().int(),
  message: z.string(),
});
export type CatchUpResult = z.infer<typeof catchUpResult>;
