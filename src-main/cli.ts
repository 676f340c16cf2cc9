/**
 * `npm run cli -- <command> [options]`: headless commands over the same core as the app.
 * Errors print a Japanese message and exit non-zero.
 */
import { isAppError } from '../src-shared/errors';
import { CliUsageError } from './cli/args';
import type { CliIo } from './cli/cli-types';
import { COMMANDS } from './cli/commands';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    io.out('使い方: npm run cli -- <コマンド> [オプション]\n');
    for (const load of Object.values(COMMANDS)) {
      const c = await load();
      io.out(`  ${c.usage}\n      ${c.summary}`);
    }
    return name ? 0 : 1;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`不明なコマンドです: ${name}。npm run cli -- help で一覧を確認してください。`);
    return 2;
  }
  const command = await load();
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.err(`${e.message}\n使い方: npm run cli -- ${command.usage}`);
      return 2;
    }
    if (isAppError(e)) {
      io.err(`エラー (${e.code}): ${e.message}`);
      return 1;
    }
    io.err(`予期しないエラーが発生しました: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    env: process.env,
    stdin: process.stdin,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
