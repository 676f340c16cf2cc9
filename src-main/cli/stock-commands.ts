/**
 * 在庫 from the command line (names and JSON shapes are a contract used by checks outside the repo):
 *   warehouse:add --data-dir D --code C --name N
 *   receipt:create --data-dir D --warehouse C --date YYYY-MM-DD --line PRODUCT:QTY [--line …] [--confirm] [--json]
 *   transfer:create --data-dir D --from C --to C --date YYYY-MM-DD --line PRODUCT:QTY [--line …] [--confirm] [--json]
 *   stock-slip:confirm | stock-slip:unconfirm --data-dir D --id N [--json]
 *   stock:push --data-dir D [--json]           → {"pending","failed","ambiguous",…}
 *   stock:list --data-dir D --json              → [{"warehouse","product","quantity"}]
 *   stock:reconcile --data-dir D --json         → [{"product","setId","local","unimported","expected","bcart","drift"}]
 *   stock:migrate --data-dir D [--apply] [--json]
 * PRODUCT is the SKU code, or the product code of a product without SKU; --line splits on the last
 * ':'. Every command takes --setting ID (optional when there is one EC連携設定). A 確定 that succeeds
 * exits 0 even when the push is left pending (the JSON says so).
 */
import { AppError } from '../../src-shared/errors';
import { openCliTokenStore } from '../core/file-token-store';
import type { Core } from '../core/create-core';
import { CliUsageError, parseCliArgs, required } from './args';
import { openCliCore } from './cli-core';
import type { CliCommand, CliIo } from './cli-types';
import { parseLine, resolveProduct, resolveWarehouse } from './stock-cli-refs';

const base = { 'data-dir': { type: 'string' }, setting: { type: 'string' }, json: { type: 'boolean' } } as const;

/** Opens the core of --data-dir, runs fn, closes. */
async function withCore<T>(dataDir: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCliCore(dataDir, { tokenStore: openCliTokenStore(dataDir) });
  try {
    return await fn(core);
  } finally {
    await core.services.stock.pusher.stop();
    core.close();
  }
}

/** A contract call through the core's dispatch (validated like the app's); AppError when refused. */
async function call<T>(core: Core, channel: string, input?: unknown): Promise<T> {
  const r = await core.dispatch(channel, input, { via: 'cli' });
  if (!r.ok)
    throw new AppError(r.error.code, r.error.message, {
      ...(r.error.fields ? { fields: r.error.fields } : {}),
      ...(r.error.details ? { details: r.error.details } : {}),
    });
  return r.value as T;
}

function settingArg(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) < 1)
    throw new CliUsageError('--setting はEC連携設定のID（正の整数）で指定してください。');
  return Number(v);
}

function idArg(v: unknown): number {
  if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) < 1)
    throw new CliUsageError('--id は伝票番号（正の整数）で指定してください。');
  return Number(v);
}

const dateArg = (v: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new CliUsageError(`--date は YYYY-MM-DD 形式で指定してください（指定値: ${v}）。`);
  return v;
};

/** Prints a refused command's Japanese message and field problems; returns the exit code 1. */
function printError(io: CliIo, e: AppError): number {
  io.err(`エラー (${e.code}): ${e.message}`);
  for (const f of e.fields ?? []) io.err(`  ${f.path}: ${f.message}`);
  return 1;
}

interface PushJson {
  pending: number;
  failed: number;
  ambiguous: number;
  excluded: number;
  sent: number;
  busy: number[];
}

export const warehouseAddCommand: CliCommand = {
  summary: '倉庫（取引先種別 倉庫・確定済み）を登録します',
  usage: 'warehouse:add --data-dir DIR --code コード --name 名前 [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, { ...base, code: { type: 'string' }, name: { type: 'string' } });
    const dataDir = required(args, 'data-dir');
    const code = required(args, 'code');
    const name = required(args, 'name');
    settingArg(args.setting);
    return withCore(dataDir, async (core) => {
      try {
        const p = await call<{ id: number; code: string; name: string }>(core, 'partners:create', {
          code,
          name,
          kind: '倉庫',
          billingType: null,
          closingDay: null,
          taxDisplay: null,
        });
        await call(core, 'partners:confirm', { id: p.id });
        if (args.json) io.out(JSON.stringify({ id: p.id, code: p.code, name: p.name, kind: '倉庫', confirmed: true }));
        else io.out(`倉庫「${p.code} ${p.name}」を登録して確定しました（ID ${p.id}）。`);
        return 0;
      } catch (e) {
        if (e instanceof AppError) return printError(io, e);
        throw e;
      }
    });
  },
};

