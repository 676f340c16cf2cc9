import { openCliCore } from './cli-core';
import { parseCliArgs, required } from './args';
import type { CliCommand } from './cli-types';

/** `migrate --data-dir DIR`: opens the database, applying pending migrations after a backup. */
export const migrateCommand: CliCommand = {
  summary: 'データファイルを最新の形式に更新します (更新前にバックアップを作成)',
  usage: 'migrate --data-dir DIR',
  async run(argv, io) {
    const args = parseCliArgs(argv, { 'data-dir': { type: 'string' } });
    const core = await openCliCore(required(args, 'data-dir'));
    const m = core.migration;
    io.out(m.applied.length > 0 ? `更新しました: ${m.applied.join(', ')}${m.backupFile ? `\nバックアップ: ${m.backupFile}` : ''}` : 'データファイルは最新です。');
    core.close();
    return 0;
  },
};
