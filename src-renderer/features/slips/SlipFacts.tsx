/** The facts 出荷伝票 and 請求伝票 share at the top of their detail (<dl className="facts">). */
import { formatJstDate } from '../../format/datetime';
import { buyerText, type SlipRowView } from './slip-columns';

/** The facts every slip shows first: its date, 得意先, 部門 (and 倉庫 for a 出荷伝票) and the BCart order it came from. */
export function SlipFacts({ dateLabel, slip }: { dateLabel: string; slip: SlipFactsView }) {
  return (
    <>
      <dt>{dateLabel}</dt>
      <dd>{formatJstDate(slip.date, { weekday: true })}</dd>
      <dt>得意先</dt>
      <dd>
        {slip.customerCode} {slip.customerName}
      </dd>
      <dt>購入者</dt>
      <dd>
        {buyerText(slip)}
        {slip.buyerMemberId === null ? '' : ` 会員ID ${slip.buyerMemberId}`}
      </dd>
      <dt>{slip.warehouseName === undefined ? '部門' : '部門 / 倉庫'}</dt>
      <dd>{slip.warehouseName === undefined ? slip.departmentName : `${slip.departmentName} / ${slip.warehouseName}`}</dd>
      <dt>ワークフロー</dt>
      <dd>{slip.workflowName ?? ''}</dd>
      <dt>Bカート受注番号</dt>
      <dd>{slip.bcartOrderCode}</dd>
      <dt>Bカート受注ID</dt>
      <dd>{slip.bcartOrderId}</dd>
    </>
  );
}

/** What every slip detail has for the shared facts. */
export interface SlipFactsView extends SlipRowView {
  departmentName: string;
  /** only 出荷伝票 have a 倉庫 */
  warehouseName?: string;
  workflowName: string | null;
  bcartOrderId: number | null;
  buyerMemberId: number | null;
}
