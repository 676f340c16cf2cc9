/**
 * 売上分析: Bカート and 卸 side by side on tax-excluded goods (出荷基準) by month, 得意先, 商品, 部門 or
 * channel, with last year's figures, the 送料・手数料・ポイント totals and 純売上, a chart, a drill-down to
 * the slips of a row, and CSV出力 of either table.
 */
import { formatJstDate } from '../../format/datetime';
import { DateInput } from '../../components/DateInput';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  ANALYSIS_DIMENSIONS,
  CHANNEL_LABELS,
  DIMENSION_LABELS,
  type AnalysisDimension,
  type AnalysisInput,
  type AnalysisRow,
  type SalesChannel,
} from '../../../src-shared/analysis/sales-analysis';
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { grossMarginRate } from '../../../src-shared/analysis/gross-margin';
import { TableHead } from '../../components/TableHead';
import { formatCount, formatYen } from '../../format/number';
import { api, unwrap } from '../../ipc/api';
import { analysisQueries } from '../../queries/analysis';
import { useNavigation } from '../../stores/navigation';
import { CsvEncodingSelect } from '../csv/CsvEncodingSelect';
import { saveCsv } from '../csv/csv-file';
import { SalesChart, type ChartSeries } from './SalesChart';
import { LabelOptions } from '../../components/LabelOptions';

/** Keys the chart shows (the table shows all): the largest by this year's total. */
const CHART_KEYS = 20;

function chartSeries(rows: readonly AnalysisRow[], by: AnalysisDimension): ChartSeries {
  const keys = new Map<string, { label: string; total: number }>();
  for (const r of rows) {
    const k = keys.get(r.key) ?? { label: by === 'month' || by === 'channel' ? r.label : `${r.key} ${r.label}`, total: 0 };
    k.total += r.net;
    keys.set(r.key, k);
  }
  let shown = [...keys.entries()];
  if (by !== 'month') shown = shown.sort((a, b) => b[1].total - a[1].total).slice(0, CHART_KEYS);
  const of = (key: string, channel: SalesChannel) => rows.find((r) => r.key === key && r.channel === channel)?.net ?? 0;
  const prev = (key: string) => rows.filter((r) => r.key === key).reduce((s, r) => s + r.prevNet, 0);
  return {
    labels: shown.map(([, v]) => v.label),
    bcart: shown.map(([k]) => of(k, 'bcart')),
    wholesale: shown.map(([k]) => of(k, 'wholesale')),
    previous: shown.map(([k]) => prev(k)),
  };
}

function ratio(now: number, prev: number): string {
  if (prev === 0) return '—';
  const pct = Math.round(((now - prev) / Math.abs(prev)) * 1000) / 10;
  return `${pct > 0 ? '+' : ''}${pct}%`;
}

