/** Japanese labels of the plan's fields, shared by the preview screen and the preview CSV. */
import type { PlanChangeField } from './types';

export const PLAN_FIELD_LABELS: Record<PlanChangeField, string> = {
  firstPrice: '初回価格',
  regularPrice: '通常回価格',
  lastPrice: '最終回価格',
  optionPrice: 'オプション価格',
  taxRateType: '税率区分',
  standardRate: '標準税率',
  reducedRate: '軽減税率',
};
