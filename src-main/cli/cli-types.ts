/** A headless command: parses its own arguments, prints results, returns the exit code. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand {
  /** one line for `npm run cli -- help` */
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}
