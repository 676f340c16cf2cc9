/**
 * 定期申込 settled after the first release (docs/tax-rules.md#targets-and-once-only), on real SQLite
 * files through the core's dispatch and the CLI:
 * - the 販売価格 (初回 / 通常回 / 最終回) are stored on the application at import and updated by the
 *   run with its 算出設定; the figures are the worked examples of docs/tax-rules.md, typed here;
 * - a restore from the run's backup is an explicit undo: the event (or one of the same rates) may
 *   run again, the screen / CLI say so, and the 管理者ログ — not among the restored tables — keeps
 *   the run's entry and gains the restore's in the same transaction (a failure inside it leaves
 *   neither data nor log half-written);
 * - a run cannot be restored while a later run is still in force (it would be undone silently).
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { PRESET_2019, type SubscriptionApplication } from '../../../src-shared/tax-update/types';
import { TAX_UPDATE_CHECKLIST_IDS } from '../../../src-shared/tax-update/checklist';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { dumpSubscriptions } from './tax-update-fixture';

/** one standard 税込 item 初回 ¥1,000 / 通常回 ¥1,080 / 最終回 ¥500 (the worked example) */
const INCL: SubscriptionApplication = {
  code: 'A-INCL',
  customerCode: 'C1',
  status: '継続中',
  orderProcessed: false,
  standardRate: 8,
  reducedRate: 8,
  items: [
    {
      productCode: 'P1',
      variationH: '',
      variationV: '',
      name: '定期品',
      quantity: 1,
      firstPrice: 1000,
      regularPrice: 1080,
      lastPrice: 500,
      taxIncluded: true,
      taxRateType: '標準',
      options: [],
    },
  ],
};
/** one standard 税抜 item ¥1,234 (the 税抜 example): ¥1,332 at 8 %, ¥1,357 at 10 %, 切り捨て */
const EXCL: SubscriptionApplication = {
  ...INCL,
  code: 'A-EXCL',
  items: [{ ...INCL.items[0]!, firstPrice: 1234, regularPrice: 1234, lastPrice: 1234, taxIncluded: false }],
};
/** 停止: no target, keeps its figures */
const STOPPED: SubscriptionApplication = { ...INCL, code: 'A-STOP', status: '停止' };

interface Run {
  id: number;
  restoredAt: string | null;
}

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return (e as { data: { code: string; message: string } }).data;
  }
  throw new Error('expected an error');
}

