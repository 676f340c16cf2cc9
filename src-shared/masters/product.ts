/**
 * 商品 product master. One unit is one BCart set: 計上単位 (pieces per unit) matches BCart's 入数.
 * A product is identified by 商品コード + 枝番(横) + 枝番(縦) ('' when a product has no variations);
 * the optional SKU code is what BCart's 品番 matches when 商品連携区分 is on.
 */
import { z } from 'zod';
import { toHalfWidthCode } from '../domain/search-fold';
import { halfWidthCodeField, idField, kanaField, masterRowBase, nameField } from './fields';

const blankToNull = (v: unknown): unknown => (v === '' || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v);

const variationField = (label: string) =>
  z
    .preprocess((v) => (typeof v === 'string' ? toHalfWidthCode(v) : v), z.string({ error: `${label}は文字で入力してください。` }))
    .pipe(
      z
        .string({ error: `${label}は文字で入力してください。` })
        .trim()
        .max(20, { error: `${label}は20文字以内で入力してください。` })
        .regex(/^[A-Za-z0-9_.-]*$/, { error: `${label}は半角英数字と「_」「-」「.」で入力してください(なければ空)。` }),
    )
    .default('');

/** GS1 check digit of an 8- or 13-digit JAN: weights 3,1,3,… from the right, excluding the check digit. */
export function janCheckDigitOk(jan: string): boolean {
  const digits = [...jan].map(Number);
  const check = digits.pop()!;
  let sum = 0;
  digits.reverse().forEach((d, i) => {
    sum += d * (i % 2 === 0 ? 3 : 1);
  });
  return (10 - (sum % 10)) % 10 === check;
}

const unitQuantityMessage = '計上単位は1以上の整数で入力してください(1単位に入る個数。Bカートの入数と同じ)。';
const unitPriceMessage = '単価は0以上の整数(円)で入力してください。';
const costPriceMessage = '原価は0以上の整数(円)で入力してください(わからなければ空)。';

export const productInput = z
  .object({
    code: halfWidthCodeField('商品コード', 30),
    variationH: variationField('枝番(横)'),
    variationV: variationField('枝番(縦)'),
    skuCode: z.preprocess(blankToNull, halfWidthCodeField('SKUコード', 40).nullable()),
    name: nameField('商品名', 120),
    kana: kanaField()
      .optional()
      .transform((v) => v ?? ''),
    unitQuantity: z
      .number({ error: unitQuantityMessage })
      .int({ error: unitQuantityMessage })
      .min(1, { error: unitQuantityMessage })
      .max(1_000_000, { error: '計上単位は1,000,000以下で入力してください。' }),
    inventoryTracked: z.boolean({ error: '棚卸対象は「対象」か「対象外」で指定してください。' }),
    taxClassId: z.preprocess(
      (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : blankToNull(v)),
      idField
        .nullable()
        .optional()
        .transform((v) => v ?? null),
    ),
    unitPrice: z
      .number({ error: unitPriceMessage })
      .int({ error: unitPriceMessage })
      .min(0, { error: unitPriceMessage })
      .max(99_999_999_999, { error: '単価が大きすぎます。' }),
    // optional: 売上分析 shows 粗利 only for groups whose every line has a 原価
    costPrice: z
      .preprocess(
        blankToNull,
        z
          .number({ error: costPriceMessage })
          .int({ error: costPriceMessage })
          .min(0, { error: costPriceMessage })
          .max(99_999_999_999, { error: '原価が大きすぎます。' })
          .nullable(),
      )
      .optional()
      .transform((v) => v ?? null),
    janCode: z.preprocess(
      blankToNull,
      z
        .string({ error: 'JANコードは8桁または13桁の半角数字で入力してください。' })
        .trim()
        .regex(/^(\d{8}|\d{13})$/, { error: 'JANコードは8桁または13桁の半角数字で入力してください。' })
        .refine(janCheckDigitOk, { error: 'JANコードのチェックデジット(最後の1桁)が合いません。番号を確認してください。' })
        .nullable(),
    ),
  })
  .strict();
export type ProductInput = z.input<typeof productInput>;
export type ProductValues = z.output<typeof productInput>;

export const product = z.object({
  ...masterRowBase,
  code: z.string(),
  variationH: z.string(),
  variationV: z.string(),
  skuCode: z.string().nullable(),
  name: z.string(),
  kana: z.string(),
  unitQuantity: z.number().int(),
  inventoryTracked: z.boolean(),
  taxClassId: z.number().int().nullable(),
  unitPrice: z.number().int(),
  costPrice: z.number().int().nullable(),
  janCode: z.string().nullable(),
});
export type Product = z.infer<typeof product>;

export const productUpdate = z.object({ id: idField, values: productInput }).strict();
