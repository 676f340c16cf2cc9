/**
 * 売上伝票のCSV取込 (docs/sales-rules.md#csv-import): reads the file with the app's one CSV reader,
 * resolves codes, groups the rows by 伝票キー, then saves every slip in one transaction through the
 * service. Every problem — a cell, a slip's disagreeing header cells, a refusal of the service
 * (mapped back to its row and column) — is collected; one is enough to write nothing.
 */
import type { FieldProblem } from '../../../src-shared/errors';
import { isIsoDate } from '../../../src-shared/domain/jst-date';
import { SALES_CSV_COLUMNS, SALES_CSV_HEAD_COLUMNS, SALES_CSV_REQUIRED, type SalesCsvColumn, type SalesCsvImportResult } from '../../../src-shared/sales/sales-csv';
import type { SalesLineInput, SalesSlipInput } from '../../../src-shared/sales/sales-slip';
import { cellProblem, csvInvalid, rowProblem } from '../csv/csv-problems';
import { readCsvRows, type CsvReadOptions } from '../csv/csv-read';
import type { RowReader } from '../csv/csv-row-reader';
import type { SalesRepository } from './sales-repository';
import type { SalesService } from './sales-service';

interface CsvLine {
  row: number;
  key: string;
  head: Record<SalesCsvColumn, string>;
  customerId?: number | undefined;
  warehouseId?: number | undefined;
  departmentId?: number | undefined;
  priceMode?: '税込' | '税抜' | undefined;
  confirm: boolean;
  line: Partial<SalesLineInput>;
}

const LABEL = '売上伝票';

/** Excel writes dates as 2026/11/05 or 2026/11/5: both are read as 2026-11-05. */
function isoDateOf(text: string): string | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(d) ? d : null;
}

function readLine(r: RowReader, repo: SalesRepository): CsvLine | undefined {
  const key = r.code('伝票キー', true);
  const head = Object.fromEntries(SALES_CSV_COLUMNS.map((c) => [c, r.text(c).trim()])) as Record<SalesCsvColumn, string>;
  const date = isoDateOf(head['売上日']);
  if (date === null) r.problem('売上日', head['売上日'] === '' ? '売上日が空です。2026-11-05 の形で入力してください。' : `「${head['売上日']}」は日付ではありません。2026-11-05 の形で入力してください。`);
  const ref = (column: SalesCsvColumn, kind: '得意先' | '倉庫'): number | undefined => {
    const code = r.code(column, true);
    if (code === '') return undefined;
    const p = repo.partnerByCode(code);
    if (p && p.kind === kind) return p.id;
    r.problem(column, `${column.replace('コード', '')}「${code}」がありません。取引先マスタで取引先種別「${kind}」として登録・確定してください。`);
    return undefined;
  };
  const customerId = ref('得意先コード', '得意先');
  const warehouseId = ref('倉庫コード', '倉庫');
  let departmentId: number | undefined;
  if (head['部門コード'] !== '') {
    departmentId = repo.departmentByCode(head['部門コード'])?.id;
    if (departmentId === undefined) r.problem('部門コード', `部門「${head['部門コード']}」がありません。部門マスタで登録するか、空にしてください (空なら最初の部門)。`);
  }
  let priceMode: '税込' | '税抜' | undefined;
  if (head['単価区分'] !== '') priceMode = r.oneOf('単価区分', ['税込', '税抜'] as const);
  if (head['確定'] !== '' && head['確定'] !== '確定') r.problem('確定', `「${head['確定']}」は使えません。取込と同時に確定するなら「確定」、しないなら空にしてください。`);
  const productCode = r.code('商品コード', true);
  const productId = productCode === '' ? undefined : repo.productByCode(productCode)?.id;
  if (productCode !== '' && productId === undefined) r.problem('商品コード', `商品コード (またはSKUコード)「${productCode}」の商品がありません。`);
  const quantity = r.integer('数量', -10_000_000, 10_000_000, '数量');
  if (quantity === 0) r.problem('数量', '数量は0以外で入力してください (返品はマイナス)。');
  const unitPrice = r.text('単価').trim() === '' ? undefined : r.integer('単価', 0, 10_000_000_000, '単価');
  let taxClassId: number | undefined;
  if (head['税区分コード'] !== '') {
    taxClassId = repo.taxClassByCode(head['税区分コード'])?.id;
    if (taxClassId === undefined) r.problem('税区分コード', `税区分「${head['税区分コード']}」がありません。税区分マスタのコード (例: STD10) を入力するか、空にしてください。`);
  }
  head['売上日'] = date ?? head['売上日'];
  return {
    row: r.row,
    key,
    head,
    customerId,
    warehouseId,
    departmentId,
    priceMode,
    confirm: head['確定'] === '確定',
    line: { ...(productId !== undefined ? { productId } : {}), ...(quantity !== undefined ? { quantity } : {}), ...(unitPrice !== undefined ? { unitPrice } : {}), ...(taxClassId !== undefined ? { taxClassId } : {}) },
  };
}

