/**
 * TAX-concurrent (docs/reliability.md#tax-update-once-and-exact): the app and the CLI apply the tax
 * update at once, as two real processes (concurrent-child.ts) released by one barrier, over several
 * rounds on fresh copies of the same books, the first side given a head start of 0–1,500 ms (the CLI, which opens its database only when released, 300 and 1,500 ms)
 * so the apply transactions interleave differently. Every round: exactly one side applies, the other
 * is refused with a typed error and a Japanese message (nothing half-done), the database holds one
 * run record, one 管理者ログ line and the 定期申込 exactly as a single apply leaves them.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { TAX_UPDATE_CHECKLIST_IDS } from '../../../src-shared/tax-update/checklist';
import { MIGRATIONS_DIR, makeTestCore } from '../../helpers/core';
import { setStoreClosed } from '../../helpers/store-mode';
import { makeTempDir } from '../../helpers/temp-dir';
import { dumpSubscriptions, insertProducts, makeDataset } from './tax-update-fixture';

const ROOT = join(__dirname, '..', '..', '..');
const CHILD = join(__dirname, 'concurrent-child.ts');
const ROUNDS = 4;

interface Side {
  proc: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  result: Promise<{ ok: boolean; code: string; message: string } | null>;
  stderr: () => string;
}

function start(role: 'app' | 'cli', dir: string): Side {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, role, dir, MIGRATIONS_DIR], { cwd: ROOT });
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (onReady = r));
  proc.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('ready\n')) onReady();
  });
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const result = new Promise<{ ok: boolean; code: string; message: string } | null>((resolve) =>
    proc.on('close', () => {
      const line = out.split('\n').find((l) => l.startsWith('result '));
      resolve(line ? (JSON.parse(line.slice(7)) as { ok: boolean; code: string; message: string }) : null);
    }),
  );
  return { proc, ready, result, stderr: () => err };
}

function state(dir: string) {
  const db = new Database(join(dir, DB_FILE_NAME), { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      runs: n('select count(*) as n from tax_update_runs'),
      logs: n(`select count(*) as n from admin_logs where action like 'taxUpdate.apply%'`),
      subscriptions: dumpSubscriptions(db),
      integrity: String(db.pragma('integrity_check', { simple: true })),
    };
  } finally {
    db.close();
  }
}

describe('TAX-concurrent: the app and the CLI apply the tax update at once', () => {
  const tmp = makeTempDir('bcart-desk-taxrace-');
  const template = join(tmp.dir, 'template');
  let expected = '';
  let before = '';
  const copy = (to: string) => {
    mkdirSync(to, { recursive: true });
    copyFileSync(join(template, DB_FILE_NAME), join(to, DB_FILE_NAME));
  };

  beforeAll(async () => {
    const t = await makeTestCore({}, template);
    const data = makeDataset(7, 60);
    insertProducts(t.core.db, data.products);
    t.core.services.repos.subscriptions.replaceAll(data.apps, t.core.services.ports.now());
    setStoreClosed(t.core, true);
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    t.core.close();
    before = state(template).subscriptions;
    const refDir = join(tmp.dir, 'reference');
    copy(refDir);
    const ref = await makeTestCore({}, refDir);
    await ref.core.services.taxUpdate.apply({
      eventId: PRESET_2019.id,
      rounding: 'floor',
      checked: TAX_UPDATE_CHECKLIST_IDS,
      understood: true,
    });
    ref.core.close();
    expected = state(refDir).subscriptions;
    expect(expected).not.toBe(before);
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it(`${ROUNDS} rounds: exactly one applies, the other is refused whole`, async () => {
    const winners: Record<string, number> = {};
    const refusals: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const dir = join(tmp.dir, `round-${round}`);
      copy(dir);
      const app = start('app', dir);
      const cli = start('cli', dir);
      await Promise.all([app.ready, cli.ready]);
      // alternate which side goes first, and by how much
      const [first, second] = round % 2 === 0 ? [app, cli] : [cli, app];
      first.proc.stdin.end('go\n');
      await new Promise((r) => setTimeout(r, [0, 300, 50, 1_500][round % 4]));
      second.proc.stdin.end('go\n');
      const [a, c] = await Promise.all([app.result, cli.result]);
      expect(a, app.stderr()).not.toBeNull();
      expect(c, cli.stderr()).not.toBeNull();
      const ok = [a!, c!].filter((r) => r.ok);
      const refused = [a!, c!].filter((r) => !r.ok);
      expect(ok, `round ${round}: ${JSON.stringify({ app: a, cli: c })}`).toHaveLength(1);
      expect(['ALREADY_APPLIED', 'CONFLICT', 'DB_BUSY']).toContain(refused[0]!.code);
      expect(refused[0]!.message).toMatch(/[ぁ-んァ-ン一-龯]/);
      const s = state(dir);
      expect(s).toEqual({ runs: 1, logs: 1, subscriptions: expected, integrity: 'ok' });
      winners[a!.ok ? 'app' : 'cli'] = (winners[a!.ok ? 'app' : 'cli'] ?? 0) + 1;
      refusals[refused[0]!.code] = (refusals[refused[0]!.code] ?? 0) + 1;
    }
    console.log(
      `TAX-concurrent: ${ROUNDS} rounds of app + CLI applying at once: applied once every round (won by ${JSON.stringify(winners)}); the other refused ${JSON.stringify(refusals)}; one run record, one 管理者ログ line, 定期申込 = a single apply`,
    );
  }, 600_000);
});
