/**
 * 取引先 partner master: 得意先 customer / 仕入先 supplier / 納入先 delivery / 倉庫 warehouse.
 * Only a 得意先 has billing settings (請求区分, 締日, 税込/税抜); for the other kinds they must stay
 * empty, so a warehouse can never be billed by mistake. Empty form values ('' or NaN) mean "none".
 */
import { z } from 'zod';
import { toHalfWidthCode } from '../domain/search-fold';
import { idField, kanaField, masterRowBase, nameField, partnerCodeField } from './fields';
import { billingProblems, dayOfMonthField, partnerBillingFields, partnerBillingRow, withBillingDefaults } from './partner-billing';

export const PARTNER_KINDS = ['得意先', '仕入先', '納入先', '倉庫'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const BILLING_TYPES = ['個別', '締'] as const;
export type BillingType = (typeof BILLING_TYPES)[number];
export const TAX_DISPLAYS = ['税込', '税抜'] as const;
export type TaxDisplay = (typeof TAX_DISPLAYS)[number];
/** 締日 31 means 末日 (the last day of the month, whatever its length); 1–28 otherwise */
export const CLOSING_DAY_END_OF_MONTH = 31;

/** '' / null / undefined / NaN (an empty number input) → null */
const blankToNull = (v: unknown): unknown => (v === '' || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v);

export const partnerInput = z
  .object({
    code: partnerCodeField('取引先コード'),
    name: nameField('取引先名', 100),
    kana: kanaField()
      .optional()
      .transform((v) => v ?? ''),
    kind: z.enum(PARTNER_KINDS, { error: '取引先種別は「得意先」「仕入先」「納入先」「倉庫」から選んでください。' }),
    billingType: z.preprocess(blankToNull, z.enum(BILLING_TYPES, { error: '請求区分は「個別」「締」から選んでください。' }).nullable()),
    closingDay: dayOfMonthField('締日'),
    taxDisplay: z.preprocess(blankToNull, z.enum(TAX_DISPLAYS, { error: '税表示は「税込」「税抜」から選んでください。' }).nullable()),
    ...partnerBillingFields,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === '得意先') {
      if (v.billingType === null)
        ctx.addIssue({ code: 'custom', path: ['billingType'], message: '得意先は請求区分(「個別」または「締」)を選んでください。' });
      if (v.billingType === '締' && v.closingDay === null) {
        ctx.addIssue({ code: 'custom', path: ['closingDay'], message: '締請求の得意先は締日(1〜28、末日は31)を入力してください。' });
      }
      if (v.billingType === '個別' && v.closingDay !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['closingDay'],
          message: '個別請求では締日は使いません。締日を空にするか、請求区分を「締」にしてください。',
        });
      }
      if (v.taxDisplay === null)
        ctx.addIssue({ code: 'custom', path: ['taxDisplay'], message: '得意先は税表示(「税込」または「税抜」)を選んでください。' });
      return;
    }
    const why = `${v.kind}では使いません。空にするか、取引先種別を「得意先」にしてください。`;
    if (v.billingType !== null) ctx.addIssue({ code: 'custom', path: ['billingType'], message: `請求区分は${why}` });
    if (v.closingDay !== null) ctx.addIssue({ code: 'custom', path: ['closingDay'], message: `締日は${why}` });
    if (v.taxDisplay !== null) ctx.addIssue({ code: 'custom', path: ['taxDisplay'], message: `税表示は${why}` });
    for (const p of billingProblems(v.kind, v)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  })
  // empty billing terms of a 得意先 take the defaults (翌月末, 伝票単位 …; 請求書発行 by its code);
  // a 倉庫's code typed in full width becomes half width
  .transform((v) => {
    const withTerms = { ...v, ...withBillingDefaults(v.kind, v.code, v) };
    return v.kind === '倉庫' ? { ...withTerms, code: toHalfWidthCode(v.code) } : withTerms;
  });
export type PartnerInput = z.input<typeof partnerInput>;
export type PartnerValues = z.output<typeof partnerInput>;

export const partner = z.object({
  ...masterRowBase,
  code: z.string(),
  name: z.string(),
  kana: z.string(),
  kind: z.enum(PARTNER_KINDS),
  billingType: z.enum(BILLING_TYPES).nullable(),
  closingDay: z.number().int().nullable(),
  taxDisplay: z.enum(TAX_DISPLAYS).nullable(),
  ...partnerBillingRow,
});
export type Partner = z.infer<typeof partner>;

export const partnerUpdate = z.object({ id: idField, values: partnerInput }).strict();

/** 「締日 31」→「末日」, for lists and documents. */
export function closingDayLabel(day: number | null): string {
  if (day === null) return '';
  return day === CLOSING_DAY_END_OF_MONTH ? '末日' : `${day}日`;
}
