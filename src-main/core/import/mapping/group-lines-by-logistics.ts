/**
 * Which order lines shipped with which BCart logistics record (docs/import-rules.md#shipped-shipments-and-slips). Only rows that
 * carry a product become slip lines; shipping / fee / point rows are billed from the order's own
 * fields instead (their logistics_id and sign are not documented, docs/bcart-api.md#order-lines).
 */
import type { BcartLogistics, BcartOrder, BcartOrderProduct } from '../../bcart/model';
import type { OrderProblems } from './import-problem';

const NON_PRODUCT_TYPES: ReadonlySet<string> = new Set(['shipping', 'payment_fees', 'point']);

/** True for rows that are goods: item_type 'product', or an unknown type that names a product. */
export function carriesProduct(line: BcartOrderProduct): boolean {
  if (line.itemType === 'product') return true;
  if (NON_PRODUCT_TYPES.has(line.itemType)) return false;
  return line.productId !== null || line.productSetId !== null;
}

/**
 * Product lines per logistics id, each list sorted by line id. With exactly one logistics record,
 * lines without logistics_id belong to it; in a multi-shipment order they are an error, as are
 * lines pointing to a logistics record the order does not have.
 */
export function groupLinesByLogistics(
  order: BcartOrder,
  logistics: readonly BcartLogistics[],
  problems: OrderProblems,
): Map<number, BcartOrderProduct[]> {
  const groups = new Map<number, BcartOrderProduct[]>();
  for (const l of logistics) groups.set(l.id, []);
  const only = logistics.length === 1 ? logistics[0] : undefined;
  // BCart usually lists the lines by id already: copy and sort only when it does not
  const lines = isSortedById(order.orderProducts) ? order.orderProducts : [...order.orderProducts].sort((a, b) => a.id - b.id);
  for (const line of lines) {
    if (!carriesProduct(line)) {
      if (!NON_PRODUCT_TYPES.has(line.itemType)) {
        problems.warning(
          'UNKNOWN_ITEM_TYPE',
          `明細ID ${line.id}「${line.productName}」の種別「${line.itemType}」は商品ではないため取り込みませんでした。金額に影響する場合はBカートで注文を確認してください。`,
        );
      }
      continue;
    }
    const logisticsId = line.logisticsId ?? only?.id ?? null;
    if (logisticsId === null) {
      problems.error(
        'LINE_WITHOUT_LOGISTICS',
        `明細ID ${line.id}「${line.productName}」に発送ID (logistics_id) がなく、発送が${logistics.length}件あるため、どの出荷か判断できません。Bカートでこの明細の発送先を設定してください。`,
      );
      continue;
    }
    const group = groups.get(logisticsId);
    if (group === undefined) {
      problems.error(
        'LINE_LOGISTICS_UNKNOWN',
        `明細ID ${line.id}「${line.productName}」の発送ID ${logisticsId} がこの注文の発送にありません。Bカートで注文の発送情報を確認してください。`,
      );
      continue;
    }
    group.push(line);
  }
  return groups;
}

function isSortedById(lines: readonly BcartOrderProduct[]): boolean {
  for (let i = 1; i < lines.length; i++) if (lines[i - 1]!.id > lines[i]!.id) return false;
  return true;
}