/** receipt:create / transfer:create */
function slipCreateCommand(kind: 'receipt' | 'transfer'): CliCommand {
  const label = kind === 'receipt' ? '入荷伝票' : '在庫移動伝票';
  const where = kind === 'receipt' ? '--warehouse コード' : '--from コード --to コード';
  return {
    summary: `${label}を作成します（--confirm: 確定してBカートへ在庫反映してから終了）`,
    usage: `${kind}:create --data-dir DIR ${where} --date YYYY-MM-DD --line 商品:数量 [--line …] [--confirm] [--setting ID] [--json]`,
    async run(argv, io) {
      const args = parseCliArgs(argv, {
        ...base,
        warehouse: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        date: { type: 'string' },
        line: { type: 'string', multiple: true },
        confirm: { type: 'boolean' },
      });
      const dataDir = required(args, 'data-dir');
      const date = dateArg(required(args, 'date'));
      const settingId = settingArg(args.setting);
      const lines = (args.line ?? []).map(parseLine);
      if (lines.length === 0) throw new CliUsageError('--line 商品:数量 を1つ以上指定してください。');
      return withCore(dataDir, async (core) => {
        try {
          if (settingId !== undefined) core.services.stock.defaultSetting(settingId);
          const whCode = kind === 'receipt' ? required(args, 'warehouse') : required(args, 'from');
          const input: Record<string, unknown> = {
            kind,
            date,
            warehouseId: resolveWarehouse(core.services.repos.stock.slips, whCode),
            lines: lines.map((l) => ({ productId: resolveProduct(core.services.repos.stock.slips, l.product), quantity: l.quantity })),
          };
          if (kind === 'transfer') input['toWarehouseId'] = resolveWarehouse(core.services.repos.stock.slips, required(args, 'to'));
          const slip = await call<{ id: number }>(core, 'stockSlips:create', input);
          const out = await confirmAndPush(core, slip.id, args.confirm === true, settingId);
          emit(io, args.json === true, out, label);
          return 0;
        } catch (e) {
          if (e instanceof AppError) return printError(io, e);
          throw e;
        }
      });
    },
  };
}

interface SlipJson {
  slipId: number;
  kind: string;
  confirmed: boolean;
  /** changes queued for BCart by this 確定 / 確定取消 */
  queued: number;
  /** the push before exiting (null without --confirm) */
  push: PushJson | null;
  /** true when changes were left for a later push (BCart unreachable, or another process pushes) */
  pushLeftPending: boolean;
}

async function confirmAndPush(
  core: Core,
  id: number,
  confirm: boolean,
  settingId: number | undefined,
  verb: 'confirm' | 'unconfirm' = 'confirm',
): Promise<SlipJson> {
  if (!confirm) {
    const d = await call<{ kind: string; confirmed: boolean }>(core, 'stockSlips:get', { id });
    return { slipId: id, kind: d.kind, confirmed: d.confirmed, queued: 0, push: null, pushLeftPending: false };
  }
  const r = await call<{ queued: number; slip: { kind: string; confirmed: boolean } }>(core, `stockSlips:${verb}`, { id });
  const push = await call<PushJson>(core, 'stock:push', settingId !== undefined ? { settingId } : {});
  return {
    slipId: id,
    kind: r.slip.kind,
    confirmed: r.slip.confirmed,
    queued: r.queued,
    push,
    pushLeftPending: push.pending > 0 || push.busy.length > 0,
  };
}

function emit(io: CliIo, json: boolean, o: SlipJson, label: string): void {
  if (json) return io.out(JSON.stringify(o));
  io.out(`${label} ${o.slipId} を${o.confirmed ? '確定しました' : '保存しました（未確定）'}。`);
  if (o.push) {
    io.out(`在庫反映: 送信待ち ${o.push.pending} 件、失敗 ${o.push.failed} 件、要確認 ${o.push.ambiguous} 件。`);
    if (o.pushLeftPending)
      io.out(
        '送信できなかった変更は残っています。Bカートに接続できる状態で npm run cli -- stock:push を実行するか、アプリで送信してください。',
      );
  }
}

function slipStateCommand(verb: 'confirm' | 'unconfirm'): CliCommand {
  return {
    summary: verb === 'confirm' ? '在庫伝票を確定し、Bカートへ在庫反映します' : '在庫伝票を確定取消し、Bカートへ戻しの在庫反映をします',
    usage: `stock-slip:${verb} --data-dir DIR --id 伝票番号 [--setting ID] [--json]`,
    async run(argv, io) {
      const args = parseCliArgs(argv, { ...base, id: { type: 'string' } });
      const dataDir = required(args, 'data-dir');
      const id = idArg(args.id);
      const settingId = settingArg(args.setting);
      return withCore(dataDir, async (core) => {
        try {
          const o = await confirmAndPush(core, id, true, settingId, verb);
          emit(io, args.json === true, o, '在庫伝票');
          return 0;
        } catch (e) {
          if (e instanceof AppError) return printError(io, e);
          throw e;
        }
      });
    },
  };
}

export const stockPushCommand: CliCommand = {
  summary: '送信待ちの在庫反映をBカートへ送ります',
  usage: 'stock:push --data-dir DIR [--setting ID] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, base);
    const settingId = settingArg(args.setting);
    return withCore(required(args, 'data-dir'), async (core) => {
      const r = await call<PushJson>(core, 'stock:push', settingId !== undefined ? { settingId } : {});
      if (args.json) io.out(JSON.stringify(r));
      else {
        io.out(
          `在庫反映: 送信待ち ${r.pending} 件、失敗 ${r.failed} 件、要確認 ${r.ambiguous} 件、対象外 ${r.excluded} 件、送信済 ${r.sent} 件。`,
        );
        if (r.busy.length > 0) io.out(`EC連携設定 ${r.busy.join(', ')} は別のプロセス（アプリなど）が送信中のため、そちらに任せました。`);
      }
      return 0;
    });
  },
};

