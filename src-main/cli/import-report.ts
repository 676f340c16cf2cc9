/** How the CLI prints an 出荷取込処理 outcome: one JSON object (--json) or a readable Japanese summary. */
import type { ImportRunRepository } from '../core/import/import-run-repository';
import type { ImportOutcome } from '../core/import/run-import';

/** The `--json` object. Its field names are a contract: tools outside the repo read them, so keep them exactly. */
export function importJson(o: ImportOutcome): Record<string, unknown> {
  return {
    runId: o.runId,
    status: o.status,
    dryRun: o.dryRun,
    window: o.window,
    shipments: (o.plan?.shipments ?? []).map((s) => ({
      logisticsId: s.bcartLogisticsId,
      orderCode: s.bcartOrderCode,
      customerCode: s.customerCode,
      date: s.date,
      lines: s.lines.map((l) => ({ productCode: l.productCode, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount, taxRate: l.taxRate })),
    })),
    invoices: (o.plan?.invoices ?? []).map((i) => ({
      orderCode: i.bcartOrderCode,
      customerCode: i.customerCode,
      total: i.total,
      byRate: i.byRate.map((b) => ({ rate: b.rate, net: b.net, tax: b.tax })),
    })),
    errors: o.errors.map((e) => ({ orderCode: e.orderCode, code: e.code, message: e.message })),
    warnings: o.warnings.map((e) => ({ orderCode: e.orderCode, code: e.code, message: e.message })),
    committed: o.committed,
    cursor: o.cursorAfter,
    apiCalls: o.apiCalls,
  };
}

const yen = (n: number): string => `¥${n.toLocaleString('en-US')}`;

/** Readable lines of one run. */
export function importSummary(o: ImportOutcome): string[] {
  const head = o.dryRun ? '取込プレビュー' : '出荷取込処理';
  const win = o.window ? `受注日 ${o.window.from}〜${o.window.to}` : '新しい受注日なし（出荷待ちの注文のみ確認）';
  const lines = [`${head} #${o.runId}（${win}）: ${o.status === 'succeeded' ? (o.committed ? '取込完了' : '成功（書き込みなし）') : o.status === 'cancelled' ? '中止（何も取り込んでいません）' : '失敗（何も取り込んでいません）'}`];
  lines.push(
    `  注文 ${o.counts.orders} 件 / 出荷伝票 ${o.counts.shipments} 件（明細 ${o.counts.lines} 行） / 請求伝票 ${o.counts.invoices} 件 / 請求額 ${yen(o.counts.amount)} / API呼出 ${o.apiCalls} 回`,
  );
  if (o.committed) lines.push(`  次回の出荷取込開始日: ${o.cursorAfter ?? '(未設定)'}`);
  for (const e of o.errors) lines.push(`  エラー ${e.orderCode ? `[${e.orderCode}] ` : ''}${e.message}`);
  for (const w of o.warnings) lines.push(`  注意 ${w.orderCode ? `[${w.orderCode}] ` : ''}${w.message}`);
  return lines;
}

/** The システムログ lines of some runs, oldest first. */
export function systemLogLines(importRuns: Pick<ImportRunRepository, 'runLogs'>, runIds: readonly number[]): string[] {
  const rows = importRuns.runLogs(runIds);
  const label: Record<string, string> = { info: '情報', warn: '注意', error: 'エラー' };
  return rows.map((r) => `  #${r.runId} ${label[r.level] ?? r.level}${r.orderCode ? ` [${r.orderCode}]` : ''} ${r.message}`);
}
