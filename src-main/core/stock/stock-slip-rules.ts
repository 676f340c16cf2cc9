/**
 * Checks a stock slip before 保存 against the masters, all problems at once, each beside its field
 * (docs/stock-rules.md): warehouses are confirmed 取引先 of kind 倉庫; a 在庫移動伝票 moves between two
 * different warehouses; the 仕入先 (入荷 only) is a confirmed 仕入先; the ワークフロー matches the
 * slip (入荷 / 在庫移動); lines name confirmed 棚卸対象 products, move at least 1 unit, and a
 * 棚卸調整 counts each product once.
 */
import { isIsoDate } from '../../../src-shared/domain/jst-date';
import { AppError, type FieldProblem } from '../../../src-shared/errors';
import { STOCK_SLIP_LABELS, type StockSlipInput } from '../../../src-shared/stock/stock-slip';
import type { SlipLineValues, SlipRefs, SlipValues } from './stock-slip-repository';

const WORKFLOW_KIND = { receipt: '入荷', transfer: '在庫移動', adjustment: '在庫移動' } as const;

/** The masters a slip names (read by StockSlipRepository.refs). */
export function slipRefIds(input: StockSlipInput): { partnerIds: number[]; departmentId: number | null; productIds: number[] } {
  return {
    partnerIds: [input.warehouseId, input.toWarehouseId, input.supplierId].filter((x): x is number => typeof x === 'number'),
    departmentId: input.departmentId ?? null,
    productIds: [...new Set(input.lines.map((l) => l.productId))],
  };
}

/** Validates and normalises a slip against the masters it names; VALIDATION with every problem otherwise. */
export function checkStockSlip(refs: SlipRefs, input: StockSlipInput): { values: SlipValues; lines: SlipLineValues[] } {
  const problems: FieldProblem[] = [];
  const label = STOCK_SLIP_LABELS[input.kind];
  const byId = refs.partners;
  const warehouse = (id: number, path: string, what: string) => {
    const p = byId.get(id);
    if (!p) problems.push({ path, message: `${what}が見つかりません。選び直してください。` });
    else if (p.kind !== '倉庫')
      problems.push({ path, message: `${what}「${p.code}」は取引先種別が倉庫ではありません。倉庫を選んでください。` });
    else if (!p.confirmed) problems.push({ path, message: `${what}「${p.code}」は未確定です。取引先マスタで確定してから使ってください。` });
  };
  if (!isIsoDate(input.date)) problems.push({ path: 'date', message: '日付は実在する日付を YYYY-MM-DD で入力してください。' });
  warehouse(input.warehouseId, 'warehouseId', input.kind === 'transfer' ? '移動元倉庫' : input.kind === 'receipt' ? '入荷先倉庫' : '倉庫');
  const to = input.toWarehouseId ?? null;
  if (input.kind === 'transfer') {
    if (to === null) problems.push({ path: 'toWarehouseId', message: '移動先倉庫を選んでください。' });
    else if (to === input.warehouseId)
      problems.push({ path: 'toWarehouseId', message: '移動先倉庫は移動元倉庫と別の倉庫を選んでください。' });
    else warehouse(to, 'toWarehouseId', '移動先倉庫');
  } else if (to !== null) {
    problems.push({ path: 'toWarehouseId', message: `${label}に移動先倉庫は指定できません。` });
  }
  const supplierId = input.supplierId ?? null;
  if (supplierId !== null) {
    const s = byId.get(supplierId);
    if (input.kind !== 'receipt') problems.push({ path: 'supplierId', message: `仕入先は入荷伝票にだけ指定できます。` });
    else if (!s) problems.push({ path: 'supplierId', message: '仕入先が見つかりません。選び直してください。' });
    else if (s.kind !== '仕入先') problems.push({ path: 'supplierId', message: `取引先「${s.code}」は取引先種別が仕入先ではありません。` });
    else if (!s.confirmed)
      problems.push({ path: 'supplierId', message: `仕入先「${s.code}」は未確定です。取引先マスタで確定してから使ってください。` });
  }
  const departmentId = input.departmentId ?? null;
  if (departmentId !== null) {
    const d = refs.department;
    if (!d || !d.confirmed)
      problems.push({ path: 'departmentId', message: '部門が見つからないか未確定です。確定済みの部門を選んでください。' });
  }
  const wfKind = WORKFLOW_KIND[input.kind];
  const wfs = refs.workflows;
  let workflowId = input.workflowId ?? null;
  if (workflowId !== null) {
    const w = wfs.find((x) => x.id === workflowId);
    if (!w || !w.confirmed)
      problems.push({ path: 'workflowId', message: 'ワークフローが見つからないか未確定です。確定済みのワークフローを選んでください。' });
    else if (w.kind !== wfKind)
      problems.push({
        path: 'workflowId',
        message: `ワークフロー「${w.name}」は${w.kind}用です。${wfKind}のワークフローを選んでください。`,
      });
  } else if (input.workflowId === undefined) {
    // not chosen: the first confirmed workflow of the slip's kind (seeded 入荷管理 / 在庫移動管理)
    workflowId = wfs.filter((w) => w.kind === wfKind && w.confirmed).sort((a, b) => a.id - b.id)[0]?.id ?? null;
  }
  const prods = refs.products;
  const seen = new Set<number>();
  input.lines.forEach((l, i) => {
    const p = prods.get(l.productId);
    const at = `lines.${i}`;
    if (!p) problems.push({ path: `${at}.productId`, message: `${i + 1}行目: 商品が見つかりません。選び直してください。` });
    else if (!p.confirmed)
      problems.push({
        path: `${at}.productId`,
        message: `${i + 1}行目: 商品「${p.code}」は未確定です。商品マスタで確定してから使ってください。`,
      });
    else if (!p.inventoryTracked)
      problems.push({
        path: `${at}.productId`,
        message: `${i + 1}行目: 商品「${p.code}」は棚卸対象外のため在庫を持ちません。棚卸対象の商品を選んでください。`,
      });
    if (input.kind !== 'adjustment' && l.quantity < 1)
      problems.push({ path: `${at}.quantity`, message: `${i + 1}行目: 数量は1以上で入力してください。` });
    if (input.kind === 'adjustment' && seen.has(l.productId)) {
      problems.push({
        path: `${at}.productId`,
        message: `${i + 1}行目: 同じ商品が2回あります。棚卸調整では商品ごとに実在庫数を1行で入力してください。`,
      });
    }
    seen.add(l.productId);
  });
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION',
      `${label}に${problems.length}件の誤りがあります。各項目のメッセージを確認して修正してください。保存していません。`,
      { fields: problems },
    );
  }
  return {
    values: {
      kind: input.kind,
      date: input.date,
      warehouseId: input.warehouseId,
      toWarehouseId: input.kind === 'transfer' ? to : null,
      supplierId,
      departmentId,
      workflowId,
      memo: (input.memo ?? '').trim(),
    },
    lines: input.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
  };
}
