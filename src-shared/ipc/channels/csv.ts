/**
 * CSV import/export of the masters, and 中止 of any CSV取込 in progress. Files cross IPC as
 * base64 (src-shared/csv/csv-file.ts); encodings are the one vocabulary of src-shared/csv.
 */
import { z } from 'zod';
import { csvEncodingSchema, csvReadEncodingSchema } from '../../csv/csv-encoding';
import { csvDownload, csvUploadFields } from '../../csv/csv-file';
import { csvJobId } from '../../csv/csv-job';
import { CSV_MASTERS } from '../../csv/master-csv';
import { masterListInput } from '../../masters/fields';
import { PARTNER_KINDS } from '../../masters/partner';
import { channel } from '../define';

export const csvImportInput = z
  .object({
    master: z.enum(CSV_MASTERS),
    ...csvUploadFields,
    encoding: csvReadEncodingSchema.optional(),
  })
  .strict();

export const csvImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  /** rows identical to the stored record (nothing written) */
  unchanged: z.number().int(),
  /** the encoding the file was read as */
  encoding: csvEncodingSchema,
});

export const csvExportInput = z
  .object({
    master: z.enum(CSV_MASTERS),
    encoding: csvEncodingSchema,
    query: masterListInput.optional(),
    /** 取引先種別 the 取引先 list is filtered by, so 出力 writes what the clerk sees; partners only */
    kind: z.enum(PARTNER_KINDS).optional(),
  })
  .strict()
  .refine((v) => v.kind === undefined || v.master === 'partners', {
    path: ['kind'],
    error: '取引先種別で絞り込めるのは取引先のCSV出力だけです。絞り込みを外して出力してください。',
  });

export const csvChannelDefs = {
  /** validates the whole file, then creates/updates in one transaction; CSV_INVALID lists problems by row/column */
  'csv:import': channel(csvImportInput, csvImportResult),
  /** the master's rows (optionally filtered like its list) as a CSV file; CSV_UNENCODABLE for CP932 misses */
  'csv:export': channel(csvExportInput, csvDownload),
  /** 中止 of the CSV取込 with this job id while its file is read (it then fails with CSV_CANCELLED, nothing written); cancelled=false: it was no longer cancellable */
  'csv:cancel': channel(z.object({ jobId: csvJobId }).strict(), z.object({ cancelled: z.boolean() })),
};
