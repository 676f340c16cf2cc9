/**
 * Subscription applications (定期・頒布会 申込) ⇄ CSV, UTF-8 or CP932 (Shift_JIS).
 * One row per item (行種別 商品) or option (行種別 オプション); application columns repeat on each
 * row and must agree; an option row belongs to the item row above it. Reading validates the whole
 * file and returns every problem with its row (header = row 1) and column, in Japanese; it never
 * throws. Writing neutralises formulas in text cells (CSV injection) but writes negative numbers
 * in number columns as numbers, and refuses characters CP932 cannot hold instead of writing '?'.
 */
import type { FieldProblem } from '../../../src-shared/errors';
import {
  SUBSCRIPTION_STATUSES,
  TAX_RATE_TYPES,
  type SubscriptionApplication,
  type SubscriptionItem,
  type SubscriptionStatus,
} from '../../../src-shared/tax-update/types';
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import { readCsv, type CsvLayout, type CsvReadOptions } from '../csv/csv-read';
import type { RowReader } from '../csv/csv-row-reader';
import { columnsByHeader, writeCsv, type CsvCell, type CsvWriteOptions, type CsvWriteResult } from '../csv/csv-write';

/** Column headers, in the order they are written. */
export const SUBSCRIPTION_CSV_HEADERS = [
  '行種別',
  '申込コード',
  '得意先コード',
  '状態',
  '受注処理済',
  '標準税率',
  '軽減税率',
  '商品番号',
  '枝番横',
  '枝番縦',
  '商品名',
  '数量',
  '初回価格',
  '通常回価格',
  '最終回価格',
  '税込区分',
  '税率区分',
  'オプション名',
  'オプション価格',
] as const;
type Column = (typeof SUBSCRIPTION_CSV_HEADERS)[number];

const ROW_KINDS = ['商品', 'オプション'] as const;
const TAX_INCLUDED = ['税込', '税抜'] as const;
const FLAGS = ['0', '1'] as const;
/** Limits keep every sum of the plan well inside safe integers. */
export const MAX_PRICE = 999_999_999;
export const MAX_QUANTITY = 999_999;

/** Our own layout: every column, nothing else, every row as wide as the header. */
const LAYOUT: CsvLayout = { label: '定期申込', columns: SUBSCRIPTION_CSV_HEADERS, otherColumns: 'error', cellCount: 'exact' };

export type SubscriptionCsvParseResult =
  { ok: true; applications: SubscriptionApplication[]; encoding: CsvEncoding } | { ok: false; problems: FieldProblem[] };

interface AppHeader {
  customerCode: string;
  status: SubscriptionStatus | undefined;
  orderProcessed: string | undefined;
  standardRate: number | undefined;
  reducedRate: number | undefined;
}

/**
 * Reads a subscription CSV. Encoding: BOM → UTF-8, valid UTF-8 → UTF-8, else CP932, unless
 * `opts.encoding` says which. Applications come in order of first appearance; an application's
 * rows need not be adjacent, but an option row must directly follow an item or option row of the
 * same application.
 */
