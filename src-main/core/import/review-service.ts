/**
 * 要確認 (docs/import-rules.md#review-list): the clerk settles an order of the list by creating the
 * 請求伝票 of its shipped part (cancelled after a partial shipment only) or by dismissing it with a
 * reason. Each settlement and its システムログ line are written in one transaction.
 */
import { AppError } from '../../../src-shared/errors';
import { REVIEW_REASON_LABELS, type ReviewRow } from '../../../src-shared/import/import-review';
import type { Repositories } from '../repositories';
import { shippedPartInvoice } from './mapping';

export interface ReviewServiceDeps {
  repos: Pick<Repositories, 'reviews' | 'slips' | 'ecSettings' | 'importRuns' | 'transaction'>;
  now: () => string;
}

export interface ReviewService {
  list(q?: { includeResolved?: boolean }): ReviewRow[];
  count(): number;
  /** Closes an open review with the clerk's reason. */
  dismiss(id: number, note: string): ReviewRow;
  /** Creates the 請求伝票 of the shipped part of a cancelled order and closes its review. */
  createInvoice(id: number): { review: ReviewRow; invoiceId: number; total: number };
}

export function createReviewService({ repos, now }: ReviewServiceDeps): ReviewService {
  const { reviews } = repos;

  function openReview(id: number): ReviewRow {
    const r = reviews.get(id);
    if (r.resolution !== null) {
      throw new AppError('CONFLICT', `受注番号 ${r.orderCode} の要確認はすでに${r.resolution === 'invoiced' ? '請求伝票を作成して' : '確認済みとして'}閉じられています。一覧を更新してください。`);
    }
    return r;
  }

  function log(r: ReviewRow, code: string, message: string, at: string): void {
    repos.importRuns.insertLogs([{ runId: null, level: 'info', orderCode: r.orderCode, code, message, createdAt: at }]);
  }

  return {
    list: (q) => reviews.list(q),
    count: () => reviews.countOpen(),
    dismiss(id, note) {
      const text = note.trim();
      if (text === '') throw new AppError('VALIDATION', '確認済みにする理由を入力してください。', { fields: [{ path: 'note', message: '確認済みにする理由を入力してください。' }] });
      return repos.transaction(
        () => {
          const r = openReview(id);
          const at = now();
          reviews.resolve(id, { resolution: 'dismissed', note: text, invoiceId: null, now: at });
          log(r, 'REVIEW_DISMISSED', `受注番号 ${r.orderCode}: 要確認（${REVIEW_REASON_LABELS[r.reason]}）を確認済みにしました。理由: ${text}`, at);
          return reviews.get(id);
        },
        { immediate: true },
      );
    },
    createInvoice(id) {
      return repos.transaction(
        () => {
          const r = openReview(id);
          if (r.reason !== 'CANCELLED_AFTER_PARTIAL_SHIPMENT') {
            throw new AppError('VALIDATION', `受注番号 ${r.orderCode} の請求伝票は取込済みです。${REVIEW_REASON_LABELS[r.reason]}は、Bカートで注文を確認してから理由を入力して確認済みにしてください。`);
          }
          if (repos.slips.invoiceIdOfOrder(r.settingId, r.orderId) !== null) {
            throw new AppError('CONFLICT', `受注番号 ${r.orderCode} の請求伝票はすでにあります。請求伝票一覧で確認し、この要確認は理由を入力して確認済みにしてください。`);
          }
          const booked = repos.slips.bookedShipments(r.settingId, r.orderId);
          if (booked.length === 0) {
            throw new AppError('VALIDATION', `受注番号 ${r.orderCode} の確定済みの出荷伝票がありません（確定取消された可能性があります）。請求伝票は作成できないため、理由を入力して確認済みにしてください。`);
          }
          const setting = repos.ecSettings.get(r.settingId);
          if (setting.invoiceWorkflowId === null) {
            throw new AppError('SETTINGS_INVALID', `EC連携設定「${setting.name}」の請求ワークフローが未設定です。EC連携設定で設定してから、もう一度実行してください。`);
          }
          const draft = shippedPartInvoice({ orderId: r.orderId, orderCode: r.orderCode, invoiceWorkflowId: setting.invoiceWorkflowId, taxRounding: setting.taxRounding, shipments: booked });
          const at = now();
          repos.slips.insertImported(r.settingId, null, { shipments: [], invoices: [draft] }, at);
          const invoiceId = repos.slips.invoiceIdOfOrder(r.settingId, r.orderId);
          if (invoiceId === null) throw new AppError('INTERNAL', `受注番号 ${r.orderCode} の請求伝票を作成できませんでした。何も保存していません。`);
          reviews.resolve(id, { resolution: 'invoiced', note: null, invoiceId, now: at });
          const rates = draft.byRate.map((b) => `${b.rate}% 税抜 ¥${b.net.toLocaleString('en-US')} 消費税 ¥${b.tax.toLocaleString('en-US')}`).join('、');
          log(r, 'REVIEW_INVOICED', `受注番号 ${r.orderCode}: 発送済の分の請求伝票を作成しました（合計 ¥${draft.total.toLocaleString('en-US')}、${rates}）。`, at);
          return { review: reviews.get(id), invoiceId, total: draft.total };
        },
        { immediate: true },
      );
    },
  };
}
