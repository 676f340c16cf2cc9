/**
 * `analysis:sales`: 売上分析 headlessly. JSON: [{"key", "channel", "net", "quantity"}] per group and
 * channel ("bcart" | "wholesale"), goods only, tax-excluded, 出荷基準, ordered by key then channel.
 * key: "YYYY-MM" (month), the 得意先コード (customer), the SKU or product code (product), the
 * channel (channel).
 */
import { isIsoDate } from '../../src-shared/domain/jst-date';
import { CliUsageError, parseCliArgs, required } from './args';
import { openCliCore } from './cli-core';
import type { CliCommand } from './cli-types';

const BY = ['month', 'customer', 'product', 'channel'] as const;
type By = (typeof BY)[number];

export const analysisSalesCommand: CliCommand = {
  summary: '売上分析 (Bカートと卸の売上を税抜・出荷基準で集計) を表示します',
  usage: 'analysis:sales --data-dir DIR --by month|customer|product|channel --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, {
      'data-dir': { type: 'string' },
      by: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    const dataDir = required(args, 'data-dir');
    const by = required(args, 'by');
    if (!(BY as readonly string[]).includes(by)) throw new CliUsageError(`--by は month / customer / product / channel のどれかで指定してください (指定値: ${by})。`);
    const from = required(args, 'from');
    const to = required(args, 'to');
    for (const [name, v] of [['from', from], ['to', to]] as const) {
      if (!isIsoDate(v)) throw new CliUsageError(`--${name} は YYYY-MM-DD 形式の実在する日付で指定してください (指定値: ${v})。`);
    }
    if (from > to) throw new CliUsageError('--from は --to 以前の日付にしてください。');
    const core = await openCliCore(dataDir);
    try {
      const rows = core.services.repos.analysis.groups(by as By, { from, to });
      if (args.json === true) io.out(JSON.stringify(rows.map((r) => ({ key: r.key, channel: r.channel, net: r.net, quantity: r.quantity }))));
      else if (rows.length === 0) io.out(`${from}〜${to} の売上はありません。`);
      else for (const r of rows) io.out(`${r.key}\t${r.channel === 'bcart' ? 'Bカート' : '卸'}\t税抜 ${r.net} 円\t数量 ${r.quantity}`);
      return 0;
    } finally {
      core.close();
    }
  },
};
