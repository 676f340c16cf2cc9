/**
 * The renderer's data layer: every query key starts with a data root main can announce, and a
 * `data:changed` (or a mutation's meta.changes) marks exactly the queries under those roots — and
 * the queries that read them — as stale. The expected roots are written out here by hand, not
 * derived from the factories under test.
 */
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_ROOTS, type DataRoot } from '../../src-shared/ipc/data-roots';
import { appQueries } from '../../src-renderer/queries/app';
import { listenToDataChanges } from '../../src-renderer/queries/data-changed';
import { ecSettingQueries, paymentRuleQueries, productLinkQueries } from '../../src-renderer/queries/ec-settings';
import { importQueries, systemLogQueries } from '../../src-renderer/queries/import';
import { masterQueries, partnerQueries, productQueries } from '../../src-renderer/queries/masters';
import { createQueryClient } from '../../src-renderer/queries/query-client';
import { companyQueries, receivablesQueries } from '../../src-renderer/queries/receivables';
import { scheduleQueries } from '../../src-renderer/queries/schedules';
import { stockQueries } from '../../src-renderer/queries/stock';
import { slipQueries } from '../../src-renderer/queries/slips';
import { subscriptionQueries } from '../../src-renderer/queries/subscriptions';
import { taxUpdateQueries } from '../../src-renderer/queries/tax-update';

type Options = { queryKey: QueryKey; meta?: { reads?: readonly DataRoot[] } };

/** name → the query, and the root its key must start with */
const QUERIES: [string, Options, DataRoot][] = [
  ['app info', appQueries.info(), 'app'],
  ['部門 list', masterQueries('departments').list({ query: '' }, null), 'departments'],
  ['税区分 options', masterQueries('taxClasses').options(200), 'taxClasses'],
  ['ワークフロー options', masterQueries('workflows').options(500), 'workflows'],
  ['倉庫 options', partnerQueries.optionsOfKind('倉庫', 2000), 'partners'],
  ['商品 search', productQueries.confirmedSearch('P', 20), 'products'],
  ['請求口座 options', masterQueries('bankAccounts').options(2000), 'bankAccounts'],
  ['EC連携設定 list', ecSettingQueries.list(), 'ecSettings'],
  ['ECサイト認証', ecSettingQueries.connection(1), 'ecSettings'],
  ['決済方法ごとの得意先', paymentRuleQueries.list(1), 'paymentRules'],
  ['EC連携商品', productLinkQueries.list(1), 'productLinks'],
  ['import targets', importQueries.targets(), 'import'],
  ['取込履歴', importQueries.history(1), 'import'],
  ['取込結果', importQueries.run(1), 'import'],
  ['システムログ', systemLogQueries.list({ level: null, runId: null }), 'systemLog'],
  ['出荷伝票 list', slipQueries.shipments({}), 'slips'],
  ['出荷伝票 detail', slipQueries.shipment(1), 'slips'],
  ['請求伝票 list', slipQueries.invoices({}), 'slips'],
  ['請求伝票 detail', slipQueries.invoice(1), 'slips'],
  ['スケジュール list', scheduleQueries.list(), 'schedules'],
  ['スケジュール state', scheduleQueries.state(), 'schedules'],
  ['実行履歴', scheduleQueries.runs(1), 'schedules'],
  ['ログイン時に起動', scheduleQueries.loginItem(), 'schedules'],
  ['定期申込 list', subscriptionQueries.list({}), 'subscriptions'],
  ['定期申込 detail', subscriptionQueries.detail('S1'), 'subscriptions'],
  ['税率改定', taxUpdateQueries.events(), 'taxUpdate'],
  ['処理履歴', taxUpdateQueries.history(), 'taxUpdate'],
  ['変更一覧', taxUpdateQueries.changes(1), 'taxUpdate'],
  ['自社情報', companyQueries.detail(), 'company'],
  ['請求書 list', receivablesQueries.statements({}), 'receivables'],
  ['請求書 detail', receivablesQueries.statement(1), 'receivables'],
  ['入金伝票 list', receivablesQueries.payments(null), 'receivables'],
  ['未入金の請求', receivablesQueries.openItems(1), 'receivables'],
  ['売掛金残高', receivablesQueries.balances('2025-01-31'), 'receivables'],
  ['入金予定', receivablesQueries.schedule('2025-01-31'), 'receivables'],
  ['確定済みの倉庫', partnerQueries.confirmedOfKind('倉庫'), 'partners'],
  ['入荷・在庫移動 list', stockQueries.slips({}), 'stock'],
  ['入荷・在庫移動 detail', stockQueries.slip(1), 'stock'],
  ['在庫一覧', stockQueries.list({}), 'stock'],
  ['入出庫明細', stockQueries.movements(1, 1), 'stock'],
  ['在庫反映状況', stockQueries.outbox(1, null), 'stock'],
  ['在庫反映の件数', stockQueries.counts(), 'stock'],
  ['送信方法', stockQueries.options(1), 'stock'],
];

