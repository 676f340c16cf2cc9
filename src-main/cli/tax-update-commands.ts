/**
 * CLI of the one-time 消費税自動更新 (docs/tax-rules.md#targets-and-once-only): products:import, subscriptions:import,
 * tax-update:preview and tax-update:apply, over the same core and service as the app.
 * `tax-update:apply --confirm` stands for the screen's checklist and 「上記を理解の上、実行します。」.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROUNDING_LABELS, ROUNDING_MODES, type RoundingMode } from '../../src-shared/domain/rounding';
import { PLAN_FIELD_LABELS } from '../../src-shared/tax-update/labels';
import { PRESET_2019 } from '../../src-shared/tax-update/types';
import { CSV_ENCODING_NAMES } from '../../src-shared/csv/csv-encoding';
import { AppError, type FieldProblem } from '../../src-shared/errors';
import { FINISHED_TEXT, TAX_UPDATE_CHECKLIST_IDS } from '../../src-shared/tax-update/checklist';
import { importProductTaxCsv } from '../core/tax-update/product-tax-import';
import { parseSubscriptionCsv } from '../core/subscriptions/subscription-csv';
import { csvInvalid } from '../core/csv/csv-problems';
import { assertCsvSize } from '../core/csv/csv-read';
import { CliUsageError, parseCliArgs, required } from './args';
import type { Core } from '../core/create-core';
import { withCliCore as withCore } from './cli-core';
import type { CliCommand, CliIo } from './cli-types';

function rounding(values: Record<string, unknown>): RoundingMode {
  const v = required(values, 'rounding');
  if (!(ROUNDING_MODES as readonly string[]).includes(v))
    throw new CliUsageError('--rounding は floor(切り捨て)、ceil(切り上げ)、round(四捨五入)のいずれかを指定してください。');
  return v as RoundingMode;
}

/** Reads a CSV file named on the command line; one above the size limit is refused before reading. */
function readCsvFile(path: string): Uint8Array {
  let size: number;
  try {
    size = statSync(resolve(path)).size;
  } catch {
    throw new AppError('NOT_FOUND', `ファイル「${path}」を読めません。パスを確認してください。`);
  }
  assertCsvSize(size, path);
  try {
    return readFileSync(resolve(path));
  } catch {
    throw new AppError('NOT_FOUND', `ファイル「${path}」を読めません。パスを確認してください。`);
  }
}

/** Prints a CSV error's problems (row / column / message), then rethrows it for the exit code. */
function printProblems(io: CliIo, e: unknown): never {
  if (e instanceof AppError && e.fields) for (const f of e.fields.slice(0, 50) as FieldProblem[]) io.err(`  ${f.message}`);
  throw e;
}

/** A command importing the CSV file of --file into the data folder of --data-dir; a refused file prints its problems. */
function csvImportCommand(
  summary: string,
  usage: string,
  importFile: (core: Core, bytes: Uint8Array, io: CliIo) => Promise<void>,
): CliCommand {
  return {
    summary,
    usage,
    async run(argv, io) {
      const args = parseCliArgs(argv, { 'data-dir': { type: 'string' }, file: { type: 'string' } });
      const bytes = readCsvFile(required(args, 'file'));
      return withCore(required(args, 'data-dir'), async (core) => {
        try {
          await importFile(core, bytes, io);
          return 0;
        } catch (e) {
          printProblems(io, e);
        }
      });
    },
  };
}

export const productsImportCommand = csvImportCommand(
  '商品CSV(商品コード・枝番横・枝番縦・商品名・税率区分)を商品マスタに取り込みます(確定済みで登録・更新)',
  'products:import --data-dir DIR --file F.csv',
  async (core, bytes, io) => {
    const r = await importProductTaxCsv(core.services, bytes);
    io.out(`商品を取り込みました(${CSV_ENCODING_NAMES[r.encoding]}): 新規 ${r.created}件、更新 ${r.updated}件。`);
  },
);

