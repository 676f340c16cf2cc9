/**
 * 要確認 of 出荷取込処理 from the command line (docs/import-rules.md#review-list). The name
 * review:list and its JSON shape `[{"orderCode","settingId","reason","since"}]` are a contract
 * checked outside the repo: keep them exactly.
 */
import { AppError } from '../../src-shared/errors';
import { REVIEW_REASON_LABELS, type ReviewListJsonRow, type ReviewRow } from '../../src-shared/import/import-review';
import type { Core } from '../core/create-core';
import { parseCliArgs, required } from './args';
import { withCliCore } from './cli-core';
import type { CliCommand } from './cli-types';
import { orderRefText, parseOrderRef } from './order-ref';

export function reviewListJson(rows: readonly ReviewRow[]): ReviewListJsonRow[] {
  return rows.map((r) => ({ orderCode: r.orderCode, settingId: r.settingId, reason: r.reason, since: r.since }));
}

/** The one open review an --order argument names; NOT_FOUND / ambiguous as Japanese errors. */
function reviewOf(core: Core, spec: string): ReviewRow {
  const ref = parseOrderRef(spec, 'order');
  const found = core.services.repos.reviews.openOfOrder(ref.settingId, ref.orderCode);
  if (found.length === 0) throw new AppError('NOT_FOUND', `受注番号 ${orderRefText(ref)} の未処理の要確認はありません。review:list で確認してください。`);
  const settings = new Set(found.map((r) => r.settingId));
  if (settings.size > 1) {
    throw new AppError(
      'VALIDATION',
      `受注番号 ${ref.orderCode} は複数のEC連携設定（ID ${[...settings].join(', ')}）にあります。「EC連携設定ID:受注番号」の形（例 ${found[0]!.settingId}:${ref.orderCode}）で指定してください。`,
    );
  }
  if (found.length > 1) throw new AppError('VALIDATION', `受注番号 ${orderRefText(ref)} には要確認が ${found.length} 件あります（${found.map((r) => REVIEW_REASON_LABELS[r.reason]).join('、')}）。画面の要確認一覧で1件ずつ処理してください。`);
  return found[0]!;
}

export const reviewListCommand: CliCommand = {
  summary: '要確認一覧(取込後に確認が必要な注文: 一部発送後のキャンセル、税率別合計の不一致)',
  usage: 'review:list --data-dir DIR [--all] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, { 'data-dir': { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' } });
    return withCliCore(required(args, 'data-dir'), (core) => {
      const rows = core.services.reviews.list({ includeResolved: args.all === true });
      if (args.json === true) io.out(JSON.stringify(reviewListJson(rows)));
      else {
        io.out(`要確認 ${rows.filter((r) => r.resolution === null).length} 件`);
        for (const r of rows) io.out(`${r.settingId}:${r.orderCode}\t${REVIEW_REASON_LABELS[r.reason]}\t${r.since}${r.resolution === null ? '' : `\t${r.resolution === 'invoiced' ? '請求伝票作成済み' : `確認済み（${r.resolutionNote ?? ''}）`}`}`);
      }
      return 0;
    });
  },
};

export const reviewDismissCommand: CliCommand = {
  summary: '要確認を理由を付けて確認済みにします(システムログに記録)',
  usage: 'review:dismiss --data-dir DIR --order [EC連携設定ID:]受注番号 --reason 理由 [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, { 'data-dir': { type: 'string' }, order: { type: 'string' }, reason: { type: 'string' }, json: { type: 'boolean' } });
    const order = required(args, 'order');
    const reason = required(args, 'reason');
    return withCliCore(required(args, 'data-dir'), (core) => {
      const r = core.services.reviews.dismiss(reviewOf(core, order).id, reason);
      if (args.json === true) io.out(JSON.stringify({ orderCode: r.orderCode, settingId: r.settingId, reason: r.reason, resolution: r.resolution }));
      else io.out(`受注番号 ${r.settingId}:${r.orderCode} の要確認を確認済みにしました。`);
      return 0;
    });
  },
};

export const reviewInvoiceCommand: CliCommand = {
  summary: '一部発送後にキャンセルされた注文の、発送済の分の請求伝票を作成します(税率ごとに1回消費税を計算)',
  usage: 'review:invoice --data-dir DIR --order [EC連携設定ID:]受注番号 [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, { 'data-dir': { type: 'string' }, order: { type: 'string' }, json: { type: 'boolean' } });
    const order = required(args, 'order');
    return withCliCore(required(args, 'data-dir'), (core) => {
      const out = core.services.reviews.createInvoice(reviewOf(core, order).id);
      if (args.json === true) io.out(JSON.stringify({ orderCode: out.review.orderCode, settingId: out.review.settingId, invoiceId: out.invoiceId, total: out.total }));
      else io.out(`受注番号 ${out.review.settingId}:${out.review.orderCode} の発送済の分の請求伝票（ID ${out.invoiceId}、合計 ${out.total}円）を作成しました。`);
      return 0;
    });
  },
};
