/**
 * Validation and target selection for a rate-change event. Kept apart from the plan so the UI can
 * show which applications an event would touch without building the whole plan.
 */
import type { FieldProblem } from '../errors';
import { isIsoDate } from '../domain/jst-date';
import { isValidRate } from './rerate';
import type { RateChangeEvent, SubscriptionApplication } from './types';

const RATE_FIELDS = [
  ['oldStandard', '旧標準税率'],
  ['newStandard', '新標準税率'],
  ['oldReduced', '旧軽減税率'],
  ['newReduced', '新軽減税率'],
] as const;

/** Problems of a rate-change event (empty when valid); messages are Japanese. */
export function validateRateChangeEvent(event: RateChangeEvent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (event.id.trim() === '') problems.push({ path: 'id', message: '税率改定のIDが空です。IDを入力してください。' });
  if (event.label.trim() === '') problems.push({ path: 'label', message: '税率改定の名称が空です。名称を入力してください。' });
  if (!isIsoDate(event.effectiveDate)) {
    problems.push({
      path: 'effectiveDate',
      message: `施行日「${event.effectiveDate}」は日付ではありません。YYYY-MM-DD形式で入力してください。`,
    });
  }
  for (const [key, label] of RATE_FIELDS) {
    if (!isValidRate(event[key])) {
      problems.push({ path: key, message: `${label}「${event[key]}」が不正です。0〜100の整数(%)で入力してください。` });
    }
  }
  if (event.oldStandard === event.newStandard && event.oldReduced === event.newReduced) {
    problems.push({
      path: 'newStandard',
      message: '税率が変わらない改定は実行できません。新しい標準税率または軽減税率を入力してください。',
    });
  }
  return problems;
}

/**
 * Target of the update (docs/tax-rules.md#targets-and-once-only): 継続中, next order not yet processed, standard rate = the
 * event's old standard rate. When the event keeps the standard rate (e.g. a reduced-rate cut), the
 * standard rate cannot tell updated from not-yet-updated applications, so the reduced rate must
 * also equal the event's old reduced rate; this keeps "run the plan again on its own result"
 * empty for every event, not just for the 2019 one.
 */
export function isTaxUpdateTarget(app: SubscriptionApplication, event: RateChangeEvent): boolean {
  if (app.status !== '継続中' || app.orderProcessed) return false;
  if (app.standardRate !== event.oldStandard) return false;
  return event.oldStandard !== event.newStandard || app.reducedRate === event.oldReduced;
}
