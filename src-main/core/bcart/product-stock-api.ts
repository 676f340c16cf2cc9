/**
 * The 在庫 API keyed by 品番 (docs/bcart-api.md#stock-view, #stock-writes): `GET /product_stock/{product_no}` and the bulk
 * `PATCH /product_stock`. Writes go in batches of at most PATCH_BATCH rows and are never resent blindly:
 * a relative "+N" applied twice is wrong, so a timeout leaves details.outcome = 'unknown' (set by the
 * HTTP layer) and the caller reads the stock back instead.
 */
import { AppError, isAppError } from '../../../src-shared/errors';
import type { BcartHttp } from './http';
import { errorMessages, rejectedError } from './http-errors';
import type { BcartProductStock, ProductStockPatch } from './model';
import { parseList, productStockWire } from './schemas';
import { echoOf, withDetails } from './write-details';

/** Rows per PATCH /product_stock request (the integrator practice of batches of 100, docs/bcart-api.md#stock-writes). */
export const STOCK_PATCH_BATCH = 100;

export interface ProductStockApi {
  /**
   * Writes stock by 品番 in batches of ≤ 100. Resolves with the rows BCart echoed (empty when it answered
   * 200/204 without a body). On failure the AppError's details add `appliedProductNos` (batches done
   * before), `failedProductNos` (the batch that failed; its outcome is details.outcome) and
   * `notSentProductNos` (later batches, never sent).
   */
  patchProductStock(rows: ProductStockPatch[], signal?: AbortSignal, requestId?: string): Promise<BcartProductStock[]>;
  /** Stock of one 品番; null when BCart knows no such 品番 (404 or an empty answer, docs/bcart-api.md#stock-view). */
  getProductStock(productNo: string, signal?: AbortSignal): Promise<BcartProductStock | null>;
}

const CALL = { method: 'PATCH', path: '/product_stock', resource: 'product_stock' } as const;

function wireRow(p: ProductStockPatch): Record<string, unknown> {
  const row: Record<string, unknown> = { product_no: p.productNo, stock: p.stock };
  if (p.stockFlag !== undefined) row['stock_flag'] = p.stockFlag;
  return row;
}

function invalidRows(rows: ProductStockPatch[]): AppError | null {
  const blank = rows.findIndex((r) => r.productNo.trim() === '');
  if (blank < 0) return null;
  return new AppError('VALIDATION', `在庫の更新データ ${blank + 1} 行目に品番がありません。品番を指定してから、もう一度実行してください。`, {
    fields: [{ path: `${blank}.productNo`, message: '品番を指定してください。' }],
    details: { outcome: 'not_applied', row: blank },
    retryable: false,
  });
}

/** Creates the 品番-keyed stock calls on top of the shared HTTP engine. */
export function createProductStockApi(http: BcartHttp): ProductStockApi {
  async function patchChunk(chunk: ProductStockPatch[], signal?: AbortSignal, requestId?: string): Promise<BcartProductStock[]> {
    // the {"product_stock":[…]} wrapper follows one integration; another sends a bare array (docs/bcart-api.md#stock-writes)
    const body = await http.request({ ...CALL, body: { product_stock: chunk.map(wireRow) }, signal, ...(requestId ? { requestId } : {}) });
    // BF treats 200/204 without a body as success; a bare array echo is read like the wrapped one
    const echoed = body === null ? [] : echoOf(() => parseList(Array.isArray(body) ? { product_stock: body } : body, 'product_stock', productStockWire).items);
    const messages = errorMessages(body);
    if (messages.length > 0) {
      // BCart answered 200 but refused some rows: the echoed rows were stored, the rest were not
      throw withDetails(rejectedError(CALL, 200, messages), { appliedProductNos: echoed.map((r) => r.productNo), outcome: 'partial' });
    }
    return echoed;
  }

  return {
    async patchProductStock(rows, signal, requestId) {
      const invalid = invalidRows(rows);
      if (invalid) throw invalid;
      const out: BcartProductStock[] = [];
      const done: string[] = [];
      for (let i = 0; i < rows.length; i += STOCK_PATCH_BATCH) {
        const chunk = rows.slice(i, i + STOCK_PATCH_BATCH);
        try {
          const id = requestId === undefined ? undefined : rows.length > STOCK_PATCH_BATCH ? `${requestId}.${i / STOCK_PATCH_BATCH}` : requestId;
          out.push(...(await patchChunk(chunk, signal, id)));
          done.push(...chunk.map((r) => r.productNo));
        } catch (err) {
          // tell the caller exactly which batches were done before this one failed
          const partial = isAppError(err) ? ((err.details?.['appliedProductNos'] as string[] | undefined) ?? []) : [];
          throw withDetails(err, {
            appliedProductNos: [...done, ...partial],
            failedProductNos: chunk.map((r) => r.productNo),
            notSentProductNos: rows.slice(i + STOCK_PATCH_BATCH).map((r) => r.productNo),
          });
        }
      }
      return out;
    },

    async getProductStock(productNo, signal) {
      let body: unknown;
      try {
        body = await http.request({ method: 'GET', path: `/product_stock/${encodeURIComponent(productNo)}`, resource: 'product_stock', signal });
      } catch (err) {
        if (isAppError(err) && err.code === 'NOT_FOUND') return null;
        throw err;
      }
      if (body === null) return null;
      // the singular and plural keys are both "product_stock": accept one object or a list of one
      const rec = typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : { product_stock: body };
      const raw = rec['product_stock'] ?? null;
      const list = Array.isArray(raw) ? raw : raw === null ? [] : [raw];
      const rows = parseList({ product_stock: list }, 'product_stock', productStockWire).items;
      // a row without 品番 is the one asked for; a row of another 品番 is not an answer to this call
      const row = rows.find((r) => r.productNo === productNo || r.productNo === '');
      return row ? { ...row, productNo } : null;
    },
  };
}
