/**
 * The stock CLI contract on a data folder made by `init` against the simulator: warehouse:add,
 * receipt:create / transfer:create (--confirm pushes before exiting), stock-slip:confirm / unconfirm,
 * stock:push, stock:list, stock:reconcile, stock:migrate — names and JSON shapes are a contract used
 * by checks outside the repo (README, コマンドライン); --line splits on the last ':'; a confirm whose
 * push is left pending still exits 0.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { parseLine } from '../../../src-main/cli/stock-cli-refs';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..', '..');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const json = <T>(r: { code: number; out: string; err: string }): T => {
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as T;
};

describe('stock CLI', () => {
  let sim: RunningSimulator;
  const tmp = makeTempDir();
  const dir = tmp.dir;
  const today = jstDateOf(Date.now());
  beforeAll(async () => {
    sim = await startSimulator({ seed: 31, orders: 0, rateLimit: false, includeUnsupported: false });
    const init = await cli('init', '--data-dir', dir, '--base-url', sim.url, '--token', sim.token, '--from', addDays(today, -2));
    expect(init.code, init.err).toBe(0);
  });
  afterAll(async () => {
    await sim.close();
    tmp.cleanup();
  });
  const managed = () => sim.state.productSets.filter((s) => s.stock !== null && s.stock_flag === 0);

  it('--line splits on the last ":"', () => {
    expect(parseLine('HT-TEA-20:60')).toEqual({ product: 'HT-TEA-20', quantity: 60 });
    expect(parseLine('A:B:3')).toEqual({ product: 'A:B', quantity: 3 });
    expect(() => parseLine('NOQTY')).toThrow('商品コード:数量');
    expect(() => parseLine('X:-1')).toThrow();
  });

  it('warehouse:add registers a confirmed 倉庫', async () => {
    const r = json<{ code: string; kind: string; confirmed: boolean }>(
      await cli('warehouse:add', '--data-dir', dir, '--code', 'WH-2', '--name', '第二倉庫', '--json'),
    );
    expect(r).toMatchObject({ code: 'WH-2', kind: '倉庫', confirmed: true });
    const again = await cli('warehouse:add', '--data-dir', dir, '--code', 'WH-2', '--name', '重複');
    expect(again.code).toBe(1);
    expect(again.err).toContain('取引先コードはすでに使われています');
  });

  it('receipt:create --confirm pushes before exiting; stock:list shows it; unconfirm sends it back', async () => {
    const s = managed()[0]!;
    const before = s.stock!;
    const r = json<{ slipId: number; confirmed: boolean; queued: number; push: { pending: number; failed: number; ambiguous: number } }>(
      await cli(
        'receipt:create',
        '--data-dir',
        dir,
        '--warehouse',
        'WH-EC',
        '--date',
        today,
        '--line',
        `${s.product_no}:60`,
        '--confirm',
        '--json',
      ),
    );
    expect(r).toMatchObject({ confirmed: true, queued: 1, push: { pending: 0, failed: 0, ambiguous: 0 } });
    expect(typeof r.slipId).toBe('number');
    expect(sim.state.getSet(s.id)!.stock).toBe(before + 60);
    const list = json<{ warehouse: string; product: string; quantity: number }[]>(await cli('stock:list', '--data-dir', dir, '--json'));
    expect(list).toContainEqual({ warehouse: 'WH-EC', product: s.product_no, quantity: 60 });
    const un = json<{ slipId: number; confirmed: boolean }>(
      await cli('stock-slip:unconfirm', '--data-dir', dir, '--id', String(r.slipId), '--json'),
    );
    expect(un).toMatchObject({ slipId: r.slipId, confirmed: false });
    expect(sim.state.getSet(s.id)!.stock).toBe(before);
    const re = json<{ confirmed: boolean }>(await cli('stock-slip:confirm', '--data-dir', dir, '--id', String(r.slipId), '--json'));
    expect(re.confirmed).toBe(true);
    expect(sim.state.getSet(s.id)!.stock).toBe(before + 60);
  });

  it('transfer:create without --confirm saves a draft; confirming it moves stock out of WH-EC in BCart', async () => {
    const s = managed()[0]!;
    const before = s.stock!;
    const d = json<{ slipId: number; confirmed: boolean; push: null }>(
      await cli(
        'transfer:create',
        '--data-dir',
        dir,
        '--from',
        'WH-EC',
        '--to',
        'WH-2',
        '--date',
        today,
        '--line',
        `${s.product_no}:10`,
        '--json',
      ),
    );
    expect(d).toMatchObject({ confirmed: false, push: null });
    expect(sim.state.getSet(s.id)!.stock).toBe(before);
    json(await cli('stock-slip:confirm', '--data-dir', dir, '--id', String(d.slipId), '--json'));
    expect(sim.state.getSet(s.id)!.stock).toBe(before - 10);
    const list = json<{ warehouse: string; product: string; quantity: number }[]>(await cli('stock:list', '--data-dir', dir, '--json'));
    expect(list).toContainEqual({ warehouse: 'WH-2', product: s.product_no, quantity: 10 });
    expect(list).toContainEqual({ warehouse: 'WH-EC', product: s.product_no, quantity: 50 });
  });

  it('a confirm whose push fails exits 0 and says the change is pending; stock:push sends it later', async () => {
    const s = managed()[1]!;
    const before = s.stock!;
    sim.faults.set([{ kind: 'http-error', status: 503, path: '/product_sets', count: -1 }]);
    const r = json<{ pushLeftPending: boolean; push: { pending: number } }>(
      await cli(
        'receipt:create',
        '--data-dir',
        dir,
        '--warehouse',
        'WH-EC',
        '--date',
        today,
        '--line',
        `${s.product_no}:5`,
        '--confirm',
        '--json',
      ),
    );
    expect(r.pushLeftPending).toBe(true);
    expect(r.push.pending).toBe(1);
    sim.faults.clear();
    // an explicit stock:push sends it at once, backoff or not
    const p = json<{ pending: number; failed: number; ambiguous: number }>(await cli('stock:push', '--data-dir', dir, '--json'));
    expect(p).toMatchObject({ pending: 0, failed: 0, ambiguous: 0 });
    expect(sim.state.getSet(s.id)!.stock).toBe(before + 5);
  });

  it('stock:reconcile lists every managed linked set; a drift made in BCart shows as bcart − expected', async () => {
    const s = managed()[2]!;
    s.stock = s.stock! - 4; // edited by hand in BCart
    const rows = json<
      { product: string; setId: number; local: number; unimported: number; expected: number; bcart: number; drift: number }[]
    >(await cli('stock:reconcile', '--data-dir', dir, '--json'));
    expect(rows.length).toBe(managed().length);
    expect(Object.keys(rows[0]!)).toEqual(['product', 'setId', 'local', 'unimported', 'expected', 'bcart', 'drift']);
    const row = rows.find((r) => r.setId === s.id)!;
    expect(row.drift).toBe(row.bcart - row.expected);
    expect(rows.every((r) => r.bcart !== null)).toBe(true);
  });

  it('stock:migrate previews, --apply writes the opening stock once; then no drift', async () => {
    const p = json<{ applied: boolean; rows: { product: string; opening: number }[] }>(
      await cli('stock:migrate', '--data-dir', dir, '--json'),
    );
    expect(p.applied).toBe(false);
    expect(p.rows.length).toBe(managed().length);
    const a = json<{ applied: boolean; ledgerRows: number }>(await cli('stock:migrate', '--data-dir', dir, '--apply', '--json'));
    expect(a.applied).toBe(true);
    const second = await cli('stock:migrate', '--data-dir', dir, '--apply', '--json');
    expect(second.code).toBe(1);
    expect(second.err).toContain('ALREADY_APPLIED');
    const rows = json<{ drift: number }[]>(await cli('stock:reconcile', '--data-dir', dir, '--json'));
    expect(rows.filter((r) => r.drift !== 0)).toEqual([]);
  });

  it('usage errors exit 2 in Japanese; --setting must name an existing setting', async () => {
    const bad = await cli('receipt:create', '--data-dir', dir, '--warehouse', 'WH-EC', '--date', '2025/01/01', '--line', 'X:1');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('YYYY-MM-DD');
    const none = await cli('stock:push', '--data-dir', dir, '--setting', '99', '--json');
    expect(none.code).toBe(1);
    expect(none.err).toContain('EC連携設定');
  });

  it('runs as `npm run cli` (the way outside checks call it)', () => {
    const r = spawnSync('npx', ['tsx', 'src-main/cli.ts', 'stock:list', '--data-dir', dir, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });
});
