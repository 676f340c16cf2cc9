/**
 * Client overhead benchmark: fetching 10,000 orders (100 pages of complete=1) through the BCart client
 * (rate limiter, timeouts, retries, zod parsing + normalisation, dedup, client-side filter) versus a
 * bare fetch loop over the same pages that only JSON.parses. Repetitions are interleaved so drift in
 * the machine or the simulator hits both sides alike. Target: client ≤ 1.25 × bare.
 *
 * Run: npx tsx bench/bcart-client.bench.ts [reps]
 */
import { createBcartClient } from '../src-main/core/bcart/client';
import { systemClock, systemTimers, type Logger } from '../src-main/core/ports';
import { startSimulator } from '../src-main/simulator';

const ORDERS = 10_000;
const REPS = Number(process.argv[2] ?? 7);

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
  const sim = await startSimulator({ seed: 1, orders: ORDERS, rateLimit: false });
  const client = createBcartClient({
    baseUrl: sim.url,
    getAccessToken: async () => sim.token,
    fetch: (u, i) => fetch(u, i),
    clock: systemClock,
    timers: systemTimers,
    logger: silent,
    // the limiter still runs (its cost is part of the overhead) but must not pause the benchmark:
    // a full fetch is 100 calls, so the default 250 / 300 s would stall the third repetition
    rateBudget: 1_000_000,
  });

  const viaClient = async (): Promise<number> => (await client.listOrders({})).length;
  // the bare loop keeps what it fetched, like the client does: a fetch of "all orders" that threw
  // each page away would not pay for holding 10,000 orders in memory (GC promotion), which is real work
  const bare = async (): Promise<number> => {
    const all: unknown[] = [];
    for (let offset = 0; offset < ORDERS; offset += 100) {
      const res = await fetch(`${sim.url}/orders?complete=1&limit=100&offset=${offset}`, {
        headers: { Authorization: `Bearer ${sim.token}`, Accept: 'application/json' },
      });
      const body = JSON.parse(await res.text()) as { orders: unknown[] };
      for (const o of body.orders) all.push(o);
    }
    return all.length;
  };

  // CPU time of this process (client + in-process simulator) is reported too: on a shared, loaded
  // machine wall time swings by ±50 %, CPU time much less
  const cpu = { client: [] as number[], bare: [] as number[] };
  const time = async (f: () => Promise<number>): Promise<number> => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const n = await f();
    if (n !== ORDERS) throw new Error(`expected ${ORDERS} orders, got ${n}`);
    const wall = performance.now() - t0;
    const dc = process.cpuUsage(c0);
    (f === bare ? cpu.bare : cpu.client).push((dc.user + dc.system) / 1000);
    return wall;
  };

  // warm-up (JIT, simulator caches, sockets)
  await time(bare);
  await time(viaClient);

  cpu.client.length = 0;
  cpu.bare.length = 0;
  const c: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < REPS; i++) {
    // alternate which side goes first
    if (i % 2 === 0) {
      b.push(await time(bare));
      c.push(await time(viaClient));
    } else {
      c.push(await time(viaClient));
      b.push(await time(bare));
    }
  }
  await sim.close();
  const mc = median(c);
  const mb = median(b);
  const ratio = mc / mb;
  console.log(`bcart-client bench: ${ORDERS} orders, ${REPS} interleaved reps`);
  console.log(`  bare fetch + JSON.parse : median ${mb.toFixed(0)} ms  [${b.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`  BCart client            : median ${mc.toFixed(0)} ms  [${c.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`  ratio client / bare     : ${ratio.toFixed(3)} (target ≤ 1.25) ${ratio <= 1.25 ? 'OK' : 'OVER'}`);
  const cpuRatio = median(cpu.client) / median(cpu.bare);
  console.log(
    `  CPU ms (incl. simulator): bare ${median(cpu.bare).toFixed(0)}, client ${median(cpu.client).toFixed(0)}, ratio ${cpuRatio.toFixed(3)}`,
  );
  process.exitCode = ratio <= 1.25 ? 0 : 1;
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