export const subscriptionsImportCommand = csvImportCommand(
  '定期申込CSVを取り込みます(既存の定期申込はすべて置き換え。誤りがあれば何も取り込みません)',
  'subscriptions:import --data-dir DIR --file F.csv',
  async (core, bytes, io) => {
    const { storeMode, repos, ports } = core.services;
    storeMode.assertOpen('定期申込のCSV取込');
    const parsed = await parseSubscriptionCsv(bytes);
    if (!parsed.ok) throw csvInvalid('定期申込', parsed.problems);
    // reading let other work run: the store may have closed meanwhile
    storeMode.assertOpen('定期申込のCSV取込');
    const c = repos.subscriptions.replaceAll(parsed.applications, ports.now());
    io.out(
      `定期申込を取り込みました(${CSV_ENCODING_NAMES[parsed.encoding]}): 申込 ${c.applications}件、商品 ${c.items}件、オプション ${c.options}件。`,
    );
  },
);

export const taxUpdatePreviewCommand: CliCommand = {
  summary: '消費税自動更新のプレビュー(変更される価格の一覧と合計)を表示します (--json: JSONで出力)',
  usage: 'tax-update:preview --data-dir DIR --rounding floor|ceil|round [--event ID] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, {
      'data-dir': { type: 'string' },
      rounding: { type: 'string' },
      event: { type: 'string' },
      json: { type: 'boolean' },
    });
    const mode = rounding(args);
    const eventId = typeof args.event === 'string' ? args.event : PRESET_2019.id;
    return withCore(required(args, 'data-dir'), (core) => {
      const { plan, changes } = core.services.taxUpdate.previewAll(eventId, mode);
      if (args.json === true) {
        const list = [];
        for (const c of changes) {
          list.push({
            applicationCode: c.applicationCode,
            productCode: c.productCode,
            variation: c.variation,
            field: c.field,
            ...(c.optionName === undefined ? {} : { optionName: c.optionName }),
            old: c.old,
            new: c.new,
          });
        }
        io.out(JSON.stringify({ targets: plan.targets, changes: list, totals: plan.totals }));
        return 0;
      }
      io.out(
        `算出設定: ${ROUNDING_LABELS[mode]} / 対象の申込 ${plan.targets}件 / 更新される申込 ${plan.totals.changedApplications}件 / 更新される価格 ${plan.totals.changedPrices}件`,
      );
      for (const c of changes) {
        io.out(
          `${c.applicationCode}\t${c.productCode}\t${c.variation}\t${PLAN_FIELD_LABELS[c.field]}${c.optionName ? `(${c.optionName})` : ''}\t${c.old} → ${c.new}`,
        );
      }
      const t = plan.totals;
      io.out(
        `販売価格合計 初回 ${t.before.first} → ${t.after.first} / 通常回 ${t.before.regular} → ${t.after.regular} / 最終回 ${t.before.last} → ${t.after.last}`,
      );
      return 0;
    });
  },
};

export const taxUpdateApplyCommand: CliCommand = {
  summary: '消費税自動更新を実行します(一回のみ。--confirm 必須、受付停止中のみ。--close-store で受付停止にしてから実行)',
  usage: 'tax-update:apply --data-dir DIR --rounding floor|ceil|round --confirm [--close-store] [--event ID] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, {
      'data-dir': { type: 'string' },
      rounding: { type: 'string' },
      event: { type: 'string' },
      confirm: { type: 'boolean' },
      'close-store': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const mode = rounding(args);
    const dataDir = required(args, 'data-dir');
    if (args.confirm !== true) {
      throw new AppError(
        'CHECKLIST_INCOMPLETE',
        '確認事項(一回のみ実行できる・受付停止が必要・事前に申込データをバックアップする など)を確認のうえ、--confirm を付けて実行してください。',
      );
    }
    const eventId = typeof args.event === 'string' ? args.event : PRESET_2019.id;
    return withCore(dataDir, async (core) => {
      if (args['close-store'] === true && !core.services.storeMode.isClosed()) {
        core.services.storeMode.switch(true);
        io.err('受付停止にしました。処理の後で「受付再開」を忘れずに行ってください。');
      }
      const service = core.services.taxUpdate;
      const { hash } = service.preview(eventId, mode);
      const run = await service.apply({ eventId, rounding: mode, checked: TAX_UPDATE_CHECKLIST_IDS, understood: true, planHash: hash });
      if (args.json === true) io.out(JSON.stringify(run));
      else {
        io.out(`${FINISHED_TEXT}対象 ${run.targets}件、更新した申込 ${run.changedApplications}件、更新した価格 ${run.changedPrices}件。`);
        io.out(`実行前の自動バックアップ: ${run.backupFile ?? 'なし'}`);
        io.out('処理が終わりました。忘れずに受付再開してください。');
      }
      return 0;
    });
  },
};

