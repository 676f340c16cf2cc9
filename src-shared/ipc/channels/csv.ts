/**
 * CSV import/export of the masters. File bytes travel as base64 strings so IPC carries plain data
 * (no Buffer / ArrayBuffer across the boundary).
 */
import { z } from 'zod';
import { CSV_EXPORT_ENCODINGS, CSV_IMPORT_ENCODINGS, CSV_MASTERS } from '../../csv/master-csv';
import { masterListInput } from '../../masters/fields';
import { PARTNER_KINDS } from '../../masters/partner';
import { channel } from '../define';

/** ~75 MB of CSV; the 100,000-row 商品 file is about 10 MB */
const MAX_BASE64 = 100_000_000;

export const csvImportInput = z
  .object({
    master: z.enum(CSV_MASTERS),
    fileName: z.string().max(260),
    contentBase64: z.string().max(MAX_BASE64, { error: 'ファイルが大きすぎます。75MB以下に分けて取り込んでください。' }),
    encoding: z.enum(CSV_IMPORT_ENCODINGS).optional(),
  })
  .strict();

export const csvImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  /** rows identical to the stored record (nothing written) */
  unchanged: z.number().int(),
  /** the encoding the file was read as */
  encoding: z.enum(['utf8', 'cp932']),
});

export const csvExportInput = z
  .object({
    master: z.enum(CSV_MASTERS),
    encoding: z.enum(CSV_EXPORT_ENCODINGS),
    query: masterListInput.optional(),
    /** 取引先種別 the 取引先 list is filtered by, so 出力 writes what the clerk sees; partners only */
    kind: z.enum(PARTNER_KINDS).optional(),
  })
  .strict()
  .refine((v) => v.kind === undefined || v.master === 'partners', {
    path: ['kind'],
    error: '取引先種別で絞り込めるのは取引先のCSV出力だけです。絞り込みを外して出力してください。',
  });

export const csvExportResult = z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number().int() });

export const csvChannelDefs = {
  /** validates the whole file, then creates/updates in one transaction; CSV_INVALID lists problems by row/column */
  'csv:import': channel(csvImportInput, csvImportResult),
  /** the master's rows (optionally filtered like its list) as a CSV file; CSV_UNENCODABLE for CP932 misses */
  'csv:export': channel(csvExportInput, csvExportResult),
};
