/**
 * 売上伝票のCSV取込 (Excel users): one row per line; rows with the same 伝票キー make one slip and
 * must agree on its header cells. All or nothing: any problem refuses the whole file with every
 * problem by row and column.
 */
import { z } from 'zod';
import { csvUploadFields } from '../csv/csv-file';

export const SALES_CSV_COLUMNS = ['伝票キー', '売上日', '得意先コード', '倉庫コード', '部門コード', '単価区分', '商品コード', '数量', '単価', '税区分コード', '備考', '確定'] as const;
export type SalesCsvColumn = (typeof SALES_CSV_COLUMNS)[number];
export const SALES_CSV_REQUIRED: readonly SalesCsvColumn[] = ['伝票キー', '売上日', '得意先コード', '倉庫コード', '商品コード', '数量'];
/** header cells every row of one slip must repeat alike */
export const SALES_CSV_HEAD_COLUMNS: readonly SalesCsvColumn[] = ['売上日', '得意先コード', '倉庫コード', '部門コード', '単価区分', '備考', '確定'];

export const SALES_CSV_RULE =
  '1行が明細1行です。同じ「伝票キー」の行が1枚の売上伝票になり、売上日・得意先コード・倉庫コード・部門コード・単価区分・備考・確定はその伝票のすべての行で同じにしてください。' +
  '単価が空なら得意先別単価または商品の単価、税区分コードが空なら商品の税区分、単価区分 (税込/税抜) が空なら得意先の税表示を使います。確定に「確定」と書いた伝票は取込と同時に確定します。' +
  '1行でも誤りがあれば何も取り込みません。';

export const salesCsvImportInput = z.object({ ...csvUploadFields }).strict();

export const salesCsvImportResult = z.object({
  slips: z.number().int(),
  lines: z.number().int(),
  confirmed: z.number().int(),
  encoding: z.enum(['utf-8', 'cp932']),
  warnings: z.array(z.string()),
});
export type SalesCsvImportResult = z.infer<typeof salesCsvImportResult>;
