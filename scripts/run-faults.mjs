// `npm run test:faults`: the nightly-sized fault and crash sweeps (BCART_FAULTS_FULL=1 makes each
// suite sweep its larger run: every statement boundary of a bigger import and tax update, and the
// sabotage runs over every point instead of the points around the write transaction). Prints the
// same closing "tests: …" line as `npm test` (scripts/run-tests.mjs).
import { spawnSync } from 'node:child_process';

const SUITES = [
  'test/integration/import/import-crash.test.ts',
  'test/integration/tax-update/crash-during-apply.test.ts',
  'test/integration/import/import-faults.test.ts',
  'test/integration/import/write-faults.test.ts',
];
const run = spawnSync(process.execPath, ['scripts/run-tests.mjs', '--project', 'integration', ...SUITES, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, BCART_FAULTS_FULL: '1' },
});
process.exit(run.status ?? 1);
