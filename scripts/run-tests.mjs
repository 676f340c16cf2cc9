// Runs every Vitest project and prints the closing line CI reads ("tests: N passed, N failed"),
// computed from Vitest's JSON report rather than its human summary. Exits non-zero when a test
// failed, a suite failed to load, or nothing ran at all.
// Usage: node scripts/run-tests.mjs [--project unit] [extra vitest args]
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

// BCART_TEST_REPORT_DIR: a test that runs this script itself keeps the outer run's report apart
const reportDir = process.env.BCART_TEST_REPORT_DIR || join(process.cwd(), 'test-output');
mkdirSync(reportDir, { recursive: true });
const report = join(reportDir, 'vitest-report.json');
rmSync(report, { force: true });

const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
// The suite runs in a zone that is not JST (America/New_York unless BCART_TEST_TZ names another):
// business dates are JST calendar dates whatever the machine's zone, so a test or code path that
// leans on the machine's zone fails here instead of only on a clerk's PC abroad.
const TZ = process.env.BCART_TEST_TZ || 'America/New_York';
console.log(`TZ=${TZ}`);
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TZ } });

let passed = 0;
let failed = 0;
let skipped = 0;
let suiteErrors = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) suiteErrors++;
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'passed') passed++;
      else if (t.status === 'failed') failed++;
      else skipped++;
    }
  }
} catch (e) {
  console.error(`テスト結果 (${report}) を読めませんでした: ${e.message}`);
  suiteErrors++;
}
failed += suiteErrors;
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
const ok = run.status === 0 && failed === 0 && passed > 0;
process.exit(ok ? 0 : 1);