export const taxUpdateHistoryCommand: CliCommand = {
  summary: '消費税自動更新の処理履歴(No.・税率改定・実行日時・復元日時)を表示します (--json: JSONで出力)',
  usage: 'tax-update:history --data-dir DIR [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
    return withCore(required(args, 'data-dir'), (core) => {
      const runs = core.services.repos.taxUpdate.listRuns();
      if (args.json === true) {
        io.out(JSON.stringify(runs));
        return 0;
      }
      if (runs.length === 0) io.out('消費税自動更新の処理履歴はありません。');
      for (const r of runs) {
        io.out(
          `No.${r.id}\t${r.eventLabel}\t実行 ${r.executedAt}\t${r.restoredAt === null ? '実行済み' : `復元済み ${r.restoredAt}(取り消し済み・再実行できます)`}`,
        );
      }
      return 0;
    });
  },
};

/** Undo of a run from its automatic backup (the history screen's 「バックアップから復元」). */
export const taxUpdateRestoreCommand: CliCommand = {
  summary: '消費税自動更新の実行を取り消し、実行前の自動バックアップから定期申込を復元します(--confirm 必須、受付停止中のみ。その税率改定はもう一度実行できるようになります)',
  usage: 'tax-update:restore --data-dir DIR --run N --confirm [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, {
      'data-dir': { type: 'string' },
      run: { type: 'string' },
      confirm: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const dataDir = required(args, 'data-dir');
    const runText = required(args, 'run');
    if (!/^[1-9][0-9]{0,8}$/.test(runText)) throw new CliUsageError('--run には処理履歴の No.(tax-update:history で確認できます)を数字で指定してください。');
    if (args.confirm !== true) {
      throw new AppError(
        'VALIDATION',
        '復元すると実行後に行った定期申込の編集や取込は失われます。内容を確認のうえ、--confirm を付けて実行してください。',
      );
    }
    return withCore(dataDir, (core) => {
      const run = core.services.taxUpdate.restore(Number(runText));
      if (args.json === true) io.out(JSON.stringify(run));
      else {
        io.out(
          `消費税自動更新「${run.eventLabel}」(処理履歴 No.${run.id})を取り消し、実行前の自動バックアップから定期申込を復元しました。この税率改定の自動更新はもう一度実行できます。`,
        );
      }
      return 0;
    });
  },
};

function storeCommand(closed: boolean): CliCommand {
  return {
    summary: closed ? '受付停止にします(取込・スケジュール・商品と定期申込の編集を停止)' : '受付再開します',
    usage: `${closed ? 'store:close' : 'store:open'} --data-dir DIR`,
    async run(argv, io) {
      const args = parseCliArgs(argv, { 'data-dir': { type: 'string' } });
      return withCore(required(args, 'data-dir'), (core) => {
        core.services.storeMode.switch(closed);
        io.out(closed ? '受付停止にしました。' : '受付再開しました。');
        return 0;
      });
    },
  };
}

export const storeCloseCommand = storeCommand(true);
export const storeOpenCommand = storeCommand(false);
