/**
 * `npm run cli -- simulator --port N --seed N --orders N --rate-limit on|off`
 * Starts the simulator and prints exactly two lines for scripts to read:
 *   BCART_SIMULATOR_URL=<url>
 *   BCART_TOKEN=<token>
 * then serves until SIGINT/SIGTERM.
 */
import { startSimulator, type SimulatorOptions } from './start-simulator';

/**
 * Parses the simulator command's flags; throws an Error with a Japanese message on bad input. The
 * command is a test tool: it serves the /__admin controls and the instant-approve OAuth endpoints.
 */
export function parseSimulatorArgs(argv: string[]): SimulatorOptions {
  const opts: SimulatorOptions = { mode: 'test' };
  const int = (flag: string, v: string | undefined, min: number): number => {
    if (v === undefined || !/^\d+$/.test(v) || Number(v) < min) {
      throw new Error(`${flag} には ${min} 以上の整数を指定してください。`);
    }
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (flag) {
      case '--port':
        opts.port = int(flag, value(), 0);
        break;
      case '--seed':
        opts.seed = int(flag, value(), 0);
        break;
      case '--orders':
        opts.orders = int(flag, value(), 0);
        break;
      case '--token': {
        const v = value();
        if (!v) throw new Error('--token には文字列を指定してください。');
        opts.token = v;
        break;
      }
      case '--rate-limit': {
        const v = value();
        if (v !== 'on' && v !== 'off') throw new Error('--rate-limit には on または off を指定してください。');
        opts.rateLimit = v === 'on';
        break;
      }
      default:
        throw new Error(`不明なオプションです: ${arg}（使用できるのは --port --seed --orders --rate-limit --token です）`);
    }
  }
  return opts;
}

/** Runs the simulator command until SIGINT/SIGTERM. */
export async function runSimulatorCommand(argv: string[]): Promise<void> {
  const sim = await startSimulator(parseSimulatorArgs(argv));
  process.stdout.write(`BCART_SIMULATOR_URL=${sim.url}\nBCART_TOKEN=${sim.token}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void sim.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
