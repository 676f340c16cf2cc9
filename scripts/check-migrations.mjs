// Fails when src-main/core/db/schema differs from the migrations in drizzle/: runs drizzle-kit
// generate into a scratch copy of drizzle/ and checks that it had nothing to add.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'drizzle-check-'));
const out = join(scratch, 'drizzle');
cpSync('drizzle', out, { recursive: true });
const before = readdirSync(out).sort();
const run = spawnSync(
  'npx',
  ['drizzle-kit', 'generate', '--dialect', 'sqlite', '--schema', './src-main/core/db/schema/index.ts', '--out', out, '--name', 'schema_check'],
  { encoding: 'utf8' },
);
const after = readdirSync(out).sort();
rmSync(scratch, { recursive: true, force: true });
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error('drizzle-kit generate failed');
  process.exit(1);
}
const added = after.filter((f) => !before.includes(f));
if (added.length > 0) {
  console.error(`schema.ts and drizzle/ disagree: drizzle-kit would add ${added.join(', ')}. Run "npm run db:generate" and commit the result.`);
  process.exit(1);
}
console.log('drizzle/ matches the schema.');
