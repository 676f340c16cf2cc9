/**
 * The fetch step of 出荷取込処理: connect with the setting's shared credentials and rate limiter,
 * read the window's orders, then re-read the watched orders of earlier windows (not fully shipped
 * yet) that the window did not bring. Only reads: nothing is written here.
 */
import { AppError } from '../../../src-shared/errors';
import type { BcartProgress } from '../bcart/client';
import type { BcartOrder } from '../bcart/model';
import type { ImportLogEntry } from './import-run-repository';
import type { ImportWindow } from './import-window';
import type { EcSettingRow } from './load-import-masters';
import type { RunState } from './run-state';

/** Ids per request when re-fetching watched orders. */
const WATCH_CHUNK = 100;

export interface FetchedOrders {
  orders: BcartOrder[];
  /** 注意 lines for watched orders BCart no longer has */
  missingWatched: ImportLogEntry[];
}

/** Fetches everything the run maps; NOT_CONNECTED before any call when the setting has no token. */
export async function fetchOrders(run: RunState, setting: EcSettingRow, window: ImportWindow | null): Promise<FetchedOrders> {
  const { deps, runId } = run;
  const signal = run.opts.signal;
  const connection = { id: setting.id, rateBudget: setting.rateBudget, ...setting.oauth };
  const auth = deps.bcart.auth(connection);
  const authState = await auth.state();
  run.checkAborted();
  if (authState.status === '未認証') {
    throw new AppError('NOT_CONNECTED', `EC連携設定「${setting.name}」はBカートに未認証です。EC連携設定の画面で「ECサイト認証」またはアクセストークンの登録を行ってから、もう一度実行してください。`);
  }
  // pages of the finished calls, so the count keeps growing over the window and the watch list
  let basePages = 0;
  let phasePages = 0;
  const client = deps.bcart.client(connection, {
    ...run.opts.client,
    onProgress: (p: BcartProgress) => {
      phasePages = p.pagesFetched;
      run.report({ pages: basePages + p.pagesFetched, requests: p.requests });
    },
  });
  run.countCallsWith(() => client.stats().requests);

  run.report({ phase: 'fetching' });
  const orders: BcartOrder[] = window ? await client.listOrders({ orderedFrom: window.from, orderedTo: window.to }, { signal }) : [];
  run.checkAborted();
  run.report({ orders: orders.length });
  basePages += phasePages;
  phasePages = 0;

  // orders of earlier windows that were not fully shipped
  run.report({ phase: 'watching' });
  const have = new Set(orders.map((o) => o.id));
  const watched = deps.repos.importRuns.watched(setting.id).filter((w) => !have.has(w.id));
  const missingWatched: ImportLogEntry[] = [];
  for (let i = 0; i < watched.length; i += WATCH_CHUNK) {
    const chunk = watched.slice(i, i + WATCH_CHUNK);
    const found = await client.listOrders({ ids: chunk.map((w) => w.id) }, { signal });
    run.checkAborted();
    basePages += phasePages;
    phasePages = 0;
    const foundIds = new Set(found.map((o) => o.id));
    orders.push(...found);
    for (const w of chunk) {
      if (!foundIds.has(w.id)) {
        missingWatched.push({
          runId,
          level: 'warn',
          orderCode: w.code,
          code: 'WATCHED_ORDER_MISSING',
          message: `受注番号 ${w.code}: 出荷待ちとして確認中の注文がBカートで見つかりません（削除された可能性があります）。Bカートで注文を確認してください。確認が済むまで毎回確認します。`,
          createdAt: deps.now(),
        });
      }
    }
    run.report({ orders: orders.length });
  }
  return { orders, missingWatched };
}
