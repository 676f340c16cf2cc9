/**
 * 定期申込 and the 消費税自動更新 over the real core (SQLite temp file, dispatch): CSV import,
 * 受付停止 guards, preview ≡ applied, the refusals (STORE_NOT_CLOSED, CHECKLIST_INCOMPLETE,
 * ALREADY_APPLIED, CONFLICT after an edit), two concurrent applies, history and restore.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serialiseSubscriptionCsv } from '../../../src-main/core/subscriptions/subscription-csv';
import { toPlainApplication } from '../../../src-main/core/subscriptions/subscription-repository';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { TAX_UPDATE_CHECKLIST_IDS } from '../../../src-shared/tax-update/checklist';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { dumpSubscriptions, insertProducts, makeDataset } from './tax-update-fixture';

interface Preview {
  targets: number;
  changeCount: number;
  planHash: string;
  changedPrices: number;
  changes: { applicationCode: string; field: string; old: string | number; new: string | number }[];
}

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return (e as { data: { code: string; message: string } }).data;
  }
  throw new Error('expected an error');
}

describe('tax update over IPC', () => {
  let t: TestCore;
  const data = makeDataset(7, 60);
  const csv = serialiseSubscriptionCsv(data.apps, { encoding: 'cp932' });
  if (!csv.ok) throw new Error('fixture CSV');
  const contentBase64 = Buffer.from(csv.bytes).toString('base64');
  const applyInput = (planHash: string) => ({
    eventId: PRESET_2019.id,
    rounding: 'round',
    checked: [...TAX_UPDATE_CHECKLIST_IDS],
    understood: true,
    planHash,
  });

  beforeEach(async () => {
    t = await makeTestCore();
    insertProducts(t.core.db, data.products);
    const r = await t.call<{ applications: number; encoding: string }>('subscriptions:import', { fileName: 'a.csv', contentBase64 });
    expect(r).toMatchObject({ applications: 60, encoding: 'cp932' });
  });
  afterEach(() => t.close());

  it('imports the CSV exactly and lists with filters', async () => {
    expect(t.core.services.repos.subscriptions.loadAll().map(toPlainApplication)).toEqual(data.apps);
    const all = await t.call<{ total: number }>('subscriptions:list', {});
    expect(all.total).toBe(60);
    const cont = await t.call<{ rows: { status: string; standardRate: number }[] }>('subscriptions:list', {
      status: '継続中',
      standardRate: 8,
    });
    expect(cont.rows.length).toBe(data.apps.filter((a) => a.status === '継続中' && a.standardRate === 8).length);
    expect(cont.rows.every((r) => r.status === '継続中' && r.standardRate === 8)).toBe(true);
    const one = await t.call('subscriptions:get', { code: 'S00003' });
    expect(one).toEqual(data.apps[3]);
  });

  it('deletes one application with its items and options; refused while 受付停止 and for an unknown code', async () => {
    const target = data.apps.find((a) => a.items.some((i) => i.options.length > 0))!;
    const counts = () => ({
      items: (t.core.db.prepare('select count(*) n from subscription_items').get() as { n: number }).n,
      options: (t.core.db.prepare('select count(*) n from subscription_options').get() as { n: number }).n,
    });
    const before = counts();
    await t.call('store:close', {});
    const closed = await errorOf(t.call('subscriptions:delete', { code: target.code }));
    expect(closed.code).toBe('STORE_CLOSED');
    expect(closed.message).toContain('定期申込の削除');
    expect(counts()).toEqual(before);
    await t.call('store:open', {});

    expect(await t.call('subscriptions:delete', { code: target.code })).toEqual({ code: target.code });
    expect((await errorOf(t.call('subscriptions:get', { code: target.code }))).code).toBe('NOT_FOUND');
    const optionCount = target.items.reduce((n, i) => n + i.options.length, 0);
    expect(counts()).toEqual({ items: before.items - target.items.length, options: before.options - optionCount });
    expect((await t.call<{ total: number }>('subscriptions:list', {})).total).toBe(59);
    // the others are untouched
    expect(t.core.services.repos.subscriptions.loadAll().map(toPlainApplication)).toEqual(data.apps.filter((a) => a.code !== target.code));

    const again = await errorOf(t.call('subscriptions:delete', { code: target.code }));
    expect(again.code).toBe('NOT_FOUND');
    expect(again.message).toContain(target.code);
  });

  it('an invalid CSV writes nothing and names row and column', async () => {
    const before = dumpSubscriptions(t.core.db);
    const bad = Buffer.from('行種別,申込コード\n商品,X\n', 'utf8').toString('base64');
    const e = await errorOf(t.call('subscriptions:import', { fileName: 'bad.csv', contentBase64: bad }));
    expect(e.code).toBe('CSV_INVALID');
    expect(dumpSubscriptions(t.core.db)).toBe(before);
  });

  it('受付停止 refuses edits and imports; apply needs it, the checklist and runs once', async () => {
    const preview = await t.call<Preview>('taxUpdate:preview', { eventId: PRESET_2019.id, rounding: 'round', limit: 200_000 });
    expect(preview.targets).toBeGreaterThan(0);
    expect(preview.changes.length).toBe(preview.changeCount);

    expect((await errorOf(t.call('taxUpdate:apply', applyInput(preview.planHash)))).code).toBe('STORE_NOT_CLOSED');
    await t.call('store:close', {});
    expect((await errorOf(t.call('subscriptions:import', { fileName: 'a.csv', contentBase64 }))).code).toBe('STORE_CLOSED');
    expect((await errorOf(t.call('subscriptions:save', { create: false, application: data.apps[0] }))).code).toBe('STORE_CLOSED');
    const partial = { ...applyInput(preview.planHash), checked: TAX_UPDATE_CHECKLIST_IDS.slice(1) };
    expect((await errorOf(t.call('taxUpdate:apply', partial))).code).toBe('CHECKLIST_INCOMPLETE');
    expect((await errorOf(t.call('taxUpdate:apply', { ...applyInput(preview.planHash), understood: false }))).code).toBe(
      'CHECKLIST_INCOMPLETE',
    );

    // two concurrent calls (a double click): exactly one runs
    const results = await Promise.allSettled([
      t.call('taxUpdate:apply', applyInput(preview.planHash)),
      t.call('taxUpdate:apply', applyInput(preview.planHash)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const again = await errorOf(t.call('taxUpdate:apply', applyInput(preview.planHash)));
    expect(again.code).toBe('ALREADY_APPLIED');
    expect(again.message).toContain('一回のみ');

    // once only per rate change, not per event id: a second event with the same 8→10 / 8→8 is refused,
    // nothing written (before, it re-rated every price a second time)
    const copy = await t.call<{ id: string }>('taxUpdate:addEvent', { ...PRESET_2019, id: 'copy-2019', label: '標準10%(再登録)' });
    const beforeCopy = dumpSubscriptions(t.core.db);
    const copyPreview = await t.call<Preview>('taxUpdate:preview', { eventId: copy.id, rounding: 'round', limit: 10 });
    const dup = await errorOf(t.call('taxUpdate:apply', { ...applyInput(copyPreview.planHash), eventId: copy.id }));
    expect(dup.code).toBe('ALREADY_APPLIED');
    expect(dup.message).toContain(`と同じ税率の変更は「${PRESET_2019.label}」として`);
    expect(dumpSubscriptions(t.core.db)).toBe(beforeCopy);

    const history = await t.call<{ runs: { id: number; changeCount: number; backupFile: string; changedPrices: number }[]; adminLogs: { action: string }[] }>(
      'taxUpdate:history',
      {},
    );
    expect(history.runs).toHaveLength(1);
    expect(history.runs[0]!.changeCount).toBe(preview.changeCount);
    expect(history.runs[0]!.changedPrices).toBe(preview.changedPrices);
    expect(existsSync(history.runs[0]!.backupFile)).toBe(true);
    expect(history.adminLogs.map((l) => l.action)).toEqual(['taxUpdate.apply', 'store.close']);
    const changes = await t.call<{ total: number; rows: { applicationCode: string; field: string; oldValue: string; newValue: string }[] }>(
      'taxUpdate:changes',
      {
        runId: history.runs[0]!.id,
        limit: 200_000,
      },
    );
    expect(changes.rows.map((c) => [c.applicationCode, c.field, c.oldValue, c.newValue])).toEqual(
      preview.changes.map((c) => [c.applicationCode, c.field, String(c.old), String(c.new)]),
    );
    // the same event never targets its own result again
    const after = await t.call<Preview>('taxUpdate:preview', { eventId: PRESET_2019.id, rounding: 'round' });
    expect(after.targets).toBe(0);
    await t.call('store:open', {});
  });

  it('refuses when the data changed after the preview (preview again)', async () => {
    const preview = await t.call<Preview>('taxUpdate:preview', { eventId: PRESET_2019.id, rounding: 'floor' });
    const target = data.apps.find((a) => a.status === '継続中' && a.standardRate === 8 && !a.orderProcessed)!;
    const edited = structuredClone(target);
    // a 税込 標準 item at ¥1,000 always changes (1,000 → 1,018 切り捨て), so the plan differs
    edited.items[0] = {
      ...edited.items[0]!,
      productCode: 'P1',
      variationH: '',
      variationV: '',
      taxIncluded: true,
      taxRateType: '標準',
      firstPrice: 1000,
    };
    await t.call('subscriptions:save', { create: false, application: edited });
    await t.call('store:close', {});
    const before = dumpSubscriptions(t.core.db);
    const e = await errorOf(t.call('taxUpdate:apply', { ...applyInput(preview.planHash), rounding: 'floor' }));
    expect(e.code).toBe('CONFLICT');
    expect(dumpSubscriptions(t.core.db)).toBe(before);
    const history = await t.call<{ runs: unknown[] }>('taxUpdate:history', {});
    expect(history.runs).toHaveLength(0);
  });

  it('a write by another connection after the preview (the CLI, another window) is seen: CONFLICT', async () => {
    await t.call('store:close', {});
    const preview = await t.call<Preview>('taxUpdate:preview', { eventId: PRESET_2019.id, rounding: 'round' });
    // a second connection changes a target's price: total_changes of the app's connection stays, data_version moves
    const other = new Database(join(t.dataDir, DB_FILE_NAME));
    const target = data.apps.find((a) => a.status === '継続中' && a.standardRate === 8 && !a.orderProcessed)!;
    other
      .prepare(
        "update subscription_items set tax_included = 1, tax_rate_type = '標準', product_code = 'P1', variation_h = '', variation_v = '', first_price = 1000 where application_id = (select id from subscription_applications where code = ?) and line_no = 1",
      )
      .run(target.code);
    other.close();
    const before = dumpSubscriptions(t.core.db);
    expect((await errorOf(t.call('taxUpdate:apply', applyInput(preview.planHash)))).code).toBe('CONFLICT');
    expect(dumpSubscriptions(t.core.db)).toBe(before);
    // preview again → apply works
    const again = await t.call<Preview>('taxUpdate:preview', { eventId: PRESET_2019.id, rounding: 'round' });
    expect(again.planHash).not.toBe(preview.planHash);
    await t.call('taxUpdate:apply', applyInput(again.planHash));
  });

  it('no automatic backup, no run: a failed backup writes nothing', async () => {
    rmSync(join(t.dataDir, 'backups'), { recursive: true, force: true });
    writeFileSync(join(t.dataDir, 'backups'), 'not a folder');
    await t.call('store:close', {});
    const preview = await t.call<Preview>('taxUpdate:preview', { eventId: PRESET_2019.id, rounding: 'round' });
    const before = dumpSubscriptions(t.core.db);
    const phases: unknown[] = [];
    t.core.events.subscribe((event, payload) => {
      if (event === 'taxUpdate:progressed') phases.push((payload as { phase: string }).phase);
    });
    const e = await errorOf(t.call('taxUpdate:apply', applyInput(preview.planHash)));
    expect(phases).toEqual(['backup', 'failed']);
    expect(e.code).toBe('INTERNAL');
    expect(e.message).toContain('自動バックアップを作成できなかった');
    expect(dumpSubscriptions(t.core.db)).toBe(before);
    expect((await t.call<{ runs: unknown[] }>('taxUpdate:history', {})).runs).toHaveLength(0);
  });

  it('restore gives back the exact prior data and undoes the run: the event may run again', async () => {
    const before = dumpSubscriptions(t.core.db);
    await t.call('store:close', {});
    const preview = await t.call<Preview>('taxUpdate:preview', { eventId: PRESET_2019.id, rounding: 'ceil' });
    const phases: unknown[] = [];
    const off = t.core.events.subscribe((event, payload) => {
      if (event === 'taxUpdate:progressed') phases.push((payload as { phase: string }).phase);
    });
    const run = await t.call<{ id: number }>('taxUpdate:apply', { ...applyInput(preview.planHash), rounding: 'ceil' });
    off();
    expect(phases).toEqual(['backup', 'updating', 'finished']);
    expect(dumpSubscriptions(t.core.db)).not.toBe(before);
    expect((await errorOf(t.call('taxUpdate:restore', { runId: run.id, confirm: false }))).code).toBe('VALIDATION');
    const restored = await t.call<{ restoredAt: string | null }>('taxUpdate:restore', { runId: run.id, confirm: true });
    expect(restored.restoredAt).not.toBeNull();
    expect(dumpSubscriptions(t.core.db)).toBe(before);
    expect((await errorOf(t.call('taxUpdate:restore', { runId: run.id, confirm: true }))).code).toBe('CONFLICT');
    const events = await t.call<{ id: string; run: { restoredAt: string | null } | null }[]>('taxUpdate:events', {});
    expect(events.find((e) => e.id === PRESET_2019.id)?.run?.restoredAt).not.toBeNull();
    // the data is back before the run, so the same plan as the first time: it runs again, once
    const again = await t.call<Preview>('taxUpdate:preview', { eventId: PRESET_2019.id, rounding: 'ceil' });
    expect(again.planHash).toBe(preview.planHash);
    const rerun = await t.call<{ id: number }>('taxUpdate:apply', { ...applyInput(again.planHash), rounding: 'ceil' });
    expect(rerun.id).not.toBe(run.id);
    expect((await errorOf(t.call('taxUpdate:apply', { ...applyInput(again.planHash), rounding: 'ceil' }))).code).toBe('ALREADY_APPLIED');
  });

  it('products: 軽減 / 標準 follow the master; 非課税, no 税区分 or no product keep the application setting', async () => {
    const db = t.core.db;
    const exempt = (db.prepare("select id from tax_classes where kind = '非課税'").get() as { id: number }).id;
    const now = t.core.services.ports.now();
    const ins = db.prepare(
      'insert into products (code, variation_h, variation_v, name, tax_class_id, confirmed, created_at, updated_at) values (?, ?, ?, ?, ?, 1, ?, ?)',
    );
    ins.run('EX', '', '', '非課税品', exempt, now, now);
    ins.run('NOCLASS', '', '', '税区分なし', null, now, now);
    const app = (code: string, productCode: string, taxRateType: '標準' | '軽減') => ({
      code,
      customerCode: 'C1',
      status: '継続中' as const,
      orderProcessed: false,
      standardRate: 8,
      reducedRate: 8,
      items: [
        {
          productCode,
          variationH: '',
          variationV: '',
          name: 'x',
          quantity: 1,
          firstPrice: 1080,
          regularPrice: 1080,
          lastPrice: 1080,
          taxIncluded: true,
          taxRateType,
          options: [],
        },
      ],
    });
    // fixture master: P1 is 標準 and P2 軽減 (no variations); GONE is not in the master (deleted)
    const apps = [
      app('A1', 'EX', '軽減'),
      app('A2', 'NOCLASS', '軽減'),
      app('A3', 'GONE', '軽減'),
      app('A4', 'P1', '軽減'),
      app('A5', 'P2', '標準'),
    ];
    t.core.services.repos.subscriptions.replaceAll(apps, now);
    const preview = await t.call<Preview>('taxUpdate:preview', { eventId: PRESET_2019.id, rounding: 'floor', limit: 1000 });
    const typeChanges = preview.changes.filter((c) => c.field === 'taxRateType').map((c) => [c.applicationCode, c.old, c.new]);
    // EX (非課税), NOCLASS and GONE keep 軽減; P1 turns the 軽減 item 標準; P2 turns the 標準 item 軽減
    expect(typeChanges).toEqual([
      ['A4', '軽減', '標準'],
      ['A5', '標準', '軽減'],
    ]);
    const firstPrices = preview.changes.filter((c) => c.field === 'firstPrice').map((c) => [c.applicationCode, c.old, c.new]);
    // kept 軽減 (8 → 8) stays 1,080; A4 now 標準 is re-rated from its old 8 % to 10 %: 1,100; A5 標準 → 軽減 stays
    expect(firstPrices).toEqual([['A4', 1080, 1100]]);
  });

  it('a later rate-change event is data with its own one-time run', async () => {
    const e = await errorOf(t.call('taxUpdate:addEvent', { ...PRESET_2019, id: 'bad', newStandard: 8, newReduced: 8 }));
    expect(e.code).toBe('VALIDATION');
    const cut = {
      id: 'jp-2027-04-01',
      label: '軽減税率引下げ(8%→6%)',
      effectiveDate: '2027-04-01',
      oldStandard: 10,
      newStandard: 10,
      oldReduced: 8,
      newReduced: 6,
    };
    await t.call('taxUpdate:addEvent', cut);
    expect((await errorOf(t.call('taxUpdate:addEvent', cut))).code).toBe('CONFLICT');
    const events = await t.call<{ id: string }[]>('taxUpdate:events', {});
    expect(events.map((x) => x.id)).toEqual([PRESET_2019.id, cut.id]);
  });
});
