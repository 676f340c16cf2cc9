/**
 * `npm run cli -- <command> [options]`: headless commands over the same core as the app.
 * Errors print their code and Japanese message (classifyError, as in the app) and exit non-zero.
 */
import { CliUsageError } from './cli/args';
import type { CliIo } from './cli/cli-types';
import { COMMANDS } from './cli/commands';
import { classifyError, isUnexpected } from './core/errors/classify-error';

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
    // the same classification as the app's dispatch: SQLITE_BUSY → DB_BUSY, SQLITE_FULL → DISK_FULL …
    const err = classifyError(e);
    const detail = isUnexpected(e) && e instanceof Error ? `（詳細: ${e.message}）` : '';
    io.err(`エラー (${err.code}): ${err.message}${detail}`);
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
