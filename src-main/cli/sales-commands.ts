/**
 * `sales:create`: enters a 売上伝票 headlessly (same service as the editor). Codes are the 得意先 /
 * 倉庫 取引先コード and the product's SKU code or product code; UNITPRICE is tax-excluded per 計上単位,
 * so the slip is 税抜 whatever the customer's display. --confirm saves and confirms in one
 * transaction. JSON: {"slipId", "slipNo", "net", "tax", "total"} (slipNo "" while not confirmed).
 * Stock going negative is a warning on stderr, not an error.
 */
import { AppError, isAppError } from '../../src-shared/errors';
import type { SalesLineInput } from '../../src-shared/sales/sales-slip';
import { isIsoDate } from '../../src-shared/domain/jst-date';
import { CliUsageError, parseCliArgs, required } from './args';
import { openCliCore } from './cli-core';
import type { CliCommand } from './cli-types';

/** PRODUCT:QTY:UNITPRICE, split from the right so a product code may itself hold ':'. */
export function parseLineArg(text: string): { product: string; quantity: number; unitPrice: number } {
  const m = /^(.+):(-?\d+):(\d+)$/.exec(text.trim());
  if (!m) throw new CliUsageError(`--line は「商品コード:数量:単価」で指定してください (例: A-001:10:1200、返品は数量をマイナス) (指定値: ${text})。`);
  const quantity = Number(m[2]);
  const unitPrice = Number(m[3]);
  if (!Number.isSafeInteger(quantity) || quantity === 0) throw new CliUsageError(`--line の数量は0以外の整数で指定してください (指定値: ${text})。`);
  if (!Number.isSafeInteger(unitPrice)) throw new CliUsageError(`--line の単価が大きすぎます (指定値: ${text})。`);
  return { product: m[1]!, quantity, unitPrice };
}

export const salesCreateCommand: CliCommand = {
  summary: '売上伝票を登録します (--confirm で確定まで。単価は税抜・計上単位あたり)',
  usage: 'sales:create --data-dir DIR --customer 得意先コード --warehouse 倉庫コード --date YYYY-MM-DD --line 商品コード:数量:単価 [--line …] [--confirm] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, {
      'data-dir': { type: 'string' },
      customer: { type: 'string' },
      warehouse: { type: 'string' },
      date: { type: 'string' },
      line: { type: 'string', multiple: true },
      confirm: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const dataDir = required(args, 'data-dir');
    const customerCode = required(args, 'customer');
    const warehouseCode = required(args, 'warehouse');
    const date = required(args, 'date');
    if (!isIsoDate(date)) throw new CliUsageError(`--date は YYYY-MM-DD 形式の実在する日付で指定してください (指定値: ${date})。`);
    const lineArgs = (args.line ?? []).map(parseLineArg);
    if (lineArgs.length === 0) throw new CliUsageError('--line を1つ以上指定してください。');
    const core = await openCliCore(dataDir);
    try {
      const repo = core.services.repos.sales;
      const service = core.services.sales;
      const customer = repo.partnerByCode(customerCode);
      if (!customer || customer.kind !== '得意先') throw new AppError('NOT_FOUND', `得意先コード「${customerCode}」の得意先がありません。取引先マスタで登録・確定してください。`);
      const warehouse = repo.partnerByCode(warehouseCode);
      if (!warehouse || warehouse.kind !== '倉庫') throw new AppError('NOT_FOUND', `倉庫コード「${warehouseCode}」の倉庫がありません。取引先マスタで取引先種別「倉庫」として登録・確定してください。`);
      const lines: SalesLineInput[] = lineArgs.map((l, i) => {
        const p = repo.productByCode(l.product);
        if (!p) throw new AppError('NOT_FOUND', `${i + 1}番目の --line: 商品コード (または SKU コード)「${l.product}」の商品がありません。`);
        return { productId: p.id, quantity: l.quantity, unitPrice: l.unitPrice };
      });
      const input = { customerId: customer.id, warehouseId: warehouse.id, date, priceMode: '税抜' as const, lines };
      const result = withFieldDetails(() => (args.confirm === true ? service.saveAndConfirm(input) : service.save(input)));
      for (const w of result.warnings) io.err(`警告: ${w}`);
      const s = result.slip;
      if (args.json === true) io.out(JSON.stringify({ slipId: s.id, slipNo: s.slipNo ?? '', net: s.net, tax: s.tax, total: s.total }));
      else {
        const state = s.slipNo === null ? '未確定 (保存のみ)' : `確定 伝票番号 ${s.slipNo}`;
        io.out(`売上伝票を登録しました (ID ${s.id}, ${state}): 税抜 ${s.net} 円 + 消費税 ${s.tax} 円 = ${s.total} 円`);
      }
      return 0;
    } finally {
      core.close();
    }
  },
};

/** A VALIDATION with several fields prints each of them (the message alone says "各項目"). */
function withFieldDetails<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isAppError(e) && e.code === 'VALIDATION' && (e.fields?.length ?? 0) > 1) {
      throw new AppError('VALIDATION', e.fields!.map((f) => f.message).join('\n'), { fields: e.fields });
    }
    throw e;
  }
}
