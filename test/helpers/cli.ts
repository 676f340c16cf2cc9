/** Runs the CLI in-process (the same `runCli` as `npm run cli`) and keeps what it printed. */
import { runCli } from '../../src-main/cli';

export interface CliResult {
  /** the exit code the command returned */
  code: number;
  /** standard output, lines joined with \n */
  out: string;
  /** standard error, lines joined with \n */
  err: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