export async function parseSubscriptionCsv(bytes: Uint8Array, opts: CsvReadOptions = {}): Promise<SubscriptionCsvParseResult> {
  const apps = new Map<string, { app: SubscriptionApplication; header: AppHeader; firstRow: number }>();
  /** the item row above, for option rows; appCode null = unreadable row, options below are not blamed */
  let current: { appCode: string | null; item: SubscriptionItem | undefined } | undefined;

  const visit = (r: RowReader): void => {
    const kind = r.oneOf('行種別', ROW_KINDS);
    const appCode = r.code('申込コード', true);
    const header: AppHeader = {
      customerCode: r.code('得意先コード', true),
      status: r.oneOf('状態', SUBSCRIPTION_STATUSES),
      orderProcessed: r.oneOf('受注処理済', FLAGS),
      standardRate: r.integer('標準税率', 0, 100, '標準税率(%)'),
      reducedRate: r.integer('軽減税率', 0, 100, '軽減税率(%)'),
    };
    let entry = appCode === '' ? undefined : apps.get(appCode);
    if (entry === undefined && appCode !== '') {
      entry = {
        firstRow: r.row,
        header,
        app: {
          code: appCode,
          customerCode: header.customerCode,
          status: header.status ?? '継続中',
          orderProcessed: header.orderProcessed === '1',
          standardRate: header.standardRate ?? 0,
          reducedRate: header.reducedRate ?? 0,
          items: [],
        },
      };
      apps.set(appCode, entry);
    } else if (entry !== undefined) {
      compareHeader(r, appCode, entry.header, header, entry.firstRow);
    }

    if (kind === '商品') {
      const item = readItem(r);
      current = { appCode, item };
      if (item && entry) entry.app.items.push(item);
    } else if (kind === 'オプション') {
      if (current === undefined || (current.appCode !== null && current.appCode !== appCode)) {
        r.problem(
          '行種別',
          'オプション行の上に同じ申込の商品行がありません。オプション行は対象の商品行(またはそのオプション行)のすぐ下に置いてください。',
        );
        readOption(r, undefined);
      } else {
        const option = readOption(r, current.item);
        if (option && current.item) current.item.options.push(option);
      }
    } else {
      // unreadable 行種別: keep the context so the option rows below do not all fail as well
      current = { appCode, item: undefined };
    }
  };
  const broken = (): void => {
    current = { appCode: null, item: undefined };
  };
  const read = await readCsv(bytes, LAYOUT, { row: visit, broken }, opts);
  if (!read.ok) return read;
  return { ok: true, applications: [...apps.values()].map((e) => e.app), encoding: read.encoding };
}

function compareHeader(r: RowReader, appCode: string, first: AppHeader, now: AppHeader, firstRow: number): void {
  const pairs: [Column, string | number | undefined, string | number | undefined][] = [
    ['得意先コード', first.customerCode, now.customerCode],
    ['状態', first.status, now.status],
    ['受注処理済', first.orderProcessed, now.orderProcessed],
    ['標準税率', first.standardRate, now.standardRate],
    ['軽減税率', first.reducedRate, now.reducedRate],
  ];
  for (const [column, a, b] of pairs) {
    // only compare values that were readable on both rows; unreadable ones already have a problem
    if (a !== undefined && b !== undefined && a !== '' && b !== '' && a !== b) {
      r.problem(
        column,
        `申込「${appCode}」の${column}「${b}」が${firstRow}行目の「${a}」と違います。同じ申込の行はすべて同じ値にしてください。`,
      );
    }
  }
}

function readItem(r: RowReader): SubscriptionItem | undefined {
  const productCode = r.code('商品番号', true);
  const variationH = r.code('枝番横', false);
  const variationV = r.code('枝番縦', false);
  const name = r.text('商品名');
  if (name.trim() === '') r.problem('商品名', '商品名が空です。商品名を入力してください。');
  const quantity = r.integer('数量', 1, MAX_QUANTITY, '数量');
  const firstPrice = r.integer('初回価格', 0, MAX_PRICE, '初回価格');
  const regularPrice = r.integer('通常回価格', 0, MAX_PRICE, '通常回価格');
  const lastPrice = r.integer('最終回価格', 0, MAX_PRICE, '最終回価格');
  const included = r.oneOf('税込区分', TAX_INCLUDED);
  const taxRateType = r.oneOf('税率区分', TAX_RATE_TYPES);
  r.empty('オプション名', '商品行にはオプション名を入力できません。オプションは商品行の下の「オプション」行に入力してください。');
  r.empty('オプション価格', '商品行にはオプション価格を入力できません。オプションは商品行の下の「オプション」行に入力してください。');
  if (quantity === undefined || firstPrice === undefined || regularPrice === undefined || lastPrice === undefined) return undefined;
  if (included === undefined || taxRateType === undefined || productCode === '') return undefined;
  return {
    productCode,
    variationH,
    variationV,
    name,
    quantity,
    firstPrice,
    regularPrice,
    lastPrice,
    taxIncluded: included === '税込',
    taxRateType,
    options: [],
  };
}

