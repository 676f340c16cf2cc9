/** 税区分 tax class master: rate and kind must agree (標準 10 %, 軽減 8 %, 非課税 0 %). */
import { z } from 'zod';
import { codeField, idField, masterRowBase, nameField } from './fields';

export const TAX_KINDS = ['標準', '軽減', '非課税'] as const;
export type TaxKind = (typeof TAX_KINDS)[number];

export const taxClassInput = z
  .object({
    code: codeField('税区分コード', 20),
    name: nameField('税区分名', 40),
    rate: z
      .number({ error: '税率は0〜100の整数(%)で入力してください。' })
      .int({ error: '税率は0〜100の整数(%)で入力してください。' })
      .min(0, { error: '税率は0〜100の整数(%)で入力してください。' })
      .max(100, { error: '税率は0〜100の整数(%)で入力してください。' }),
    kind: z.enum(TAX_KINDS, { error: '区分は「標準」「軽減」「非課税」から選んでください。' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === '非課税' && v.rate !== 0) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: '非課税の税区分の税率は0%にしてください。' });
    }
    if (v.kind !== '非課税' && v.rate === 0) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: '税率0%の税区分は区分を「非課税」にしてください。' });
    }
  });
export type TaxClassInput = z.input<typeof taxClassInput>;

export const taxClass = z.object({
  ...masterRowBase,
  code: z.string(),
  name: z.string(),
  rate: z.number().int(),
  kind: z.enum(TAX_KINDS),
});
export type TaxClass = z.infer<typeof taxClass>;

export const taxClassUpdate = z.object({ id: idField, values: taxClassInput }).strict();
