/**
 * 売上伝票 service: 保存 (draft), 確定 (number per 部門, stock rows, its 請求伝票 — one transaction),
 * 確定取消 (reverses the stock rows and removes the 請求伝票, keeps the number), 削除 (drafts only).
 * Every refusal is an AppError with a Japanese message; a refused write leaves nothing behind.
 */
import { AppError, type FieldProblem } from '../../../src-shared/errors';
import type { RoundingMode } from '../../../src-shared/domain/rounding';
import type { SalesDetail, SalesSlipInput, SalesWriteResult } from '../../../src-shared/sales/sales-slip';
import { formatSlipNo, numberAtConfirm } from '../../../src-shared/sales/slip-number';
import { canDo, refusal } from '../../../src-shared/sales/slip-status';
import { computeSlipTotals, type PriceMode } from '../../../src-shared/sales/slip-tax';
import type { SlipRepository, StockMove } from '../slips/slip-repository';
import type { SalesRepository, SalesSlipValues } from './sales-repository';

export interface SalesServiceDeps {
  repo: SalesRepository;
  /** the owner of 請求伝票 and the stock ledger */
  slips: Pick<SlipRepository, 'insertAppInvoice' | 'deleteAppInvoice' | 'insertStockMoves' | 'deleteStockMoves' | 'stockMovesFor' | 'stockOf'>;
  /** one transaction over every repository (immediate: the number sequence is read then advanced) */
  transaction<T>(fn: () => T, opts?: { immediate?: boolean }): T;
  /** ISO-8601 +09:00 */
  now(): string;
  /** the customer's rounding of consumption tax (切り捨て unless the 取引先 says otherwise) */
  roundingOf(customerId: number): RoundingMode;
  /**
   * 在庫反映 (the stock feature's durable outbox): queues the 連携倉庫 part of the slip's ledger
   * movements INSIDE the 確定 / 確定取消 transaction and answers the EC連携設定 touched; `announce`
   * wakes the pusher once the transaction committed. Absent: no 在庫反映 (tests of the books alone).
   */
  stockOutbox?: {
    queue(movements: readonly StockMove[], source: { kind: 'sales'; slipId: number }, now: string): { settings: number[] };
    announce(settingIds: number[]): void;
  };
}

export interface SalesService {
  get(id: number): SalesDetail;
  save(input: SalesSlipInput): SalesWriteResult;
  /** 保存 and 確定 in one transaction (the CLI's --confirm, the editor's 「保存して確定」) */
  saveAndConfirm(input: SalesSlipInput): SalesWriteResult;
  confirm(id: number): SalesWriteResult;
  cancel(id: number): SalesWriteResult;
  remove(id: number): void;
  /**
   * Saves (and, where asked, confirms) many slips in ONE transaction: every slip is checked, every
   * refusal is collected through `problemsOf`, and if there is any the whole batch rolls back and
   * `refuse` decides the error. Returns the warnings (stock going negative).
   */
  saveMany(slips: readonly { input: SalesSlipInput; confirm: boolean }[], refuse: (problems: { slip: number; error: AppError }[]) => Error): string[];
  /** replaces a customer's 得意先別単価; answers the list as stored */
  setCustomerPrices(customerId: number, prices: { productId: number; unitPrice: number }[]): ReturnType<SalesRepository['customerPrices']>;
}

const invalid = (fields: FieldProblem[]) =>
  new AppError('VALIDATION', fields.length === 1 ? fields[0]!.message : '入力内容に誤りがあります。各項目のメッセージを確認して修正してください。', { fields });