function readOption(r: RowReader, parent: SubscriptionItem | undefined): SubscriptionItem['options'][number] | undefined {
  // product key columns and 商品名 may repeat the parent's for readability; anything else there is a mistake
  const keys: [Column, keyof SubscriptionItem][] = [
    ['商品番号', 'productCode'],
    ['枝番横', 'variationH'],
    ['枝番縦', 'variationV'],
  ];
  for (const [column, key] of keys) {
    const v = r.code(column, false);
    if (v !== '' && parent !== undefined && v !== parent[key]) {
      r.problem(
        column,
        `この行の${column}「${v}」が上の商品行の${column}「${String(parent[key])}」と違います。オプション行の${column}は空にするか、上の商品行と同じにしてください。`,
      );
    }
  }
  // exports of BCart-style shops repeat the item's 商品名 on its options: the same name is fine
  const itemName = r.text('商品名').trim();
  if (itemName !== '' && parent !== undefined && itemName !== parent.name.trim()) {
    r.problem(
      '商品名',
      `この行の商品名「${itemName}」が上の商品行の商品名「${parent.name.trim()}」と違います。オプション行の商品名は空にするか、上の商品行と同じにしてください。`,
    );
  }
  for (const column of ['数量', '初回価格', '通常回価格', '最終回価格'] as const) {
    r.empty(column, `オプション行には${column}を入力できません。空にしてください。`);
  }
  const name = r.text('オプション名');
  if (name.trim() === '') r.problem('オプション名', 'オプション名が空です。オプション名を入力してください。');
  const price = r.integer('オプション価格', -MAX_PRICE, MAX_PRICE, 'オプション価格');
  const included = r.oneOf('税込区分', TAX_INCLUDED);
  const taxRateType = r.oneOf('税率区分', TAX_RATE_TYPES);
  if (price === undefined || included === undefined || taxRateType === undefined || name.trim() === '') return undefined;
  return { name, price, taxIncluded: included === '税込', taxRateType };
}

/** The CSV rows (without header) of the applications, as cells keyed by column. */
function* applicationRows(apps: Iterable<SubscriptionApplication>): Generator<Record<Column, CsvCell>> {
  for (const a of apps) {
    const appCells = {
      申込コード: a.code,
      得意先コード: a.customerCode,
      状態: a.status,
      受注処理済: a.orderProcessed ? 1 : 0,
      標準税率: a.standardRate,
      軽減税率: a.reducedRate,
    };
    for (const it of a.items) {
      const key = { 商品番号: it.productCode, 枝番横: it.variationH, 枝番縦: it.variationV };
      yield {
        行種別: '商品',
        ...appCells,
        ...key,
        商品名: it.name,
        数量: it.quantity,
        初回価格: it.firstPrice,
        通常回価格: it.regularPrice,
        最終回価格: it.lastPrice,
        税込区分: it.taxIncluded ? '税込' : '税抜',
        税率区分: it.taxRateType,
        オプション名: '',
        オプション価格: '',
      };
      for (const o of it.options) {
        yield {
          行種別: 'オプション',
          ...appCells,
          ...key,
          商品名: '',
          数量: '',
          初回価格: '',
          通常回価格: '',
          最終回価格: '',
          税込区分: o.taxIncluded ? '税込' : '税抜',
          税率区分: o.taxRateType,
          オプション名: o.name,
          オプション価格: o.price,
        };
      }
    }
  }
}

/**
 * Writes applications as CSV bytes (CRLF; UTF-8 with BOM unless `bom: false`, or CP932).
 * Fails, naming row and column, when a character cannot be written in CP932, a number is not a
 * safe integer, or an application has no item (it would vanish from the file).
 */
export function serialiseSubscriptionCsv(apps: readonly SubscriptionApplication[], opts: CsvWriteOptions): CsvWriteResult {
  const problems: FieldProblem[] = [];
  apps.forEach((a, i) => {
    if (a.items.length === 0) {
      problems.push({
        path: `applications.${i}`,
        message: `申込「${a.code}」に商品がないためCSVに出力できません。商品を登録するか、申込を削除してください。`,
      });
    }
  });
  return writeCsv(columnsByHeader(SUBSCRIPTION_CSV_HEADERS), applicationRows(apps), opts, problems);
}

/**
 * serialiseSubscriptionCsv for applications read one chunk at a time: the rows are written as the
 * iterable yields them, so only a chunk of applications is in memory. The caller guarantees that
 * every application has an item (serialiseSubscriptionCsv names the ones that have none).
 */
export function serialiseSubscriptionCsvStream(apps: Iterable<SubscriptionApplication>, opts: CsvWriteOptions): CsvWriteResult {
  return writeCsv(columnsByHeader(SUBSCRIPTION_CSV_HEADERS), applicationRows(apps), opts);
}
