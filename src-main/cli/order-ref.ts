/**
 * How CLI arguments name a BCart order: 受注番号 alone, or SETTINGID:ORDERCODE where two shops'
 * order codes collide (BCart ids are unique per shop only; docs/import-rules.md#idempotency).
 */
import { CliUsageError } from './args';

export interface OrderRef {
  /** EC連携設定 id, or null = any setting (must then be unique) */
  settingId: number | null;
  orderCode: string;
}

export function parseOrderRef(text: string, option: string): OrderRef {
  const t = text.trim();
  const m = /^(\d+):(.+)$/.exec(t);
  if (m) {
    const id = Number(m[1]);
    if (!Number.isSafeInteger(id) || id <= 0) throw new CliUsageError(`--${option} の EC連携設定ID は1以上の整数で指定してください（指定値: ${text}）。`);
    return { settingId: id, orderCode: m[2]!.trim() };
  }
  if (t === '') throw new CliUsageError(`--${option} に受注番号（または EC連携設定ID:受注番号）を指定してください。`);
  return { settingId: null, orderCode: t };
}

/** The text that names the order back to the user. */
export function orderRefText(ref: OrderRef): string {
  return ref.settingId === null ? ref.orderCode : `${ref.settingId}:${ref.orderCode}`;
}
