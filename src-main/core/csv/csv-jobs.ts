/**
 * CSV取込 in progress, by the job id the renderer gave them: progress goes out as `csv:progressed`
 * push events, and `csv:cancel` aborts an import while its file is read (the reader stops at its
 * next piece with CSV_CANCELLED). Once writing begins the import is one synchronous transaction,
 * which 中止 cannot — and must not — interrupt, so the job leaves the cancellable set first.
 * One registry per core, shared by every handler that imports CSV.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError } from '../../../src-shared/errors';
import type { EventBus } from '../event-bus';
import type { CsvReadProgress } from './csv-read';

export interface CsvJob {
  /** aborted by 中止 */
  signal: AbortSignal;
  /** the reader's progress (a push event for about every 1% of the file) */
  onProgress(progress: CsvReadProgress): void;
  /** the file is read and valid: from here on nothing stops the write; the `writing` event goes out first */
  beginWrite(): Promise<void>;
}

export interface CsvJobs {
  /** runs one import as a job; without a job id it can neither report progress nor be stopped */
  run<T>(jobId: string | undefined, work: (job: CsvJob) => Promise<T>): Promise<T>;
  /** 中止: true when the job was still reading its file */
  cancel(jobId: string): boolean;
}

export function createCsvJobs(events: EventBus): CsvJobs {
  const reading = new Map<string, AbortController>();
  const running = new Set<string>();
  return {
    async run(jobId, work) {
      const controller = new AbortController();
      if (jobId === undefined) return work({ signal: controller.signal, onProgress: () => undefined, beginWrite: async () => undefined });
      if (running.has(jobId)) throw new AppError('ALREADY_RUNNING', 'このCSV取込はすでに実行中です。終わるまでお待ちください。');
      running.add(jobId);
      reading.set(jobId, controller);
      let latest: CsvReadProgress = { bytesRead: 0, bytesTotal: 0, rows: 0 };
      let sent: CsvReadProgress | undefined;
      const emit = (phase: 'reading' | 'writing', p: CsvReadProgress): void => events.emit('csv:progressed', { jobId, phase, ...p });
      try {
        return await work({
          signal: controller.signal,
          onProgress(p) {
            latest = p;
            // about a hundred events for a whole file, however large
            if (sent !== undefined && p.bytesRead - sent.bytesRead < p.bytesTotal / 100) return;
            sent = p;
            emit('reading', p);
          },
          async beginWrite() {
            reading.delete(jobId);
            emit('writing', { ...latest, bytesRead: latest.bytesTotal });
            // let the event leave before the transaction holds the process
            await nextTurn();
          },
        });
      } finally {
        reading.delete(jobId);
        running.delete(jobId);
      }
    },
    cancel(jobId) {
      const controller = reading.get(jobId);
      if (controller === undefined) return false;
      reading.delete(jobId);
      controller.abort();
      return true;
    },
  };
}
