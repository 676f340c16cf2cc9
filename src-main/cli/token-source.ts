/**
 * Where a CLI command gets the BCart token. A token on the command line (`--token T`) is visible to
 * every user of the machine in the process list and stays in the shell history, so the ways to pass
 * it are the environment (`BCART_TOKEN`), a file (`--token-file F`) or standard input
 * (`--token-stdin`, or `--token -`); `--token T` still works, with a warning.
 */
import { readFileSync, statSync } from 'node:fs';
import { CliUsageError } from './args';
import type { CliIo } from './cli-types';

/** The option definitions every command that takes a token adds to its parser. */
export const TOKEN_OPTIONS = {
  token: { type: 'string' },
  'token-file': { type: 'string' },
  'token-stdin': { type: 'boolean' },
} as const;

/** How the usage line names the token options. */
export const TOKEN_USAGE = '[--token-file F | --token-stdin] (または環境変数 BCART_TOKEN)';

/** A token is a few hundred bytes; a file or input beyond this is not one. */
const MAX_TOKEN_BYTES = 64 * 1024;

export const TOKEN_ARGV_WARNING =
  '警告: --token で渡したトークンは、このPCのほかのユーザーからプロセス一覧 (ps) で見え、シェルの履歴にも残ります。環境変数 BCART_TOKEN、--token-file ファイル、または --token-stdin (標準入力) で渡してください。';

interface TokenArgs {
  token?: string | undefined;
  'token-file'?: string | undefined;
  'token-stdin'?: boolean | undefined;
}

/** The first line of standard input (piped, or typed and ended with Enter / Ctrl+D). */
async function firstLineOf(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.length > MAX_TOKEN_BYTES) throw new CliUsageError('標準入力が長すぎます。トークンだけを1行で渡してください。');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function fromFile(path: string, io: CliIo): string {
  let size: number;
  let mode: number;
  try {
    ({ size, mode } = statSync(path));
  } catch {
    throw new CliUsageError(`--token-file のファイルを読めません: ${path}。パスを確認してください。`);
  }
  if (size > MAX_TOKEN_BYTES) throw new CliUsageError(`--token-file のファイルが大きすぎます (${path})。トークンだけを書いたファイルを指定してください。`);
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    io.err(`警告: ${path} はほかのユーザーも読める権限になっています。chmod 600 ${path} で所有者だけが読めるようにしてください。`);
  }
  return readFileSync(path, 'utf8').split(/\r?\n/)[0] ?? '';
}

/**
 * Reads the token from exactly one source: --token-file, --token-stdin / --token -, --token (with
 * the warning), or else BCART_TOKEN. Throws CliUsageError (exit 2) when none or several are given.
 */
export async function readCliToken(args: TokenArgs, io: CliIo): Promise<string> {
  const env = io.env ?? process.env;
  const stdinFlag = args['token-stdin'] === true || args.token === '-';
  const given = [args['token-file'] !== undefined, stdinFlag, args.token !== undefined && args.token !== '-'].filter(Boolean).length;
  if (given > 1) throw new CliUsageError('トークンは --token-file・--token-stdin・--token のどれか1つで指定してください。');
  let token: string;
  let source: string;
  if (args['token-file'] !== undefined) {
    token = fromFile(args['token-file'], io);
    source = '--token-file';
  } else if (stdinFlag) {
    token = await firstLineOf(io.stdin ?? process.stdin);
    source = '標準入力';
  } else if (args.token !== undefined) {
    io.err(TOKEN_ARGV_WARNING);
    token = args.token;
    source = '--token';
  } else if (env.BCART_TOKEN !== undefined && env.BCART_TOKEN.trim() !== '') {
    token = env.BCART_TOKEN;
    source = 'BCART_TOKEN';
  } else {
    throw new CliUsageError('Bカートのトークンを、環境変数 BCART_TOKEN、--token-file ファイル、または --token-stdin (標準入力) で指定してください。');
  }
  token = token.trim();
  if (token === '' || /\s/.test(token)) {
    throw new CliUsageError(`${source} から読んだトークンが空か、空白を含んでいます。Bカートで発行したトークンだけを渡してください。`);
  }
  return token;
}