/** 売掛管理 figures computed from the 請求伝票: an import that adds invoices changes them */
const FROM_INVOICES = ['請求書 detail', '未入金の請求', '売掛金残高', '入金予定'];

let push: ((payload: unknown) => void) | null = null;
beforeEach(() => {
  push = null;
  (window as unknown as { api: unknown }).api = {
    on: (event: string, listener: (payload: unknown) => void) => {
      if (event === 'data:changed') push = listener;
      return () => undefined;
    },
  };
});
afterEach(() => {
  (window as unknown as { api?: unknown }).api = undefined;
});

/** Puts every query of the table into the cache (fresh, with data) and answers which are stale now. */
function seed(qc: QueryClient): () => string[] {
  for (const [, options] of QUERIES) {
    qc.getQueryCache().build(qc, { ...options, queryFn: () => 'x' }).setData('x');
  }
  return () =>
    QUERIES.filter(([, o]) => qc.getQueryCache().find({ queryKey: o.queryKey, exact: true })?.state.isInvalidated)
      .map(([name]) => name)
      .sort();
}

const namesUnder = (...roots: DataRoot[]) =>
  QUERIES.filter(([, , root]) => roots.includes(root))
    .map(([name]) => name)
    .sort();

describe('query keys', () => {
  it.each(QUERIES)('%s starts with its data root', (_name, options, root) => {
    expect(options.queryKey[0]).toBe(root);
    expect(DATA_ROOTS).toContain(root);
  });

  it('every data root has queries (no root main announces that no screen reads)', () => {
    expect(new Set(QUERIES.map(([, , root]) => root))).toEqual(new Set(DATA_ROOTS));
  });
});

describe('data:changed', () => {
  it('invalidates exactly the queries under the announced roots', () => {
    const qc = new QueryClient();
    const stale = seed(qc);
    listenToDataChanges(qc);
    push!({ roots: ['company'] });
    expect(stale()).toEqual(['自社情報']);
    push!({ roots: ['import', 'systemLog'] });
    expect(stale()).toEqual(namesUnder('company', 'import', 'systemLog'));
  });

  it('also invalidates the queries that read an announced root (meta.reads)', () => {
    const qc = new QueryClient();
    const stale = seed(qc);
    listenToDataChanges(qc);
    // stock slips and 在庫一覧 show 倉庫・仕入先 and 商品 names
    const showingMasters = ['入荷・在庫移動 list', '入荷・在庫移動 detail', '在庫一覧'];
    push!({ roots: ['slips'] });
    expect(stale()).toEqual([...namesUnder('slips'), ...FROM_INVOICES].sort());
    push!({ roots: ['partners'] });
    const partnerReaders = ['決済方法ごとの得意先', ...FROM_INVOICES, '請求書 list', '入金伝票 list', ...showingMasters];
    expect(stale()).toEqual([...new Set([...namesUnder('slips', 'partners'), ...partnerReaders])].sort());
    push!({ roots: ['products'] });
    expect(stale()).toEqual([...new Set([...namesUnder('slips', 'partners', 'products'), ...partnerReaders, 'EC連携商品'])].sort());
    push!({ roots: ['ecSettings'] });
    expect(stale()).toContain('import targets');
    push!({ roots: ['bankAccounts'] });
    expect(stale()).toContain('自社情報');
  });

  it('refreshes everything when the payload does not match the contract', () => {
    const qc = new QueryClient();
    const stale = seed(qc);
    listenToDataChanges(qc);
    push!({ roots: ['stock-of-a-newer-main'] });
    expect(stale()).toEqual(QUERIES.map(([name]) => name).sort());
  });
});

describe('mutation meta.changes', () => {
  it('invalidates the roots a mutation names once it succeeds, and nothing when it fails', async () => {
    const qc = createQueryClient();
    const stale = seed(qc);
    await expect(
      qc
        .getMutationCache()
        .build(qc, { mutationFn: () => Promise.reject(new Error('refused')), meta: { changes: ['taxUpdate'] } })
        .execute(undefined),
    ).rejects.toThrow('refused');
    expect(stale()).toEqual([]);
    await qc
      .getMutationCache()
      .build(qc, { mutationFn: () => Promise.resolve('ok'), meta: { changes: ['schedules'] } })
      .execute(undefined);
    expect(stale()).toEqual(namesUnder('schedules'));
  });
});