/** The column a service refusal's field path points to. */
function columnOf(path: string): SalesCsvColumn | null {
  if (path === 'customerId') return '得意先コード';
  if (path === 'warehouseId') return '倉庫コード';
  if (path === 'departmentId') return '部門コード';
  if (path === 'date') return '売上日';
  const m = /^lines\.\d+\.(productId|quantity|unitPrice|taxClassId)$/.exec(path);
  if (!m) return null;
  return ({ productId: '商品コード', quantity: '数量', unitPrice: '単価', taxClassId: '税区分コード' } as const)[m[1] as 'productId'];
}

export async function importSalesCsv(
  deps: { repo: SalesRepository; sales: SalesService },
  bytes: Uint8Array,
  opts: CsvReadOptions = {},
  /** the file is read: from here on 中止 no longer applies (the CSV job's beginWrite) */
  beforeWrite: () => Promise<void> = async () => undefined,
): Promise<SalesCsvImportResult> {
  const read = await readCsvRows(
    bytes,
    { label: LABEL, columns: SALES_CSV_COLUMNS, required: SALES_CSV_REQUIRED, otherColumns: 'error', cellCount: 'at-most' },
    (r) => readLine(r, deps.repo),
    opts,
  );
  if (!read.ok) throw csvInvalid(LABEL, read.problems);
  const groups = new Map<string, CsvLine[]>();
  for (const l of read.rows) groups.set(l.key, [...(groups.get(l.key) ?? []), l]);
  const problems: FieldProblem[] = [];
  for (const rows of groups.values()) {
    const first = rows[0]!;
    for (const l of rows.slice(1)) {
      for (const c of SALES_CSV_HEAD_COLUMNS) {
        if (l.head[c] !== first.head[c]) problems.push(cellProblem(l.row, c, `伝票キー「${l.key}」の${c}が ${first.row} 行目 (「${first.head[c]}」) と違います。同じ伝票の行は同じ${c}にしてください。`));
      }
    }
  }
  if (problems.length > 0) throw csvInvalid(LABEL, problems);
  await beforeWrite();
  const slips = [...groups.values()];
  const batch = slips.map((rows) => {
    const first = rows[0]!;
    const input: SalesSlipInput = {
      customerId: first.customerId!,
      warehouseId: first.warehouseId!,
      ...(first.departmentId !== undefined ? { departmentId: first.departmentId } : {}),
      date: first.head['売上日'],
      ...(first.priceMode !== undefined ? { priceMode: first.priceMode } : {}),
      memo: first.head['備考'],
      lines: rows.map((l) => l.line as SalesLineInput),
    };
    return { input, confirm: first.confirm };
  });
  const warnings = deps.sales.saveMany(batch, (refused) => {
    const found: FieldProblem[] = [];
    for (const { slip, error } of refused) {
      const rows = slips[slip]!;
      const fields = error.fields && error.fields.length > 0 ? error.fields : [{ path: '', message: error.message }];
      for (const f of fields) {
        const column = columnOf(f.path);
        const lineNo = /^lines\.(\d+)\./.exec(f.path)?.[1];
        const row = lineNo !== undefined ? (rows[Number(lineNo)]?.row ?? rows[0]!.row) : rows[0]!.row;
        // the service's messages say 「1行目:」 of the slip; the CSV names its own row
        const message = f.message.replace(/^\d+行目: /, '');
        found.push(column ? cellProblem(row, column, message) : rowProblem(row, `伝票キー「${rows[0]!.key}」: ${message}`));
      }
    }
    return csvInvalid(LABEL, found);
  });
  return {
    slips: batch.length,
    lines: read.rows.length,
    confirmed: batch.filter((b) => b.confirm).length,
    encoding: read.encoding,
    warnings,
  };
}

