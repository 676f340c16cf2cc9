/**
 * Child process of the OUT-model suite (bundled once by the test): opens a data folder like the CLI,
 * builds the stock feature the way create-core does, and executes JSON commands read from stdin,
 * one per line, answering "ok <json>" per command. The parent SIGKILLs it at random moments.
 *
 *   {"op":"slip","kind":"receipt"|"transfer","from":id,"to":id|null,"lines":[[productId,qty]],"push":bool}
 *   {"op":"confirm"|"unconfirm","id":n,"push":bool}
 *   {"op":"push"}
 *
 * With `--sabotage` the BCart client resends a stock write whose outcome is unknown (the bug the
 * suite must catch); the app never does this.
 */
import { createInterface } from 'node:readline';
import { createCore } from '../../../../src-main/core/create-core';
import type { BcartClient } from '../../../../src-main/core/bcart/client';
import { getBcartSession } from '../../../../src-main/core/ec-settings/bcart-session';
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

async function main(): Promise<void> {
  const [dataDir, migrationsDir, mode] = process.argv.slice(2);
  const logger = createConsoleLogger('out-model-child', 'error');
  const core = await createCore({ dataDir: dataDir!, migrationsDir: migrationsDir!, logger, tokenStore: openCliTokenStore(dataDir!) });
  const timing = { timeoutMs: 300, maxRetries: 1, backoffBaseMs: 1, backoffCapMs: 5 };
  const stock = createStockFeature({
    orm: core.ctx.orm,
    clock: core.ctx.clock,
    timers: core.ctx.timers,
    logger,
    now: core.ctx.now,
    emit: () => undefined,
    clientOf: (id) => {
      const c = getBcartSession(core.ctx, id, timing).client;
      return mode === '--sabotage' ? resendingClient(c) : c;
    },
    pusherOptions: { leaseTtlMs: 300, backoff: { baseMs: 1, capMs: 5 }, orderWindowMs: 10 * 60_000 },
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
    };
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
        stock.slips.confirm(slip.id);
        if (cmd.push) await stock.pusher.pushNow();
        out({ id: slip.id });
      } else if (cmd.op === 'confirm' || cmd.op === 'unconfirm') {
        if (cmd.op === 'confirm') stock.slips.confirm(cmd.id!);
        else stock.slips.unconfirm(cmd.id!);
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