export function createSalesService(deps: SalesServiceDeps): SalesService {
  const { repo, slips } = deps;
  const tx = <T>(fn: () => T): T => deps.transaction(fn, { immediate: true });
  /** Runs a write that may queue 在庫反映, then tells the pusher (only after the commit). */
  function withStock<T>(fn: (queued: Set<number>) => T): T {
    const queued = new Set<number>();
    const r = tx(() => fn(queued));
    if (queued.size > 0) deps.stockOutbox?.announce([...queued]);
    return r;
  }
  function queueStock(moves: readonly StockMove[], slipId: number, now: string, queued: Set<number>): void {
    if (!deps.stockOutbox || moves.length === 0) return;
    for (const id of deps.stockOutbox.queue(moves, { kind: 'sales', slipId }, now).settings) queued.add(id);
  }

  function get(id: number): SalesDetail {
    const slip = repo.find(id);
    if (!slip) throw new AppError('NOT_FOUND', `売上伝票 (ID ${id}) が見つかりません。一覧を更新してください。`);
    return slip;
  }

  /** Checks the references and computes the figures; VALIDATION naming every bad field. */
  function values(input: SalesSlipInput): SalesSlipValues {
    const problems: FieldProblem[] = [];
    const customer = repo.partner(input.customerId);
    if (!customer || customer.kind !== '得意先') problems.push({ path: 'customerId', message: '得意先が見つかりません。取引先マスタで得意先を選んでください。' });
    else if (!customer.confirmed) problems.push({ path: 'customerId', message: `得意先「${customer.name}」が確定されていません。取引先マスタで確定してください。` });
    const warehouse = repo.partner(input.warehouseId);
    if (!warehouse || warehouse.kind !== '倉庫') problems.push({ path: 'warehouseId', message: '倉庫が見つかりません。取引先種別「倉庫」の取引先を選んでください。' });
    else if (!warehouse.confirmed) problems.push({ path: 'warehouseId', message: `倉庫「${warehouse.name}」が確定されていません。取引先マスタで確定してください。` });
    const department = input.departmentId === undefined ? repo.defaultDepartment() : repo.department(input.departmentId);
    if (!department) problems.push({ path: 'departmentId', message: '部門が見つかりません。部門マスタで部門を登録・確定してください。' });
    else if (!department.confirmed) problems.push({ path: 'departmentId', message: '部門が確定されていません。部門マスタで確定してください。' });

    const productIds = [...new Set(input.lines.map((l) => l.productId))];
    const productMap = repo.products(productIds);
    const own = new Map(customer ? repo.customerPrices(customer.id, productIds).map((p) => [p.productId, p.unitPrice]) : []);
    const taxIds = [...new Set(input.lines.map((l) => l.taxClassId ?? productMap.get(l.productId)?.taxClassId).filter((x): x is number => typeof x === 'number'))];
    const taxMap = repo.taxClasses(taxIds);
    const lines: Omit<SalesSlipValues['lines'][number], 'amount' | 'netAmount'>[] = [];
    input.lines.forEach((l, i) => {
      const p = productMap.get(l.productId);
      if (!p) return problems.push({ path: `lines.${i}.productId`, message: `${i + 1}行目: 商品が見つかりません。` });
      if (!p.confirmed) return problems.push({ path: `lines.${i}.productId`, message: `${i + 1}行目: 商品「${p.code}」が確定されていません。商品マスタで確定してください。` });
      const taxClassId = l.taxClassId ?? p.taxClassId;
      const tc = taxClassId === null ? undefined : taxMap.get(taxClassId);
      if (!tc || !tc.confirmed) {
        return problems.push({ path: `lines.${i}.taxClassId`, message: `${i + 1}行目: 税区分がありません。明細で税区分を選ぶか、商品「${p.code}」に税区分を設定してください。` });
      }
      lines.push({ productId: p.id, quantity: l.quantity, unitPrice: l.unitPrice ?? own.get(p.id) ?? p.unitPrice, taxClassId: tc.id, taxRate: tc.rate });
    });
    if (problems.length > 0 || !customer || !warehouse || !department) throw invalid(problems);
    const priceMode: PriceMode = input.priceMode ?? customer.taxDisplay ?? '税抜';
    const taxRounding = deps.roundingOf(customer.id);
    const totals = computeSlipTotals(lines, priceMode, taxRounding);
    return {
      departmentId: department.id,
      customerId: customer.id,
      warehouseId: warehouse.id,
      date: input.date,
      priceMode,
      taxRounding,
      memo: input.memo ?? '',
      net: totals.net,
      tax: totals.tax,
      total: totals.total,
      lines: lines.map((l, i) => ({ ...l, amount: totals.lineAmounts[i]!, netAmount: totals.lineNets[i]! })),
      byRate: totals.byRate,
    };
  }

  function saveIn(input: SalesSlipInput): number {
    const v = values(input);
    if (input.id === undefined) return repo.insertDraft(v);
    const state = repo.state(input.id);
    if (!state) throw new AppError('NOT_FOUND', `売上伝票 (ID ${input.id}) が見つかりません。一覧を更新してください。`);
    if (!canDo(state.status, 'edit')) throw new AppError('CONFIRMED_LOCKED', refusal(state.status, 'edit'));
    // a cancelled slip keeps its number, and with it its 部門
    if (state.seq !== null && state.departmentId !== v.departmentId) {
      throw invalid([{ path: 'departmentId', message: `伝票番号 ${state.slipNo ?? ''} の部門は変更できません。` }]);
    }
    repo.update(input.id, v);
    return input.id;
  }

  function confirmIn(id: number, queued: Set<number>): string[] {
    const state = repo.state(id);
    if (!state) throw new AppError('NOT_FOUND', `売上伝票 (ID ${id}) が見つかりません。一覧を更新してください。`);
    if (!canDo(state.status, 'confirm')) throw new AppError('CONFIRMED_LOCKED', refusal(state.status, 'confirm'));
    const slip = get(id);
    // references may have been 確定取消 since the draft was saved
    values({ customerId: slip.customerId, warehouseId: slip.warehouseId, departmentId: slip.departmentId, date: slip.date, priceMode: slip.priceMode, lines: slip.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice, taxClassId: l.taxClassId })) });
    const dept = repo.department(state.departmentId);
    if (!dept) throw new AppError('NOT_FOUND', '売上伝票の部門が見つかりません。部門マスタを確認してください。');
    const { seq, fresh } = numberAtConfirm(state, repo.lastSeq(state.departmentId));
    if (fresh && repo.takeNextSeq(state.departmentId) !== seq) throw new AppError('CONFLICT', '伝票番号の採番が競合しました。もう一度確定してください。', { retryable: true });
    const slipNo = state.slipNo ?? formatSlipNo(dept.code, seq);
    const now = deps.now();
    const invoiceId = slips.insertAppInvoice(repo.invoiceOf(id, repo.invoiceWorkflowId()), now);
    repo.markConfirmed(id, seq, slipNo, invoiceId);
    const moves = repo.stockMovesOf(id);
    slips.insertStockMoves('sales', id, moves, now);
    queueStock(moves, id, now, queued);
    return negativeStockWarnings(slip);
  }

  /** Stock may go negative (back offices enter the sale before the receipt); the user is told. */
  function negativeStockWarnings(slip: SalesDetail): string[] {
    const stock = slips.stockOf(slip.warehouseId, [...new Set(slip.lines.map((l) => l.productId))]);
    const tracked = repo.products([...stock.keys()]);
    const warnings: string[] = [];
    for (const [productId, qty] of stock) {
      const p = tracked.get(productId);
      if (p?.inventoryTracked && qty < 0) warnings.push(`商品「${p.code} ${p.name}」の在庫が ${qty} になりました (倉庫「${slip.warehouseName}」)。入荷の入力漏れがないか確認してください。`);
    }
    return warnings;
  }

  return {
    get,
    save(input) {
      const id = tx(() => saveIn(input));
      return { slip: get(id), warnings: [] };
    },
    saveAndConfirm(input) {
      const { id, warnings } = withStock((queued) => {
        const id = saveIn(input);
        return { id, warnings: confirmIn(id, queued) };
      });
      return { slip: get(id), warnings };
    },
    confirm(id) {
      const warnings = withStock((queued) => confirmIn(id, queued));
      return { slip: get(id), warnings };
    },
    cancel(id) {
      withStock((queued) => {
        const state = repo.state(id);
        if (!state) throw new AppError('NOT_FOUND', `売上伝票 (ID ${id}) が見つかりません。一覧を更新してください。`);
        if (!canDo(state.status, 'cancel')) throw new AppError('CONFIRMED_LOCKED', refusal(state.status, 'cancel'));
        // the rows 確定 wrote (not the lines again: a product's 棚卸対象 may have changed since), reversed
        const written = slips.stockMovesFor('sales', id);
        slips.deleteStockMoves('sales', id);
        repo.markCancelled(id);
        if (state.invoiceId !== null) slips.deleteAppInvoice(state.invoiceId);
        queueStock(
          written.map((m) => ({ ...m, quantity: -m.quantity })),
          id,
          deps.now(),
          queued,
        );
      });
      return { slip: get(id), warnings: [] };
    },
    saveMany(batch, refuse) {
      return withStock((queued) => {
        const refused: { slip: number; error: AppError }[] = [];
        const warnings: string[] = [];
        batch.forEach((b, i) => {
          try {
            // a savepoint per slip: a refused one leaves nothing while the others are still checked
            deps.transaction(() => {
              const id = saveIn(b.input);
              if (b.confirm) warnings.push(...confirmIn(id, queued));
            });
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            refused.push({ slip: i, error: e });
          }
        });
        if (refused.length > 0) throw refuse(refused);
        return warnings;
      });
    },
    setCustomerPrices(customerId, prices) {
      const customer = repo.partner(customerId);
      if (!customer || customer.kind !== '得意先') throw new AppError('NOT_FOUND', '得意先が見つかりません。一覧を更新してください。');
      const ids = new Set<number>();
      for (const p of prices) {
        if (ids.has(p.productId)) throw new AppError('VALIDATION', '同じ商品の得意先別単価が2行あります。1行にまとめてください。');
        ids.add(p.productId);
      }
      const known = repo.products([...ids]);
      if ([...ids].some((id) => !known.has(id))) throw new AppError('VALIDATION', '得意先別単価に存在しない商品があります。商品を選び直してください。');
      tx(() => repo.replaceCustomerPrices(customerId, prices));
      return repo.customerPrices(customerId);
    },
    remove(id) {
      tx(() => {
        const state = repo.state(id);
        if (!state) throw new AppError('NOT_FOUND', `売上伝票 (ID ${id}) が見つかりません。一覧を更新してください。`);
        if (!canDo(state.status, 'delete')) throw new AppError('CONFIRMED_LOCKED', refusal(state.status, 'delete'));
        repo.deleteDraft(id);
      });
    },
  };
}
