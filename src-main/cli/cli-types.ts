/** A headless command: parses its own arguments, prints results, returns the exit code. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** default process.env (BCART_TOKEN, BCART_EXTERNAL_HOSTS) */
  env?: Record<string, string | undefined>;
  /** default process.stdin (--token-stdin) */
  stdin?: NodeJS.ReadableStream;
}

export interface CliCommand {
  /** one line for `npm run cli -- help` */
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}
