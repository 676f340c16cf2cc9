/** Masters a 売上伝票 needs, created through the real dispatch (and confirmed) on a test core. */
import type { TestCore } from './core';

export interface SalesFixture {
  dept: { d01: number; d02: number };
  customer: { net: number; gross: number; draft: number };
  warehouse: { w01: number; w02: number };
  product: { coffee: number; tea: number; fee: number; draft: number };
  tax: { std: number; red: number; exempt: number };
}

async function confirmed<T extends { id: number }>(t: TestCore, prefix: string, input: unknown, confirm = true): Promise<number> {
  const row = await t.call<T>(`${prefix}:create`, input);
  if (confirm) await t.call(`${prefix}:confirm`, { id: row.id });
  return row.id;
}

export async function makeSalesFixture(t: TestCore): Promise<SalesFixture> {
  const taxRows = (await t.call<{ rows: { id: number; code: string }[] }>('taxClasses:list', {})).rows;
  const tax = {
    std: taxRows.find((r) => r.code === 'STD10')!.id,
    red: taxRows.find((r) => r.code === 'RED08')!.id,
    exempt: taxRows.find((r) => r.code === 'EXM00')!.id,
  };
  const partner = (code: string, name: string, kind: string, taxDisplay: string | null = null) => ({
    code,
    name,
    kind,
    billingType: kind === '得意先' ? '個別' : null,
    closingDay: null,
    taxDisplay,
  });
  const product = (code: string, name: string, taxClassId: number, unitPrice: number, inventoryTracked = true) => ({
    code,
    name,
    unitQuantity: 1,
    inventoryTracked,
    taxClassId,
    unitPrice,
  });
  return {
    tax,
    dept: {
      d01: await confirmed(t, 'departments', { code: 'D01', name: '営業部' }),
      d02: await confirmed(t, 'departments', { code: 'D02', name: '卸事業部' }),
    },
    customer: {
      net: await confirmed(t, 'partners', partner('C001', '山田商店', '得意先', '税抜')),
      gross: await confirmed(t, 'partners', partner('C002', '鈴木食品', '得意先', '税込')),
      draft: await confirmed(t, 'partners', partner('C009', '未確定商事', '得意先', '税抜'), false),
    },
    warehouse: {
      w01: await confirmed(t, 'partners', partner('W01', '本社倉庫', '倉庫')),
      w02: await confirmed(t, 'partners', partner('W02', '第二倉庫', '倉庫')),
    },
    product: {
      coffee: await confirmed(t, 'products', { ...product('P001', 'コーヒー豆', tax.std, 1200), skuCode: 'SKU-COF' }),
      tea: await confirmed(t, 'products', product('P002', '緑茶', tax.red, 540)),
      fee: await confirmed(t, 'products', product('FEE', '送料', tax.std, 800, false)),
      draft: await confirmed(t, 'products', product('P999', '未確定品', tax.std, 100), false),
    },
  };
}
