/**
 * A response computed by a route before it is written, so fault switches can corrupt it
 * (malformed JSON, truncated body) on its way out.
 */

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

/** BCart's error envelope: {"errors":[{"<field>":"<message>"}]} (docs/bcart-api.md#errors). */
export function errors(status: number, list: Record<string, string>[], headers: Record<string, string> = {}): SimResponse {
  return json(status, { errors: list }, headers);
}

/** Shorthand for one field error. */
export function error(status: number, field: string, message: string, headers: Record<string, string> = {}): SimResponse {
  return errors(status, [{ [field]: message }], headers);
}

/** An HTML page (maintenance screens, gateway errors). */
export function html(status: number, page: string): SimResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page };
}

/** The maintenance page BCart's front would show instead of JSON. */
export const MAINTENANCE_PAGE =
  '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>メンテナンス中</title></head>' +
  '<body><h1>ただいまメンテナンス中です</h1><p>ご迷惑をおかけしております。しばらくしてから再度アクセスしてください。</p></body></html>';