describe('定期申込: stored 販売価格, restore as an explicit undo', () => {
  let t: TestCore;
  const sales = (code: string) =>
    t.core.db.prepare('select sale_first f, sale_regular r, sale_last l from subscription_applications where code = ?').get(code);
  const logs = () => t.core.db.prepare('select action, message from admin_logs order by id').all() as { action: string; message: string }[];
  const apply = async (eventId: string, rounding = 'floor') => {
    const p = await t.call<{ planHash: string }>('taxUpdate:preview', { eventId, rounding, limit: 10 });
    return t.call<Run>('taxUpdate:apply', { eventId, rounding, checked: [...TAX_UPDATE_CHECKLIST_IDS], understood: true, planHash: p.planHash });
  };

  beforeEach(async () => {
    t = await makeTestCore();
    t.core.services.repos.subscriptions.replaceAll([INCL, EXCL, STOPPED], t.core.services.ports.now());
    await t.call('store:close', {});
  });
  afterEach(() => t.close());

  it('stores the 販売価格 at import and the run updates them with its 算出設定', async () => {
    expect(sales('A-INCL')).toEqual({ f: 1000, r: 1080, l: 500 });
    expect(sales('A-EXCL')).toEqual({ f: 1332, r: 1332, l: 1332 });
    await apply(PRESET_2019.id, 'floor');
    expect(sales('A-INCL')).toEqual({ f: 1018, r: 1100, l: 509 });
    expect(sales('A-EXCL')).toEqual({ f: 1357, r: 1357, l: 1357 });
    expect(sales('A-STOP')).toEqual({ f: 1000, r: 1080, l: 500 });
  });

  it('切り上げ stores the ceiling figures of the worked example', async () => {
    await apply(PRESET_2019.id, 'ceil');
    expect(sales('A-INCL')).toEqual({ f: 1019, r: 1100, l: 510 });
    // 税抜 ¥1,234 at 10 %: tax 123.4 → 124
    expect(sales('A-EXCL')).toEqual({ f: 1358, r: 1358, l: 1358 });
  });

  it('an edit stores the 販売価格 of the edited application', async () => {
    await t.call('store:open', {});
    const edited = { ...INCL, items: [{ ...INCL.items[0]!, quantity: 3 }] };
    await t.call('subscriptions:save', { create: false, application: edited });
    expect(sales('A-INCL')).toEqual({ f: 3000, r: 3240, l: 1500 });
  });

  it('a restore undoes the run: data and 販売価格 back, the event and one of the same rates may run again, once', async () => {
    const before = dumpSubscriptions(t.core.db);
    const first = await apply(PRESET_2019.id);
    expect((await errorOf(apply(PRESET_2019.id))).code).toBe('ALREADY_APPLIED');
    const copy = await t.call<{ id: string }>('taxUpdate:addEvent', { ...PRESET_2019, id: 'copy-2019', label: '標準10%(再登録)' });
    expect((await errorOf(apply(copy.id))).code).toBe('ALREADY_APPLIED');

    const restored = await t.call<Run>('taxUpdate:restore', { runId: first.id, confirm: true });
    expect(restored.restoredAt).not.toBeNull();
    expect(dumpSubscriptions(t.core.db)).toBe(before);
    expect(sales('A-INCL')).toEqual({ f: 1000, r: 1080, l: 500 });
    const events = await t.call<{ id: string; run: { restoredAt: string | null } | null }[]>('taxUpdate:events', {});
    expect(events.find((e) => e.id === PRESET_2019.id)?.run?.restoredAt).not.toBeNull();

    // the same rate change, under the duplicate event: it runs (the data is back before the change) …
    const second = await apply(copy.id);
    expect(sales('A-INCL')).toEqual({ f: 1018, r: 1100, l: 509 });
    // … and once only holds again, for both events
    const dup = await errorOf(apply(PRESET_2019.id));
    expect(dup.code).toBe('ALREADY_APPLIED');
    expect(dup.message).toContain('標準10%(再登録)');
    expect((await errorOf(apply(copy.id))).code).toBe('ALREADY_APPLIED');

    // undo that one too, then the preset itself runs again
    await t.call('taxUpdate:restore', { runId: second.id, confirm: true });
    await apply(PRESET_2019.id);
    const runs = (await t.call<{ runs: Run[] }>('taxUpdate:history', {})).runs;
    expect(runs.map((r) => r.restoredAt === null)).toEqual([true, false, false]);
    // the database itself refuses two active runs of one event
    expect(() =>
      t.core.db
        .prepare("insert into tax_update_runs (rate_event_id, rounding, targets, changed_applications, changed_prices, executed_at) values (?, 'floor', 0, 0, 0, 'x')")
        .run(PRESET_2019.id),
    ).toThrow(/UNIQUE/);
  });

  it('refuses to restore a run while a later run is in force; restoring in reverse order works', async () => {
    const first = await apply(PRESET_2019.id);
    // a reduced-rate cut on the result: 10 % stays, 8 % → 6 %
    await t.call('taxUpdate:addEvent', {
      id: 'cut-2030',
      label: '軽減6%',
      effectiveDate: '2030-04-01',
      oldStandard: 10,
      newStandard: 10,
      oldReduced: 8,
      newReduced: 6,
    });
    const second = await apply('cut-2030');
    const afterFirst = t.core.db.prepare('select count(*) n from tax_update_runs where restored_at is null').get();
    expect(afterFirst).toEqual({ n: 2 });
    const e = await errorOf(t.call('taxUpdate:restore', { runId: first.id, confirm: true }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain(`処理履歴 No.${second.id}`);
    await t.call('taxUpdate:restore', { runId: second.id, confirm: true });
    await t.call('taxUpdate:restore', { runId: first.id, confirm: true });
    expect(sales('A-INCL')).toEqual({ f: 1000, r: 1080, l: 500 });
  });

  it('refuses to restore while the store takes orders (定期申込 could be edited or imported meanwhile); nothing changes', async () => {
    const run = await apply(PRESET_2019.id);
    const after = dumpSubscriptions(t.core.db);
    await t.call('store:open', {});
    const logsBefore = logs(); // 受付再開 is logged too
    const e = await errorOf(t.call('taxUpdate:restore', { runId: run.id, confirm: true }));
    expect(e.code).toBe('STORE_NOT_CLOSED');
    expect(e.message).toContain('受付停止になっていないため復元できません');
    expect(dumpSubscriptions(t.core.db)).toBe(after);
    expect(logs()).toEqual(logsBefore);
    expect((await t.call<{ runs: Run[] }>('taxUpdate:history', {})).runs[0]!.restoredAt).toBeNull();
    await t.call('store:close', {});
    expect((await t.call<Run>('taxUpdate:restore', { runId: run.id, confirm: true })).restoredAt).not.toBeNull();
  });

  it('the 管理者ログ is outside the restored data: the run entry survives, the restore entry says the run may be done again', async () => {
    const run = await apply(PRESET_2019.id);
    const backupFile = (await t.call<{ runs: { backupFile: string }[] }>('taxUpdate:history', {})).runs[0]!.backupFile;
    // the backup was taken before the run wrote its entry: a whole-file restore would lose it
    const bk = new Database(backupFile, { readonly: true });
    const inBackup = bk.prepare("select count(*) n from admin_logs where action = 'taxUpdate.apply'").get();
    bk.close();
    expect(inBackup).toEqual({ n: 0 });

    await t.call('taxUpdate:restore', { runId: run.id, confirm: true });
    const entries = logs().filter((l) => l.action.startsWith('taxUpdate.'));
    expect(entries.map((l) => l.action)).toEqual(['taxUpdate.apply', 'taxUpdate.restore']);
    expect(entries[1]!.message).toContain(`(処理履歴 No.${run.id})を取り消し`);
    expect(entries[1]!.message).toContain('この税率改定の自動更新はもう一度実行できます。');
  });

  it('a failure inside the restore leaves data, run and 管理者ログ as they were', async () => {
    const run = await apply(PRESET_2019.id);
    const after = dumpSubscriptions(t.core.db);
    const logsBefore = logs();
    const repo = t.core.services.repos.taxUpdate;
    const orig = repo.markRestored;
    // fails after the applications were deleted and copied back, inside the same transaction
    repo.markRestored = () => {
      throw new Error('disk I/O error (injected)');
    };
    try {
      await expect(t.call('taxUpdate:restore', { runId: run.id, confirm: true })).rejects.toThrow();
    } finally {
      repo.markRestored = orig;
    }
    expect(dumpSubscriptions(t.core.db)).toBe(after);
    expect(logs()).toEqual(logsBefore);
    expect((await t.call<{ runs: Run[] }>('taxUpdate:history', {})).runs[0]!.restoredAt).toBeNull();
    expect((await errorOf(apply(PRESET_2019.id))).code).toBe('ALREADY_APPLIED');
    // and the restore still works afterwards
    await t.call('taxUpdate:restore', { runId: run.id, confirm: true });
    expect(sales('A-INCL')).toEqual({ f: 1000, r: 1080, l: 500 });
  });

  it('a backup from before the 販売価格 were stored restores them computed as an import stores them', async () => {
    const run = await apply(PRESET_2019.id);
    const backupFile = (await t.call<{ runs: { backupFile: string }[] }>('taxUpdate:history', {})).runs[0]!.backupFile;
    // the backup as an older version wrote it: no sale-price columns
    const bk = new Database(backupFile);
    for (const c of ['sale_first', 'sale_regular', 'sale_last']) bk.exec(`alter table subscription_applications drop column ${c}`);
    bk.close();
    await t.call('taxUpdate:restore', { runId: run.id, confirm: true });
    expect(sales('A-INCL')).toEqual({ f: 1000, r: 1080, l: 500 });
    expect(sales('A-EXCL')).toEqual({ f: 1332, r: 1332, l: 1332 });
  });

  it('CLI: tax-update:history and tax-update:restore (needs --confirm, says the run may be done again)', async () => {
    // a data folder of the test's own: the default one goes with its core
    t.close();
    const own = makeTempDir();
    onTestFinished(() => own.cleanup());
    const dir = own.dir;
    t = await makeTestCore({}, dir);
    t.core.services.repos.subscriptions.replaceAll([INCL, EXCL, STOPPED], t.core.services.ports.now());
    await t.call('store:close', {});
    const run = await apply(PRESET_2019.id);
    t.close();
    const cli = async (argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const h = await cli(['tax-update:history', '--data-dir', dir, '--json']);
    expect(h.code, h.err).toBe(0);
    expect((JSON.parse(h.out) as Run[]).map((r) => [r.id, r.restoredAt])).toEqual([[run.id, null]]);
    const noConfirm = await cli(['tax-update:restore', '--data-dir', dir, '--run', String(run.id)]);
    expect(noConfirm.code).not.toBe(0);
    expect(noConfirm.err).toContain('--confirm');
    const r = await cli(['tax-update:restore', '--data-dir', dir, '--run', String(run.id), '--confirm']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('この税率改定の自動更新はもう一度実行できます。');
    const again = await cli(['tax-update:restore', '--data-dir', dir, '--run', String(run.id), '--confirm']);
    expect(again.code).not.toBe(0);
    expect(again.err).toContain('すでに復元済み');
    const listed = await cli(['tax-update:history', '--data-dir', dir]);
    expect(listed.out).toContain('再実行できます');
    const a = await cli(['tax-update:apply', '--data-dir', dir, '--rounding', 'floor', '--confirm']);
    expect(a.code, a.err).toBe(0);
    t = await makeTestCore({}, dir);
  });
});
