/**
 * ホーム (ダッシュボード): what a clerk needs today, one tile per area, each linking to its screen —
 * connection (要再認証), the last 出荷取込処理 and whether it caught up, 出荷待ち and 要確認 orders, the
 * next scheduled run, 未確定 売上伝票 and this month's sales, 在庫反映 (未送信 / 失敗 / 要確認) and the last
 * 在庫照合's drift, 請求 due this week / overdue, 受付停止. A first run (nothing
 * configured) shows the way to 初期設定 and 「デモデータで試す」 instead.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatJstDate, formatJstDateTime } from '../../format/datetime';
import { formatCount, formatYen } from '../../format/number';
import { appQueries } from '../../queries/app';
import { dashboardQueries } from '../../queries/dashboard';
import { ecSettingQueries } from '../../queries/ec-settings';
import { scheduleQueries } from '../../queries/schedules';
import { useNavigation } from '../../stores/navigation';
import { DemoSetup } from '../setup/DemoSetup';

const RUN_STATUS: Record<string, string> = { running: '実行中', succeeded: '成功', failed: '失敗', cancelled: '中止' };

function Tile({ title, page, param, tone, children, action }: { title: string; page: string; param?: string; tone?: 'ok' | 'warn' | 'err'; children: ReactNode; action: string }) {
  const { go } = useNavigation();
  return (
    <section className={`tile${tone ? ` tile-${tone}` : ''}`} aria-label={title}>
      <h2>{title}</h2>
      <div className="tile-body">{children}</div>
      <button type="button" className="link-button tile-link" onClick={() => go(page, param ?? null)}>
        {action} →
      </button>
    </section>
  );
}

export function HomePage() {
  const info = useQuery(appQueries.info());
  const setup = useQuery(dashboardQueries.setup());
  const { go } = useNavigation();
  return (
    <div className="page wide">
      <h1>ホーム</h1>
      <ErrorNotice error={setup.error} />
      {info.data?.storeClosed ? (
        <section className="tile tile-warn tile-banner" aria-label="受付停止">
          <h2>受付停止中</h2>
          <p>取込・スケジュール・商品と定期申込の編集を止めています。消費税自動更新が終わったら受付再開してください。</p>
          <button type="button" className="link-button tile-link" onClick={() => go('tax-update')}>
            消費税自動更新を開く →
          </button>
        </section>
      ) : null}
      {setup.data?.firstRun ? <FirstRun /> : null}
      {setup.data && !setup.data.firstRun ? <Tiles /> : null}
      {info.data ? (
        <p className="hint app-facts">
          バージョン {info.data.version}・データ形式 v{info.data.schemaVersion}・データフォルダ {info.data.dataDir}
        </p>
      ) : null}
    </div>
  );
}

function FirstRun() {
  const { go } = useNavigation();
  // once the demo wrote its masters and EC連携設定, ホーム itself turns into the tiles
  return (
    <section className="first-run" aria-label="はじめに">
      <h2>はじめに</h2>
      <p>まだ何も設定されていません。次のどちらかから始めてください。</p>
      <div className="tiles">
        <section className="tile" aria-label="初期設定">
          <h2>1. 初期設定</h2>
          <p>部門・倉庫・請求口座・商品・得意先を登録し、Bカートの接続 (EC連携設定) を作ります。Bカートの商品セットと会員からまとめて作ることもできます。</p>
          <button type="button" className="primary" onClick={() => go('setup')}>
            初期設定へ
          </button>
        </section>
        <section className="tile" aria-label="デモ">
          <h2>2. デモデータで試す</h2>
          <DemoSetup onReady={() => undefined} />
        </section>
      </div>
    </section>
  );
}

function Tiles() {
  const imports = useQuery(dashboardQueries.import());
  const sales = useQuery(dashboardQueries.sales());
  const stock = useQuery(dashboardQueries.stock());
  const due = useQuery(dashboardQueries.receivables());
  const schedules = useQuery(scheduleQueries.list());
  const settings = imports.data?.settings ?? [];
  const connections = useQueries({ queries: settings.map((s) => ecSettingQueries.connection(s.settingId)) });
  const next = (schedules.data?.rows ?? [])
    .filter((j) => j.enabled && j.nextRunAt)
    .map((j) => ({ at: j.nextRunAt!, name: j.name }))
    .sort((a, b) => (a.at < b.at ? -1 : 1))[0];
  const reauth = connections.filter((c) => c.data?.status === '要再認証').length;
  const unauth = connections.filter((c) => c.data?.status === '未認証').length;
  return (
    <>
      <ErrorNotice error={imports.error ?? sales.error ?? schedules.error ?? stock.error ?? due.error} />
      <div className="tiles">
        <Tile title="Bカート接続" page="ec-settings" action="EC連携設定を開く" tone={reauth > 0 ? 'err' : unauth > 0 ? 'warn' : 'ok'}>
          {settings.length === 0 ? <p>EC連携設定がありません。</p> : null}
          <ul>
            {settings.map((s, i) => (
              <li key={s.settingId}>
                {s.name}: <strong>{connections[i]?.data?.status ?? '確認中…'}</strong>
                {connections[i]?.data?.status === '要再認証' ? '（ECサイト認証をやり直してください）' : ''}
              </li>
            ))}
          </ul>
        </Tile>
        {settings.map((s) => (
          <Tile key={s.settingId} title={`出荷取込処理: ${s.name}`} page="import" action="出荷取込処理を開く" tone={s.lastRun?.status === 'failed' || s.needsReview > 0 ? 'err' : s.caughtUp ? 'ok' : 'warn'}>
            <p>
              前回:{' '}
              {s.lastRun ? (
                <>
                  <strong>{RUN_STATUS[s.lastRun.status] ?? s.lastRun.status}</strong> {formatJstDateTime(s.lastRun.finishedAt ?? s.lastRun.startedAt)}（出荷伝票 {formatCount(s.lastRun.shipments)}件・請求伝票{' '}
                  {formatCount(s.lastRun.invoices)}件）
                </>
              ) : (
                'まだ実行していません'
              )}
            </p>
            <p>{s.caughtUp ? '最新まで取り込み済みです。' : `出荷取込開始日 ${s.cursor ?? '未設定'} から未取込の期間があります。`}</p>
            <p>
              出荷待ち {formatCount(s.waitingPartial + s.waitingNone)}件（一部発送 {formatCount(s.waitingPartial)}・未発送 {formatCount(s.waitingNone)}）
              {s.needsReview > 0 ? <strong>・要確認 {formatCount(s.needsReview)}件</strong> : '・要確認なし'}
            </p>
          </Tile>
        ))}
        <Tile title="次回の定期実行" page="schedules" action="バッチスケジュールを開く">
          <p>{next ? `${formatJstDateTime(next.at, { weekday: true })}（${next.name}）` : '有効なスケジュールはありません。'}</p>
        </Tile>
        <Tile title="売上" page="analysis" action="売上分析を開く" tone={sales.data && sales.data.drafts > 0 ? 'warn' : undefined}>
          {sales.data ? (
            <>
              <p>
                今月 ({sales.data.month}) の税抜売上: Bカート {formatYen(sales.data.bcartNet)}・卸 {formatYen(sales.data.wholesaleNet)}
              </p>
              <p>未確定の売上伝票 {formatCount(sales.data.drafts)}件</p>
            </>
          ) : null}
        </Tile>
        {stock.data ? (
          <Tile title="在庫反映" page="stock-push" action={stock.data.failed + stock.data.ambiguous > 0 ? '在庫反映状況で確認する' : '在庫反映状況を開く'} tone={stock.data.failed + stock.data.ambiguous > 0 ? 'err' : stock.data.pending > 0 ? 'warn' : 'ok'}>
            <p>
              未送信 {formatCount(stock.data.pending)}件・失敗 {formatCount(stock.data.failed)}件・要確認 {formatCount(stock.data.ambiguous)}件
            </p>
            {stock.data.failed + stock.data.ambiguous > 0 ? <p>失敗・要確認の在庫反映を確認してください。</p> : null}
          </Tile>
        ) : null}
        {stock.data && stock.data.reconcile.length > 0 ? (
          <Tile title="在庫照合" page="stock-reconcile" action="在庫照合を開く" tone={stock.data.reconcile.some((r) => r.drifted > 0) ? 'warn' : stock.data.reconcile.some((r) => r.readAt === null) ? undefined : 'ok'}>
            <ul>
              {stock.data.reconcile.map((r) => (
                <li key={r.settingId}>
                  {r.name}:{' '}
                  {r.readAt === null ? (
                    'まだ照合していません'
                  ) : (
                    <>
                      {formatJstDateTime(r.readAt)} 照合・{formatCount(r.checked)}セット中 <strong>差異 {formatCount(r.drifted)}セット</strong>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </Tile>
        ) : null}
        {due.data ? (
          <Tile title="請求・入金予定" page="expected-receipts" action="入金予定を開く" tone={due.data.overdue.amount > 0 ? 'err' : due.data.dueThisWeek.amount > 0 ? 'warn' : 'ok'}>
            <p>
              今週 ({formatJstDate(due.data.weekEnd)} まで) の入金予定: {formatYen(due.data.dueThisWeek.amount)}（{formatCount(due.data.dueThisWeek.customers)}社）
            </p>
            <p>
              期日超過: {due.data.overdue.amount > 0 ? <strong>{formatYen(due.data.overdue.amount)}（{formatCount(due.data.overdue.customers)}社）</strong> : 'なし'}
            </p>
          </Tile>
        ) : null}
      </div>
    </>
  );
}
