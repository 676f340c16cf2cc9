/**
 * `bcart:orders --base-url URL --token T --from YYYY-MM-DD --to YYYY-MM-DD [--json]`: prints the
 * normalised orders of a 受注日 window, straight from the BCart API (or the simulator) through
 * the app's client — useful to check a shop's data before the first import.
 */
import { isIsoDate } from '../../src-shared/domain/jst-date';
import { AppError } from '../../src-shared/errors';
import { createBcartClient } from '../core/bcart/client';
import { createConsoleLogger } from '../core/logging';
import { systemClock, systemTimers } from '../core/ports';
import { CliUsageError, parseCliArgs, required } from './args';
import type { CliCommand } from './cli-types';

export const bcartOrdersCommand: CliCommand = {
  summary: 'Bカートの受注 (明細・出荷を含む) を受注日の範囲で取得して表示します',
  usage: 'bcart:orders --base-url URL --token T --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, {
      'base-url': { type: 'string' },
      token: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    const baseUrl = required(args, 'base-url');
    const token = required(args, 'token');
    const from = required(args, 'from');
    const to = required(args, 'to');
    for (const [name, v] of [['from', from], ['to', to]] as const) {
      if (!isIsoDate(v)) throw new CliUsageError(`--${name} は YYYY-MM-DD 形式の日付で指定してください (${v})。`);
    }
    if (from > to) throw new CliUsageError('--from は --to 以前の日付にしてください。');
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new CliUsageError(`--base-url がURLではありません: ${baseUrl}`);
    }
    if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      throw new AppError('VALIDATION', 'Bカートの API URL は https で指定してください (シミュレーターの 127.0.0.1 を除く)。');
    }
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
