/**
 * List and single-object envelopes (docs/bcart-api.md#envelopes): lists are `{ <plural>: [...], meta: { total } }`,
 * single objects `{ <singular>: {...} }`. A response that does not fit becomes BCART_BAD_RESPONSE with a
 * Japanese message naming the resource and the first offending field, so the import log says what broke.
 */
import { z } from 'zod';
import { AppError } from '../../../../src-shared/errors';
import { toInt, wNum } from './lenient';

/** Japanese names of the resources, used in error messages. */
export const RESOURCE_LABELS = {
  orders: '受注',
  order_products: '受注商品',
  logistics: '発送',
  product_sets: '商品セット',
  product_stock: '在庫',
  customers: '会員',
  products: '商品',
} as const;

export type ResourceKey = keyof typeof RESOURCE_LABELS;

const metaWire = z
  .object({ total: wNum })
  .transform((w, ctx) => ({ total: toInt(ctx, 'total', w.total) }))
  .nullable()
  .optional();

export interface ParsedList<T> {
  items: T[];
  /** meta.total when the server sent it */
  total: number | null;
}

/** Builds the BCART_BAD_RESPONSE error for a schema mismatch. */
export function badResponse(resource: ResourceKey, detail: string, extra: Record<string, unknown> = {}): AppError {
  const label = RESOURCE_LABELS[resource];
  return new AppError(
    'BCART_BAD_RESPONSE',
    `Bカートから受け取った${label}データの形式が正しくありません（${detail}）。時間をおいてもう一度実行してください。繰り返す場合はBカートの仕様変更の可能性があるため、サポートに連絡してください。`,
    { details: { resource, problem: detail, ...extra }, retryable: false },
  );
}

function describeIssue(key: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '不明な形式';
  const path = [key, ...issue.path.map(String)].join('.');
  const last = issue.path[issue.path.length - 1];
  const msg = last === 'id' && issue.code === 'invalid_type' ? 'id がありません' : issue.message;
  return `${path}: ${msg}`;
}

/** Parses a list envelope; the item schema transforms each row to the model type. */
export function parseList<T>(body: unknown, resource: ResourceKey, item: z.ZodType<T>): ParsedList<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badResponse(resource, 'JSONオブジェクトではありません');
  }
  const rec = body as Record<string, unknown>;
  const rows = rec[resource];
  // an absent or null list means "no rows" (BCart sends [] but be lenient); anything else must be an array
  if (rows !== undefined && rows !== null && !Array.isArray(rows)) {
    throw badResponse(resource, `${resource} が配列ではありません`);
  }
  const parsedRows = z.array(item).safeParse(rows ?? []);
  if (!parsedRows.success) throw badResponse(resource, describeIssue(resource, parsedRows.error));
  const meta = metaWire.safeParse(rec['meta']);
  const total = meta.success ? (meta.data?.total ?? null) : null;
  return { items: parsedRows.data, total };
}

/**
 * Parses a single-object response. Accepts the singular wrapper (`product_set`), the plural one with
 * one row (`product_sets: [..]`, seen on bulk-style answers) or a bare object with an id.
 */
export function parseOne<T>(body: unknown, resource: ResourceKey, singular: string, item: z.ZodType<T>): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badResponse(resource, 'JSONオブジェクトではありません');
  }
  const rec = body as Record<string, unknown>;
  let raw: unknown = rec[singular];
  if (raw === undefined && Array.isArray(rec[resource])) raw = (rec[resource] as unknown[])[0];
  if (raw === undefined && 'id' in rec) raw = rec;
  if (raw === undefined || raw === null) throw badResponse(resource, `${singular} がありません`);
  const parsed = item.safeParse(raw);
  if (!parsed.success) throw badResponse(resource, describeIssue(singular, parsed.error));
  return parsed.data;
}
