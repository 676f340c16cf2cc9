/**
 * Child process of the OUT-model suite (bundled once by the test): opens a data folder like the CLI,
 * builds the stock feature the way create-core does, and executes JSON commands read from stdin,
 * one per line, answering "ok <json>" per command.
 *
 *   {"op":"slip","kind":"receipt"|"transfer","from":id,"to":id|null,"lines":[[productId,qty]],"push":bool,"killAt"?:K}
 *   {"op":"confirm"|"unconfirm","id":n,"push":bool,"killAt"?:K}
 *   {"op":"push","killAt"?:K}            K = {"label": a kill point's label, "nth": its occurrence in the command}
 *
 * Kill points make the crashes reproducible from the seed instead of depending on when a signal
 * lands: the boundaries between the steps of a command — after the slip is saved, inside each
 * transaction of the feature before its COMMIT (確定 / 確定取消 with its ledger and outbox rows, the
 * pusher's records), after 確定 / 確定取消 committed (outbox row written, nothing sent), and before and after every BCart request of
 * the push ("before patchProductSetStocks": rows claimed and stock_before recorded, nothing sent
 * yet; "after …": BCart answered or failed, nothing recorded yet) — are counted per label, and at
 * the command's kill point the child prints "kill-point <label>" and freezes (no further JavaScript
 * runs) until the parent SIGKILLs it.
 *
 * `--clock-offset=MS` shifts this process's clock (and the simulator's, which the parent moves in
 * step): a child started after a kill lives later than the dead holder's lease, as if its expiry
 * had been waited for, without a wall-clock wait the test's outcome would depend on (`--lease-ttl=MS`
 * is the pushers' lease lifetime, long enough never to lapse while a child is alive).
 * `--sabotage=resend` makes the BCart client resend a stock write whose outcome is unknown at once
 * (same request id), `--sabotage=retry-later` makes it report that write as surely not applied, so
 * the pusher sends it again in a later round — the bugs the suite must catch; the app does neither.
 */
import { createInterface } from 'node:readline';
import { AppError } from '../../../../src-shared/errors';
import type { BcartClient } from '../../../../src-main/core/bcart/client';
import { createCore } from '../../../../src-main/core/create-core';
import { openCliTokenStore } from '../../../../src-main/core/file-token-store';
import { createConsoleLogger } from '../../../../src-main/core/logging';
import { classifySendError } from '../../../../src-main/core/stock/rules/send-outcome';
import { createStockFeature } from '../../../../src-main/core/stock/stock-feature';

/** A client that blindly sends a write again when its outcome is unknown. */
function resendingClient(inner: BcartClient): BcartClient {
  return {
    ...inner,
    async patchProductSetStocks(p, o) {
      try {
        return await inner.patchProductSetStocks(p, o);
      } catch (e) {
        if (classifySendError(e).kind !== 'unknown') throw e;
        return inner.patchProductSetStocks(p, o);
      }
    },
  };
}

/**
 * A client that takes a write whose outcome is unknown for one that surely failed before BCart
 * processed it, so the pusher puts it back to pending and sends it again later under a new
 * request id (a double-apply the journal's request ids cannot show; the stock equation must).
 */
function retryLaterClient(inner: BcartClient): BcartClient {
  return {
    ...inner,
    async patchProductSetStocks(p, o) {
      try {
        return await inner.patchProductSetStocks(p, o);
      } catch (e) {
        if (classifySendError(e).kind !== 'unknown') throw e;
        throw new AppError('BCART_RATE_LIMITED', 'sabotage: unknown outcome taken for not applied', { retryable: true });
      }
    },
  };
}

/** The BCart requests the stock feature makes; each is a kill point before and after. */
const REQUESTS = ['getProductSetsByIds', 'listProductSets', 'listOrders', 'patchProductSetStocks', 'patchProductStock'] as const;

/** the kill point of the running command: the `nth` boundary with this label */
let killAt: { label: string; nth: number } | null = null;
const seen = new Map<string, number>();

