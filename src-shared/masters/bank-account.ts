/**
 * 請求口座 bank account master: where customers pay (入金口座 of EC連携設定, printed on 請求書).
 * Japanese account numbers are 7 digits; the holder (口座名義) is written in katakana and
 * alphanumerics as the bank registers it.
 */
import { z } from 'zod';
import { codeField, idField, masterRowBase, nameField } from './fields';

export const ACCOUNT_TYPES = ['普通', '当座', '貯蓄'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** 全角カタカナ (ー・ヴ含む), 英数字 (全角・半角), spaces and the symbols bank names use: （）．－／ */
const HOLDER = /^[ァ-ヶー\u3000 A-Za-z0-9Ａ-Ｚａ-ｚ０-９（）().．,，\-－/／・]+$/;

export const bankAccountInput = z
  .object({
    code: codeField('口座コード', 20),
    bankName: nameField('銀行名', 60),
    branchName: nameField('支店名', 60),
    accountType: z.enum(ACCOUNT_TYPES, { error: '口座種別は「普通」「当座」「貯蓄」から選んでください。' }),
    accountNumber: z
      .string({ error: '口座番号を入力してください。' })
      .trim()
      .regex(/^\d{7}$/, { error: '口座番号は7桁の半角数字で入力してください(6桁以下は先頭に0を付けてください)。' }),
    holder: nameField('口座名義', 60).regex(HOLDER, { error: '口座名義は全角カタカナと英数字で入力してください(例: カ）ビーカートシヨウジ)。' }),
  })
  .strict();
export type BankAccountInput = z.input<typeof bankAccountInput>;

export const bankAccount = z.object({
  ...masterRowBase,
  code: z.string(),
  bankName: z.string(),
  branchName: z.string(),
  accountType: z.enum(ACCOUNT_TYPES),
  accountNumber: z.string(),
  holder: z.string(),
});
export type BankAccount = z.infer<typeof bankAccount>;

export const bankAccountUpdate = z.object({ id: idField, values: bankAccountInput }).strict();
