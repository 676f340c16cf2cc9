/** Child-process entry for the CLI test: `node --import tsx run-cli-simulator.ts <flags>`. */
import { runSimulatorCommand } from '../../../src-main/simulator/cli-simulator';

runSimulatorCommand(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
