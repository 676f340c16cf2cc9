/**
 * `bcart:orders --base-url URL [--token-file F | --token-stdin] --from YYYY-MM-DD --to YYYY-MM-DD [--json]`
 * (token also from BCART_TOKEN, or --token T with a warning; token-source.ts): prints the
 * normalised orders of a 受注日 window, straight from the BCart API (or the simulator) through
 * the app's client — useful to check a shop's data before the first import.
 */
import { isIsoDate } from '../../src-shared/domain/jst-date';
import { isAllowedApiUrl, parseHostList } from '../../src-shared/ec-settings/api-url-policy';
import { createBcartClient } from '../core/bcart/client';
import { createConsoleLogger } from '../core/logging';
import { systemClock, systemTimers } from '../core/ports';
import { CliUsageError, parseCliArgs, required } from './args';
import type { CliCommand } from './cli-types';
import { readCliToken, TOKEN_OPTIONS, TOKEN_USAGE } from './token-source';

export const bcartOrdersCommand: CliCommand = {
  summary: 'Bカートの受注 (明細・出荷を含む) を受注日の範囲で取得して表示します',
  usage: `bcart:orders --base-url URL ${TOKEN_USAGE} --from YYYY-MM-DD --to YYYY-MM-DD [--json]`,
  async run(argv, io) {
    const args = parseCliArgs(argv, {
      'base-url': { type: 'string' },
      ...TOKEN_OPTIONS,
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    const baseUrl = required(args, 'base-url');
    const from = required(args, 'from');
    const to = required(args, 'to');
    for (const [name, v] of [['from', from], ['to', to]] as const) {
      if (!isIsoDate(v)) throw new CliUsageError(`--${name} は YYYY-MM-DD 形式の日付で指定してください (${v})。`);
    }
    if (from > to) throw new CliUsageError('--from は --to 以前の日付にしてください。');
    // before the token is read or anything is sent
    if (!isAllowedApiUrl(baseUrl, parseHostList((io.env ?? process.env).BCART_EXTERNAL_HOSTS))) {
      throw new CliUsageError('--base-url は https:// で始まるBカート (bcart.jp) のURL (例: https://api.bcart.jp/api/v1、シミュレーターは http://127.0.0.1) を指定してください。');
    }
    const token = await readCliToken(args, io);
    const client = createBcartClient({
      baseUrl,
      getAccessToken: async () => token,
      fetch: (i, init) => fetch(i, init),
      clock: systemClock,
      timers: systemTimers,
      logger: createConsoleLogger('bcart', 'error'),
    });
    const orders = await client.listOrders({ orderedFrom: from, orderedTo: to });
    if (args.json) {
      io.out(JSON.stringify(orders, null, 2));
      return 0;
    }
    io.out(`受注日 ${from} 〜 ${to}: ${orders.length}件`);
    for (const o of orders) {
      const shipped = o.logistics.filter((l) => l.status === '発送済').length;
      io.out(
        `  ${o.code}  ${o.orderedAt.slice(0, 16).replace('T', ' ')}  ${o.payment}  合計 ${o.finalPrice ?? '-'}円  明細 ${o.orderProducts.length}行  出荷 ${shipped}/${o.logistics.length} 発送済`,
      );
    }
    return 0;
  },
};
