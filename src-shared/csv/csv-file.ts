/**
 * A CSV file crossing IPC. Bytes travel as base64 strings so IPC carries plain data (no Buffer /
 * ArrayBuffer across the boundary); the renderer reads and saves them with features/csv/csv-file.ts.
 */
import { z } from 'zod';
import { csvJobId } from './csv-job';
import { csvFileTooLargeMessage, MAX_CSV_BASE64_CHARS } from './csv-limits';

/** The fields of every CSV取込 input: the chosen file and, optionally, the job id for progress / 中止. */
export const csvUploadFields = {
  fileName: z.string().max(260),
  contentBase64: z.string().max(MAX_CSV_BASE64_CHARS, {
    // the size of the file the base64 text stands for
    error: (issue) => csvFileTooLargeMessage(Math.floor((String(issue.input).length * 3) / 4)),
  }),
  jobId: csvJobId.optional(),
};

/** The output of every CSV出力 / download: the file to save and how many records it holds. */
export const csvDownload = z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number().int() });
export type CsvDownload = z.infer<typeof csvDownload>;
