/** One valid record per master (schema output shape), with the awkward characters in a text field; shared by the CSV tests. */
import type { CsvMaster } from '../../../src-shared/csv/master-csv';

export const TAX_IDS = new Map([
  ['STD10', 1],
  ['RED08', 2],
]);
export const TAX_CODES = new Map([...TAX_IDS].map(([c, id]) => [id, c]));

/** what a non-customer stores for the 取引先 billing terms */
export const WAREHOUSE_BILLING = {
  postalCode: null, address1: null, address2: null, phone: null, contactName: null, registrationNumber: null,
  collectMonths: null, collectDay: null, holidayShift: null, taxUnit: null, taxRounding: null, noStatement: null, openingBalance: null,
};

export const SAMPLES: Record<CsvMaster, Record<string, unknown>[]> = {
  departments: [
    { code: 'D1', name: '①㈱髙～営業部, "本社"' },
    { code: 'D2', name: '改行\r\nあり' },
  ],
  taxClasses: [{ code: 'STD10', name: '標準10%', rate: 10, kind: '標準' }],
  workflows: [{ code: 'SHIP', name: '出荷管理', kind: '出荷' }],
  partners: [
    {
      code: 'C1', name: '㈱髙島屋～', kana: 'タカシマヤ', kind: '得意先', billingType: '締', closingDay: 31, taxDisplay: '税抜',
      postalCode: '100-0001', address1: '東京都千代田区千代田1-1', address2: '①ビル 3F', phone: '03-1234-5678', contactName: '髙橋', registrationNumber: 'T9234567890123',
      collectMonths: 2, collectDay: 10, holidayShift: '翌営業日', taxUnit: '請求単位', taxRounding: '四捨五入', noStatement: true, openingBalance: -1500,
    },
    { code: 'W1', name: '倉庫', kana: '', kind: '倉庫', billingType: null, closingDay: null, taxDisplay: null, ...WAREHOUSE_BILLING },
  ],
  products: [
    { code: 'P1', variationH: 'RED', variationV: 'M', skuCode: 'SKU-1', name: '①コーヒー', kana: 'コーヒー', unitQuantity: 12, inventoryTracked: true, taxClassId: 2, unitPrice: 1200, janCode: '4901234567894', costPrice: 850 },
    { code: 'SHIP', variationH: '', variationV: '', skuCode: null, name: '送料・手数料', kana: '', unitQuantity: 1, inventoryTracked: false, taxClassId: null, unitPrice: 0, janCode: null, costPrice: null },
  ],
  bankAccounts: [{ code: 'B1', bankName: 'みずほ銀行', branchName: '渋谷支店', accountType: '当座', accountNumber: '0012345', holder: 'カ）ビーカート' }],
};

