/**
 * Plain-data shapes of 出荷取込処理 crossing IPC: the run record (import history), システムログ
 * lines, the progress / finished push events and the plan shown by 取込プレビュー.
 */
import { z } from 'zod';

const id = z.number().int().positive();
const yen = z.number().int();

export const IMPORT_PHASES = ['fetching', 'watching', 'mapping', 'writing', 'done'] as const;
export const LOG_LEVELS = ['info', 'warn', 'error'] as const;

/** Input of import:run / import:preview. */
export const importStartInput = z.object({ settingId: id }).strict();
export const runStarted = z.object({ runId: id });

/** One row of the import history (import_runs). */
export const importRun = z.object({
  id,
  settingId: z.number().int().nullable(),
  trigger: z.string(),
  dryRun: z.boolean(),
  windowFrom: z.string().nullable(),
  windowTo: z.string().nullable(),
  /** 'cancelled' = 中止 (stopped by the user or app quit; nothing written) */
  status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  ordersFetched: z.number().int(),
  shipmentsCreated: z.number().int(),
  invoicesCreated: z.number().int(),
  amount: yen,
  apiCalls: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  message: z.string().nullable(),
});
export type ImportRunRow = z.infer<typeof importRun>;

/** One システムログ line. */
export const systemLog = z.object({
  id,
  runId: z.number().int().nullable(),
  source: z.string(),
  level: z.enum(LOG_LEVELS),
  orderCode: z.string().nullable(),
  code: z.string().nullable(),
  message: z.string(),
  createdAt: z.string(),
});
export type SystemLogRow = z.infer<typeof systemLog>;

export const importHistoryInput = z
  .object({ settingId: id.optional(), limit: z.number().int().min(1).max(500).optional() })
  .strict();

export const systemLogListInput = z
  .object({
    level: z.enum(LOG_LEVELS).optional(),
    runId: id.optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();

/** An EC連携設定 the import can run for (setting picker). */
export const importTarget = z.object({
  id,
  name: z.string(),
  /** 出荷取込開始日 */
  importStartDate: z.string().nullable(),
  running: z.boolean(),
});

const problem = z.object({ orderCode: z.string().nullable(), code: z.string(), message: z.string() });

export const importCounts = z.object({
  orders: z.number().int(),
  shipments: z.number().int(),
  invoices: z.number().int(),
  lines: z.number().int(),
  amount: yen,
});

/** What 取込プレビュー (or a run) would create / created. */
export const planView = z.object({
  window: z.object({ from: z.string(), to: z.string() }).nullable(),
  shipments: z.array(
    z.object({
      logisticsId: z.number().int(),
      orderId: z.number().int(),
      orderCode: z.string(),
      customerCode: z.string(),
      date: z.string(),
      amount: yen,
      lines: z.array(
        z.object({ productCode: z.string(), quantity: z.number().int(), unitPrice: yen, amount: yen, taxRate: z.number().int() }),
      ),
    }),
  ),
  invoices: z.array(
    z.object({
      orderId: z.number().int(),
      orderCode: z.string(),
      customerCode: z.string(),
      date: z.string(),
      total: yen,
      byRate: z.array(z.object({ rate: z.number().int(), net: yen, tax: yen, appTax: yen })),
    }),
  ),
  watch: z.number().int(),
  /** lists longer than this many entries were cut for display */
  truncated: z.boolean(),
});
export type PlanView = z.infer<typeof planView>;

export const importRunDetail = z.object({
  run: importRun,
  logs: z.array(systemLog),
  /** kept in memory for runs of this session; null otherwise */
  plan: planView.nullable(),
});

/** Push events of 出荷取込処理. */
export const importEventDefs = {
  /** live progress: pages fetched, orders processed */
  'import:progressed': z.object({
    runId: id,
    settingId: id,
    phase: z.enum(IMPORT_PHASES),
    pages: z.number().int(),
    orders: z.number().int(),
    requests: z.number().int(),
  }),
  /** the run ended (committed, rolled back, or a preview) */
  'import:finished': z.object({
    runId: id,
    settingId: id,
    dryRun: z.boolean(),
    status: z.enum(['succeeded', 'failed', 'cancelled']),
    committed: z.boolean(),
    counts: importCounts,
    errors: z.array(problem),
    warnings: z.number().int(),
    message: z.string(),
  }),
};
