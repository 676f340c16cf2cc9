/**
 * Each process-boundary lint rule fires on a fixture that breaks it (test/fixtures/lint/), and the
 * same fixture passes where the rule allows it (repositories may reach the tables; the CLI and the
 * shell may start the simulator). The real source tree passes the same rules (npm run lint). The fixtures are linted as if they lived in the real
 * folders (ESLint's filePath option), so the rule selection by folder is what is tested.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const FIX = join(ROOT, 'test', 'fixtures', 'lint');

async function lintAs(fixture: string, pretendPath: string) {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'eslint.config.mjs') });
  const [result] = await eslint.lintText(readFileSync(join(FIX, fixture), 'utf8'), { filePath: join(ROOT, pretendPath) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax');
}

describe('lint enforces the process boundaries', () => {
  const cases: [string, string, RegExp][] = [
    ['src-shared/imports-node.ts', 'src-shared/domain/x.ts', /platform-free/],
    ['src-shared/imports-electron.ts', 'src-shared/domain/x.ts', /must not import electron/],
    ['src-main/core/imports-electron.ts', 'src-main/core/x.ts', /never import electron/],
    ['src-main/core/uses-ipc-main.ts', 'src-main/core/x.ts', /ipcMain/],
    ['src-renderer/imports-main.ts', 'src-renderer/features/x.ts', /must not import src-main/],
    ['src-renderer/uses-ipc-renderer.ts', 'src-renderer/features/x.ts', /ipcRenderer/],
    // the composition root's ports are the only way in for the simulator, the harness and the CLI
    ['src-main/core/imports-simulator.ts', 'src-main/core/setup/x.ts', /must not import the simulator/],
    ['src-main/core/imports-harness.ts', 'src-main/core/x.ts', /must not import the simulator, the harness or the CLI/],
    ['src-main/core/imports-cli.ts', 'src-main/core/import/x.ts', /must not import the simulator, the harness or the CLI/],
    ['src-main/core/imports-simulator.ts', 'src-main/core/setup/x-repository.ts', /must not import the simulator/],
    // one owner per table: the schema, drizzle and SQL only in repositories and db/
    ['src-main/core/imports-schema.ts', 'src-main/core/masters/x-service.ts', /Only repositories/],
    ['src-main/core/imports-drizzle.ts', 'src-main/core/import/x.ts', /Only repositories/],
    ['src-main/core/prepares-sql.ts', 'src-main/core/tax-update/x.ts', /Only repositories/],
    ['src-main/core/prepares-sql.ts', 'src-main/cli/x.ts', /Only repositories/],
    ['src-main/core/imports-schema.ts', 'src-main/harness/x.ts', /Only repositories/],
    ['src-main/core/prepares-sql.ts', 'src-main/shell/x.ts', /Only repositories/],
    ['src-renderer/ad-hoc-query-key.ts', 'src-renderer/features/x.ts', /Query keys live in src-renderer\/queries/],
    ['src-renderer/invalidates-by-hand.ts', 'src-renderer/features/x.ts', /data:changed/],
    ['src-renderer/invalidates-by-hand.ts', 'src-renderer/format/x.ts', /data:changed/],
    ['src-renderer/formats-locale.ts', 'src-renderer/features/x.ts', /src-renderer\/format/],
    ['src-renderer/formats-locale.ts', 'src-renderer/queries/x.ts', /src-renderer\/format/],
    ['src-renderer/double-cast.ts', 'src-renderer/features/x.ts', /as unknown as/],
    ['src-renderer/double-cast.ts', 'src-renderer/queries/x.ts', /as unknown as/],
  ];
  for (const [fixture, pretend, message] of cases) {
    it(`${fixture} is rejected`, async () => {
      const problems = await lintAs(fixture, pretend);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.map((p) => p.message).join('\n')).toMatch(message);
    }, 60_000);
  }

  it('finds every formatting call of the fixture (toLocaleString and Intl)', async () => {
    const problems = await lintAs('src-renderer/formats-locale.ts', 'src-renderer/features/x.ts');
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
  }, 60_000);

  it('query keys and cache refreshes are allowed in src-renderer/queries, formatting in src-renderer/format', async () => {
    expect(await lintAs('src-renderer/ad-hoc-query-key.ts', 'src-renderer/queries/x.ts')).toEqual([]);
    expect(await lintAs('src-renderer/invalidates-by-hand.ts', 'src-renderer/queries/x.ts')).toEqual([]);
    expect(await lintAs('src-renderer/formats-locale.ts', 'src-renderer/format/x.ts')).toEqual([]);
  }, 60_000);

  it('the same electron import is allowed in src-main/shell', async () => {
    const problems = await lintAs('src-main/core/imports-electron.ts', 'src-main/shell/x.ts');
    expect(problems).toEqual([]);
  }, 60_000);

  const allowed: [string, string][] = [
    ['src-main/core/imports-schema.ts', 'src-main/core/masters/x-repository.ts'],
    ['src-main/core/imports-drizzle.ts', 'src-main/core/masters/x-repositories.ts'],
    ['src-main/core/prepares-sql.ts', 'src-main/core/db/x.ts'],
    ['src-main/core/imports-simulator.ts', 'src-main/cli/x.ts'],
    ['src-main/core/imports-simulator.ts', 'src-main/shell/x.ts'],
  ];
  for (const [fixture, pretend] of allowed) {
    it(`${fixture} is allowed as ${pretend}`, async () => {
      expect(await lintAs(fixture, pretend)).toEqual([]);
    }, 60_000);
  }
});
