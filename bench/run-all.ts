/**
 * `npm run bench`: runs every benchmark in bench/ one after another (each prints its own figures
 * and ratios against a baseline measured in the same run). Pass names to run a subset:
 * `npm run bench -- import tax-update`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = __dirname;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
let failed = 0;
for (const f of files) {
  process.stdout.write(`\n=== ${f} ===\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.stdout.write(`\nbenchmarks: ${files.length - failed} ran, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
