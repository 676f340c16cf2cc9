// The full fault sweeps (docs/reliability.md#stock-push), too long for `npm test`: the OUT-model suite of the stock
// outbox over OUT_MODEL_SEEDS seeds (default 500) on OUT_MODEL_LANES simulators (default 2), each
// seed with SIGKILLed child processes and seeded faults. Prints the closing "tests: …" line.
// Usage: npm run test:faults   (OUT_MODEL_SEEDS=1000 npm run test:faults for more)
import { spawnSync } from 'node:child_process';

const env = { ...process.env, OUT_MODEL_SEEDS: process.env.OUT_MODEL_SEEDS ?? '500', OUT_MODEL_LANES: process.env.OUT_MODEL_LANES ?? '2' };
const run = spawnSync(
  process.execPath,
  ['scripts/run-tests.mjs', '--project', 'integration', 'test/integration/stock/outbox-model.test.ts'],
  { stdio: 'inherit', env },
);
process.exit(run.status ?? 1);
