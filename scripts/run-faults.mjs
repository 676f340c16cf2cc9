// `npm run test:faults`: the nightly-sized fault and crash sweeps. BCART_FAULTS_FULL=1 makes each
// suite sweep its larger run: every statement boundary of a bigger import, tax update, stock 確定,
// push round and 請求締め (the tax-update restore at its one size); SQLite errors at every statement
// of the import, 請求締め, 確定 and tax update; kills from outside on 200 random points of the import;
// and the sabotage runs over every point instead of the points around the write transaction. The
// stock outbox model runs over OUT_MODEL_SEEDS seeds (default 500) on OUT_MODEL_LANES simulators
// (default 2). Prints the same closing "tests: …" line as `npm test` (scripts/run-tests.mjs).
import { spawnSync } from 'node:child_process';

const SUITES = [
  'test/integration/import/import-crash.test.ts',
  'test/integration/tax-update/crash-during-apply.test.ts',
  // the restore's sweep is every boundary already; it is the same size here as in `npm test`
  'test/integration/tax-update/crash-during-restore.test.ts',
  'test/integration/import/import-faults.test.ts',
  'test/integration/import/write-faults.test.ts',
  'test/integration/stock/stock-crash.test.ts',
  'test/integration/receivables/closing-crash.test.ts',
  'test/integration/stock/outbox-model.test.ts',
];
const run = spawnSync(process.execPath, ['scripts/run-tests.mjs', '--project', 'integration', ...SUITES, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    BCART_FAULTS_FULL: '1',
    OUT_MODEL_SEEDS: process.env.OUT_MODEL_SEEDS ?? '500',
    OUT_MODEL_LANES: process.env.OUT_MODEL_LANES ?? '2',
  },
});
process.exit(run.status ?? 1);
