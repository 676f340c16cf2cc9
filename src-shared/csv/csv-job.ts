/**
 * A CSV取込 in progress. The renderer names each import with a job id it makes up, so it can
 * follow the `csv:progressed` push events of that file and ask for 中止 (`csv:cancel`) while main
 * is still reading it. Once writing has begun the import is one transaction and runs to its end.
 */
import { z } from 'zod';

export const csvJobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: '取込の識別子が正しくありません。画面を再読み込みしてください。' });

export const CSV_IMPORT_PHASES = ['reading', 'writing'] as const;
export type CsvImportPhase = (typeof CSV_IMPORT_PHASES)[number];

/** Japanese text of each phase for the progress line. */
export const CSV_IMPORT_PHASE_LABELS: Record<CsvImportPhase, string> = {
  reading: 'ファイルの内容を確認しています',
  writing: '登録しています(中止できません)',
};

export const csvProgressed = z.object({
  jobId: z.string(),
  phase: z.enum(CSV_IMPORT_PHASES),
  /** data rows read so far */
  rows: z.number().int(),
  bytesRead: z.number().int(),
  bytesTotal: z.number().int(),
});
export type CsvProgress = z.infer<typeof csvProgressed>;

export const csvEventDefs = {
  /** progress of a CSV取込 that was given a job id */
  'csv:progressed': csvProgressed,
};
