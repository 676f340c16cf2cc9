/**
 * `init --data-dir DIR --base-url URL [--token-file F | --token-stdin] [--from YYYY-MM-DD]`: the
 * whole 初期設定 from the command line (standard masters, products and 得意先 from BCart, one
 * EC連携設定), then prints what it created. A second run creates nothing and says so. The token
 * (BCART_TOKEN, a file, standard input or — with a warning — --token T; token-source.ts) goes to
 * <DIR>/tokens.json (0600). The URL is checked before anything is read or sent.
 */
import { isIsoDate } from '../../src-shared/domain/jst-date';
import { isAllowedApiUrl, parseHostList } from '../../src-shared/ec-settings/api-url-policy';
import { classifyError, isUnexpected } from '../core/errors/classify-error';
import { openCliTokenStore } from '../core/file-token-store';
import { CliUsageError, parseCliArgs, required } from './args';
import { openCliCore } from './cli-core';
import type { CliCommand } from './cli-types';
import { readCliToken, TOKEN_OPTIONS, TOKEN_USAGE } from './token-source';

export const initCommand: CliCommand = {
  summary: 'Bカートから初期設定を行います (部門・倉庫・請求口座・商品・得意先・EC連携設定)',
  usage: `init --data-dir DIR --base-url URL ${TOKEN_USAGE} [--from YYYY-MM-DD]`,
  async run(argv, io) {
    const args = parseCliArgs(argv, {
      'data-dir': { type: 'string' },
      'base-url': { type: 'string' },
      ...TOKEN_OPTIONS,
      from: { type: 'string' },
    });
    const dataDir = required(args, 'data-dir');
    const baseUrl = required(args, 'base-url');
    if (!isAllowedApiUrl(baseUrl, parseHostList((io.env ?? process.env).BCART_EXTERNAL_HOSTS))) {
      throw new CliUsageError('--base-url は https:// で始まるBカート (bcart.jp) のURL (例: https://api.bcart.jp/api/v1、シミュレーターは http://127.0.0.1) を指定してください。');
    }
    if (args.from !== undefined && !isIsoDate(args.from)) throw new CliUsageError('--from は YYYY-MM-DD 形式の実在する日付で指定してください。');
    const token = await readCliToken(args, io);
    const core = await openCliCore(dataDir, { tokenStore: openCliTokenStore(dataDir) });
    try {
      const report = await core.services.initialSetup.run({ baseUrl, token, ...(args.from ? { from: args.from } : {}) });
      const lines = Object.entries(report.created).filter(([, codes]) => codes.length > 0);
      if (lines.length === 0 && !report.tokenSaved && !report.urlUpdated) {
        io.out('作成したものはありません。初期設定はすでに完了しています。');
      } else {
        io.out('初期設定を行いました。');
        for (const [label, codes] of lines) {
          const shown = codes.length > 10 ? `${codes.slice(0, 10).join(', ')} ほか${codes.length - 10}件` : codes.join(', ');
          io.out(`  ${label}: ${codes.length}件 (${shown})`);
        }
        if (report.urlUpdated) io.out('  EC連携設定のAPIのURLを更新しました。');
        if (report.tokenSaved) io.out('  アクセストークンを保存しました。');
      }
      io.out(`EC連携設定ID: ${report.settingId}`);
      return 0;
    } catch (e) {
      // a program error goes to the top-level handler with its detail; the rest is explained here
      if (isUnexpected(e)) throw e;
      const err = classifyError(e);
      io.err(`初期設定を中止しました (データは変更していません): ${err.message}`);
      for (const f of err.fields ?? []) io.err(`  ${f.path}: ${f.message}`);
      return 1;
    } finally {
      core.close();
    }
  },
};
