/**
 * `import --data-dir DIR [--dry-run] [--json]`: one 出荷取込処理 (or 取込プレビュー) for the
 * EC連携設定 created by `init` (the first one). Exit 0 on success, 1 when the run failed (nothing
 * imported; the message says why and what to fix).
 */
import { AppError } from '../../src-shared/errors';
import { openCliTokenStore } from '../core/file-token-store';
import { parseCliArgs, required } from './args';
import { openCliCore } from './cli-core';
import type { CliCommand } from './cli-types';
import { importJson, importSummary } from './import-report';

export const importCommand: CliCommand = {
  summary: '出荷取込処理を1回実行します (--dry-run: 取込プレビュー、--json: 結果をJSONで出力)',
  usage: 'import --data-dir DIR [--dry-run] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, { 'data-dir': { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } });
    const dataDir = required(args, 'data-dir');
    const core = await openCliCore(dataDir, { tokenStore: openCliTokenStore(dataDir) });
    try {
      const first = core.services.repos.ecSettings.targets()[0];
      if (!first) {
        throw new AppError('NOT_FOUND', 'EC連携設定がありません。先に npm run cli -- init --data-dir DIR --base-url URL --token-file F で初期設定を行ってください。');
      }
      const dryRun = args['dry-run'] === true;
      core.services.storeMode.assertOpen(dryRun ? '取込プレビュー' : '出荷取込処理');
      const o = await core.services.imports.run({ settingId: first.id, dryRun, trigger: 'cli' });
      if (args.json === true) io.out(JSON.stringify(importJson(o)));
      else for (const l of importSummary(o)) io.out(l);
      if (o.status !== 'succeeded') {
        io.err(`出荷取込処理に失敗しました: ${o.message}`);
        return 1;
      }
      return 0;
    } finally {
      core.close();
    }
  },
};