/** A step boundary: at the command's kill point, freeze until the parent's SIGKILL. */
function point(label: string): void {
  const n = (seen.get(label) ?? 0) + 1;
  seen.set(label, n);
  if (killAt === null || killAt.label !== label || killAt.nth !== n) return;
  process.stdout.write(`kill-point ${label}\n`); // stdout is a pipe: written synchronously on Linux
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

function withKillPoints(inner: BcartClient): BcartClient {
  const c: BcartClient = { ...inner };
  for (const name of REQUESTS) {
    const fn = inner[name] as (...args: unknown[]) => Promise<unknown>;
    (c as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      point(`before ${name}`);
      try {
        return await fn(...args);
      } finally {
        point(`after ${name}`);
      }
    };
  }
  return c;
}

async function main(): Promise<void> {
  const [dataDir, migrationsDir, ...flags] = process.argv.slice(2);
  const sabotage = flags.find((f) => f.startsWith('--sabotage='))?.slice('--sabotage='.length);
  const flag = (name: string) => Number(flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3) ?? 0);
  const offset = flag('clock-offset');
  const clock = { now: () => Date.now() + offset };
  const logger = createConsoleLogger('out-model-child', 'error');
  const core = await createCore({
    dataDir: dataDir!,
    migrationsDir: migrationsDir!,
    logger,
    tokenStore: openCliTokenStore(dataDir!),
    clock,
  });
  // a timeout long enough that only an injected hang reaches it, even on a busy machine
  const timing = { timeoutMs: 2_000, maxRetries: 1, backoffBaseMs: 1, backoffCapMs: 5 };
  const services = core.services;
  const stock = createStockFeature({
    repos: services.repos.stock,
    leases: services.stock.leases,
    // a kill point inside every transaction of the feature, after its writes and before COMMIT
    transaction: (fn) =>
      services.repos.transaction(
        () => {
          const result = fn();
          point('in transaction');
          return result;
        },
        { immediate: true },
      ),
    clock,
    timers: services.ports.timers,
    logger,
    now: services.ports.now,
    emit: () => undefined,
    clientOf: (id) => {
      const c = withKillPoints(services.bcart.client(services.bcart.session(id).setting, timing));
      return sabotage === 'resend' ? resendingClient(c) : sabotage === 'retry-later' ? retryLaterClient(c) : c;
    },
    pusherOptions: { leaseTtlMs: flag('lease-ttl'), backoff: { baseMs: 1, capMs: 5 }, orderWindowMs: 10 * 60_000 },
  });
  const out = (v: unknown) => process.stdout.write(`ok ${JSON.stringify(v)}\n`);
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) {
    const cmd = JSON.parse(line) as {
      op: string;
      kind?: 'receipt' | 'transfer';
      from?: number;
      to?: number | null;
      lines?: [number, number][];
      id?: number;
      push?: boolean;
      killAt?: { label: string; nth: number };
    };
    seen.clear();
    killAt = cmd.killAt ?? null;
    try {
      if (cmd.op === 'slip') {
        const slip = stock.slips.create({
          kind: cmd.kind!,
          date: '2025-05-01',
          warehouseId: cmd.from!,
          ...(cmd.kind === 'transfer' ? { toWarehouseId: cmd.to! } : {}),
          lines: cmd.lines!.map(([productId, quantity]) => ({ productId, quantity })),
        });
        process.stdout.write(`created ${slip.id}\n`);
        point('saved');
        stock.slips.confirm(slip.id);
        point('confirmed');
        if (cmd.push) await stock.pusher.pushNow();
        out({ id: slip.id });
      } else if (cmd.op === 'confirm' || cmd.op === 'unconfirm') {
        if (cmd.op === 'confirm') stock.slips.confirm(cmd.id!);
        else stock.slips.unconfirm(cmd.id!);
        point(cmd.op === 'confirm' ? 'confirmed' : 'unconfirmed');
        if (cmd.push) await stock.pusher.pushNow();
        out({ id: cmd.id });
      } else {
        out(await stock.pusher.pushNow());
      }
    } catch (e) {
      out({ error: e instanceof Error ? e.message : String(e) });
    }
  }
  await stock.pusher.stop();
  core.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
