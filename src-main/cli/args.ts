/**
 * Tiny, strict argument parser for the CLI (node:util parseArgs underneath): unknown options and
 * missing values become Japanese errors with the usage line.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class CliUsageError extends Error {}

export function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new CliUsageError(`引数が正しくありません: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A required string option. */
export function required(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new CliUsageError(`--${name} を指定してください。`);
  return v;
}