export const stockListCommand: CliCommand = {
  summary: '在庫一覧（倉庫 × 商品の在庫数）を表示します',
  usage: 'stock:list --data-dir DIR [--warehouse コード] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, { ...base, warehouse: { type: 'string' } });
    settingArg(args.setting);
    return withCore(required(args, 'data-dir'), async (core) => {
      const warehouseId = args.warehouse !== undefined ? resolveWarehouse(core.services.repos.stock.slips, args.warehouse) : undefined;
      const r = await call<{ rows: { warehouseCode: string; productCode: string; skuCode: string | null; quantity: number }[] }>(
        core,
        'stock:list',
        warehouseId !== undefined ? { warehouseId } : {},
      );
      const rows = r.rows.map((x) => ({
        warehouse: x.warehouseCode,
        product: x.skuCode && x.skuCode.trim() !== '' ? x.skuCode : x.productCode,
        quantity: x.quantity,
      }));
      if (args.json) io.out(JSON.stringify(rows));
      else for (const x of rows) io.out(`${x.warehouse}\t${x.product}\t${x.quantity}`);
      return 0;
    });
  },
};

export const stockReconcileCommand: CliCommand = {
  summary: '在庫照合: 連携倉庫の在庫・未取込・予定・Bカート在庫・差異をセットごとに表示します',
  usage: 'stock:reconcile --data-dir DIR [--setting ID] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, base);
    const settingId = settingArg(args.setting);
    return withCore(required(args, 'data-dir'), async (core) => {
      const r = await call<{
        rows: {
          productCode: string;
          productNo: string;
          setId: number;
          local: number;
          unimported: number;
          expected: number;
          bcart: number | null;
          drift: number | null;
        }[];
      }>(core, 'stock:reconcile', settingId !== undefined ? { settingId } : {});
      const rows = r.rows
        .filter((x) => x.bcart !== null)
        .map((x) => ({
          product: x.productNo || x.productCode,
          setId: x.setId,
          local: x.local,
          unimported: x.unimported,
          expected: x.expected,
          bcart: x.bcart,
          drift: x.drift,
        }));
      if (args.json) io.out(JSON.stringify(rows));
      else
        for (const x of rows)
          io.out(
            `${x.product}\tセット${x.setId}\t自社 ${x.local}\t未取込 ${x.unimported}\t予定 ${x.expected}\tBカート ${x.bcart}\t差異 ${x.drift}`,
          );
      return 0;
    });
  },
};

export const stockMigrateCommand: CliCommand = {
  summary: '在庫移行: Bカートの在庫を連携倉庫の開始在庫にします（--apply なしはプレビュー、実行は一度だけ）',
  usage: 'stock:migrate --data-dir DIR [--apply] [--setting ID] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, { ...base, apply: { type: 'boolean' } });
    const settingArgValue = settingArg(args.setting);
    return withCore(required(args, 'data-dir'), async (core) => {
      try {
        const settingId = core.services.stock.defaultSetting(settingArgValue);
        const preview = await call<{
          rows: { productNo: string; setId: number; bcart: number; unimported: number; target: number; current: number; opening: number }[];
          appliedAt: string | null;
        }>(core, 'stock:migrationPreview', { settingId });
        const rows = preview.rows.map((r) => ({
          product: r.productNo,
          setId: r.setId,
          bcart: r.bcart,
          unimported: r.unimported,
          target: r.target,
          current: r.current,
          opening: r.opening,
        }));
        let applied: { rows: number; appliedAt: string } | null = null;
        if (args.apply) applied = await call<{ rows: number; appliedAt: string }>(core, 'stock:migrationApply', { settingId });
        if (args.json)
          io.out(
            JSON.stringify({
              settingId,
              applied: applied !== null,
              appliedAt: applied?.appliedAt ?? preview.appliedAt,
              ledgerRows: applied?.rows ?? 0,
              rows,
            }),
          );
        else {
          for (const r of rows)
            io.out(
              `${r.product}\tセット${r.setId}\tBカート ${r.bcart}\t未取込 ${r.unimported}\t移行後 ${r.target}\t現在 ${r.current}\t移行数 ${r.opening}`,
            );
          io.out(
            applied
              ? `在庫移行を実行しました（元帳 ${applied.rows} 行）。`
              : preview.appliedAt
                ? `在庫移行は実行済みです（${preview.appliedAt}）。`
                : 'プレビューです。実行するには --apply を付けてください。',
          );
        }
        return 0;
      } catch (e) {
        if (e instanceof AppError) return printError(io, e);
        throw e;
      }
    });
  },
};

export const receiptCreateCommand = slipCreateCommand('receipt');
export const transferCreateCommand = slipCreateCommand('transfer');
export const stockSlipConfirmCommand = slipStateCommand('confirm');
export const stockSlipUnconfirmCommand = slipStateCommand('unconfirm');
