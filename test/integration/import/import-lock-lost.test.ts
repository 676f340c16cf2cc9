/**
 * A run whose import lock cannot be renewed (another process took it over after it expired)
 * stops before it writes and ends FAILED with the reason in Japanese — not as a 中止, which is
 * what the clerk or the app's quit chooses (docs/import-rules.md#one-run-at-a-time). Before, it
 * ended 中止 saying 「中止の操作またはアプリの終了による」, which nobody had done.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/create-core';
import { createMemoryTokenStore } from '../../../src-main/core/memory-token-store';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { MIGRATIONS_DIR } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { seedImportBooks } from './import-fixture';

const tmp = makeTempDir('bcart-import-lock-lost-');

describe('an import that loses its lock', () => {
  let sim: RunningSimulator;
  let app: Core;
  let settingId = 0;

  beforeAll(async () => {
    const today = jstDateOf(Date.now());
    sim = await startSimulator({ seed: 4, orders: 10, fromDate: addDays(today, -3), toDate: today, rateLimit: false, includeUnsupported: false });
    const dir = join(tmp.dir, 'data');
    app = await createCore({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, logger: createMemoryLogger(), tokenStore: createMemoryTokenStore(), importLockTtlMs: 600 });
    settingId = (await seedImportBooks(app.db, app.services.bcart, sim, addDays(today, -3))).settingId;
  });
  afterAll(async () => {
    app?.close();
    await sim?.close();
    tmp.cleanup();
  });

  it('ends failed with the reason, writes nothing, and the next run imports', async () => {
    sim.faults.set([{ kind: 'hang', path: '/orders', count: -1 }]);
    const { runId, done } = app.services.imports.start(settingId, { dryRun: false, trigger: 'manual' });
    // another process takes the lock over (as after this one's lease had run out)
    const taken = app.db.prepare(`update leases set holder = 'other-host:999:x', expires_at = ? where name = ?`).run(new Date(Date.now() + 60_000).toISOString(), `import:${settingId}`);
    expect(taken.changes).toBe(1);
    const outcome = await done;
    expect(outcome.status).toBe('failed');
    expect(outcome.committed).toBe(false);
    expect(outcome.message).toContain('実行中の印(ロック)を更新できませんでした');
    expect(outcome.message).not.toContain('中止の操作');
    const row = app.db.prepare('select status, message from import_runs where id = ?').get(runId) as { status: string; message: string };
    expect(row).toMatchObject({ status: 'failed', message: expect.stringContaining('もう一度出荷取込処理を実行してください') });
    expect(app.db.prepare('select count(*) as n from shipments').get()).toEqual({ n: 0 });

    sim.faults.clear();
    app.db.prepare('delete from leases where name = ?').run(`import:${settingId}`);
    const again = await app.services.imports.start(settingId, { dryRun: false, trigger: 'manual' }).done;
    expect(again.status).toBe('succeeded');
  }, 60_000);
});
