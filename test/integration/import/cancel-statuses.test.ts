/**
 * The cancel statuses of an EC連携設定 are edited on its screen (settings:update) and the import
 * follows them (docs/import-rules.md#cancelled-orders): a shop that renamed キャンセル to 「取消し」
 * has its cancelled orders dropped instead of imported.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EcSetting } from '../../../src-shared/ec-settings/ec-setting';
import { startImportHarness, type ImportHarness } from './import-harness';

let h: ImportHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** The settings values as the screen sends them; the import books lack the 入金口座 the screen requires. */
async function screenValues(harness: ImportHarness) {
  const db = harness.t.core.db;
  const stamp = '2025-04-01T00:00:00+09:00';
  const bank = db
    .prepare("insert into bank_accounts (code, bank_name, branch_name, account_type, account_number, holder, confirmed, created_at, updated_at) values ('B1', 'テスト銀行', '本店', '普通', '1234567', 'テスト', 1, ?, ?)")
    .run(stamp, stamp).lastInsertRowid;
  const { id: _id, createdAt: _c, updatedAt: _u, ...values } = await harness.t.call<EcSetting>('settings:get', { id: harness.books.settingId });
  return { ...values, bankAccountId: Number(bank) };
}

type Err = Error & { data: { code: string; fields?: { path: string; message: string }[] } };

describe('cancel statuses editable in EC連携設定', () => {
  it('a renamed cancel status saved on the screen drops the order; before, it was an ordinary order kept on the watch list', async () => {
    h = await startImportHarness({ seed: 5, orders: 3, fromDate: '2025-04-28', toDate: '2025-05-01', mode: 'test' }, '2025-04-28');
    const id = h.books.settingId;
    const values = await screenValues(h);
    expect(values.cancelStatuses).toEqual(['キャンセル']);

    // BCart still shows one shipped logistics record on the order the shop cancelled under its own name
    const renamed = h.sim.state.addOrder({ orderedAt: '2025-04-29 10:00:00', payment: 'PayPal', status: '取消し', logistics: [{ status: '未発送' }] });
    const saved = await h.t.call<EcSetting>('settings:update', { id, values: { ...values, cancelStatuses: [' キャンセル ', '取消し', '取消し', ''] } });
    expect(saved.cancelStatuses).toEqual(['キャンセル', '取消し']);
    await h.catchUp();
    const db = h.t.core.db;
    expect(db.prepare('select count(*) as n from import_watch where bcart_order_id = ?').get(renamed.order.id)).toEqual({ n: 0 });
    expect(db.prepare('select count(*) as n from shipments where bcart_order_id = ?').get(renamed.order.id)).toEqual({ n: 0 });

    // with only the default, the same status is an ordinary order: it is watched until it ships
    await h.t.call('settings:update', { id, values: { ...values, cancelStatuses: ['キャンセル'], importStartDate: '2025-04-28' } });
    await h.catchUp();
    expect(db.prepare('select count(*) as n from import_watch where bcart_order_id = ?').get(renamed.order.id)).toEqual({ n: 1 });
  });

  it('an empty list is refused beside its field, and nothing is saved', async () => {
    h = await startImportHarness({ seed: 5, orders: 1, fromDate: '2025-04-28', toDate: '2025-05-01' }, '2025-04-28');
    const id = h.books.settingId;
    const values = await screenValues(h);
    const err = await h.t.call('settings:update', { id, values: { ...values, cancelStatuses: [' '] } }).then(
      () => null,
      (e: Err) => e.data,
    );
    expect(err?.fields?.find((f) => f.path === 'cancelStatuses')?.message).toBe('キャンセル扱いの対応状況を1つ以上入力してください (Bカートの既定は「キャンセル」)。');
    expect((await h.t.call<EcSetting>('settings:get', { id })).cancelStatuses).toEqual(['キャンセル']);
  });
});