export function AnalysisPage() {
  const today = jstDateOf(Date.now());
  const [by, setBy] = useState<AnalysisDimension>('month');
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [channel, setChannel] = useState<SalesChannel | ''>('');
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const [drill, setDrill] = useState<{ key: string; label: string; channel: SalesChannel } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query: AnalysisInput = { by, from, to, ...(channel ? { channel } : {}) };
  const valid = from !== '' && to !== '' && from <= to;
  const result = useQuery({ ...analysisQueries.sales(query), enabled: valid });
  const slips = useQuery({ ...analysisQueries.slips(drill ? { by, key: drill.key, channel: drill.channel, from, to } : { by, key: '', channel: 'bcart', from, to }), enabled: drill !== null && valid });
  const series = useMemo(() => chartSeries(result.data?.rows ?? [], by), [result.data, by]);
  const { go } = useNavigation();
  const exportCsv = useMutation({
    mutationFn: (table: 'groups' | 'slips') =>
      unwrap(
        table === 'groups' || !drill
          ? api().analysis.exportCsv({ table: 'groups', query, encoding })
          : api().analysis.exportCsv({ table: 'slips', query: { by, key: drill.key, channel: drill.channel, from, to }, encoding }),
      ),
    onMutate: () => setNotice(null),
    onSuccess: (r) => {
      saveCsv(r);
      setNotice(`${formatCount(r.rows)}件をCSVに出力しました(${r.fileName})。`);
    },
  });
  const t = result.data?.totals;
  return (
    <div className="page wide">
      <h1>売上分析</h1>
      <div className="toolbar">
        <select aria-label="集計単位" value={by} onChange={(e) => (setBy(e.target.value as AnalysisDimension), setDrill(null))}>
          <LabelOptions values={ANALYSIS_DIMENSIONS} labels={DIMENSION_LABELS} />
        </select>
        <DateInput aria-label="開始日" value={from} onChange={setFrom} />
        〜
        <DateInput aria-label="終了日" value={to} onChange={setTo} />
        <select aria-label="チャネル" value={channel} onChange={(e) => (setChannel(e.target.value as SalesChannel | ''), setDrill(null))}>
          <option value="">Bカート + 卸</option>
          <option value="bcart">Bカートのみ</option>
          <option value="wholesale">卸のみ</option>
        </select>
        <CsvEncodingSelect value={encoding} onChange={setEncoding} />
        <button type="button" disabled={!result.data || exportCsv.isPending} onClick={() => exportCsv.mutate('groups')}>
          CSV出力
        </button>
      </div>
      {!valid ? <Notice kind="warning">期間の開始日と終了日を入れてください (開始日は終了日以前)。</Notice> : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={result.error ?? exportCsv.error} />
      <p className="hint">税抜・出荷基準 (Bカートは発送日、卸は売上伝票の売上日)。Bカートの税込明細は税を除いて集計します。送料・手数料・ポイントは商品売上に含めません。</p>
      {t ? (
        <dl className="totals" aria-label="合計">
          <div>
            <dt>商品売上 (税抜)</dt>
            <dd>{formatYen(t.goods)}</dd>
          </div>
          <div>
            <dt>前年</dt>
            <dd>
              {formatYen(t.prevGoods)} ({ratio(t.goods, t.prevGoods)})
            </dd>
          </div>
          <div>
            <dt>送料</dt>
            <dd>{formatYen(t.shipping)}</dd>
          </div>
          <div>
            <dt>決済手数料</dt>
            <dd>{formatYen(t.fees)}</dd>
          </div>
          <div>
            <dt>ポイント値引</dt>
            <dd>{formatYen(t.points)}</dd>
          </div>
          <div>
            <dt>純売上 (商品 − ポイント)</dt>
            <dd>{formatYen(t.netSales)}</dd>
          </div>
        </dl>
      ) : null}
      {result.data && result.data.rows.length > 0 ? <SalesChart series={series} title={`${DIMENSION_LABELS[by]}の売上グラフ`} /> : null}
      {result.data && result.data.rows.length === 0 ? <p className="placeholder">この期間の売上はありません。</p> : null}
      <table className="data" aria-label="売上分析表">
        <TableHead headings={[DIMENSION_LABELS[by].replace('別', ''), 'チャネル', '税抜売上', '数量', '粗利', '粗利率', '前年税抜売上', '前年比', '']} />
        <tbody>
          {(result.data?.rows ?? []).map((r) => (
            <tr key={`${r.key}-${r.channel}`} className={drill?.key === r.key && drill.channel === r.channel ? 'selected' : undefined}>
              <td>{by === 'month' || by === 'channel' ? r.label : `${r.key} ${r.label}`}</td>
              <td>{CHANNEL_LABELS[r.channel]}</td>
              <td className="num">{formatYen(r.net)}</td>
              <td className="num">{formatCount(r.quantity)}</td>
              {/* 粗利 only where every line of the group has a 原価 (商品マスタ) */}
              <td className="num">{r.margin === null ? '—' : formatYen(r.margin)}</td>
              <td className="num">{grossMarginRate(r.net, r.margin) ?? '—'}</td>
              <td className="num">{formatYen(r.prevNet)}</td>
              <td className="num">{ratio(r.net, r.prevNet)}</td>
              <td>
                <button type="button" className="link-button" onClick={() => setDrill({ key: r.key, label: r.label, channel: r.channel })}>
                  明細
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {drill ? (
        <section aria-label="明細">
          <h2>
            明細: {drill.label} ({CHANNEL_LABELS[drill.channel]})
            <button type="button" disabled={exportCsv.isPending} onClick={() => exportCsv.mutate('slips')}>
              明細をCSV出力
            </button>
          </h2>
          <ErrorNotice error={slips.error} />
          <table className="data" aria-label="明細伝票">
            <TableHead headings={['日付', '伝票番号・受注番号', '得意先', '税抜売上', '数量']} />
            <tbody>
              {(slips.data?.rows ?? []).map((s) => (
                <tr key={`${s.channel}-${s.id}`}>
                  <td>{formatJstDate(s.date)}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => go(s.channel === 'bcart' ? 'shipments' : 'sales', String(s.id))}>
                      {s.number || `#${s.id}`}
                    </button>
                  </td>
                  <td>
                    {s.customerCode} {s.customerName}
                  </td>
                  <td className="num">{formatYen(s.net)}</td>
                  <td className="num">{formatCount(s.quantity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
