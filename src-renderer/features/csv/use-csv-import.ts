/**
 * A CSV取込 from the screen: reads the chosen file (refused before reading when too large), sends it
 * with a job id of its own, follows that job's `csv:progressed` events and can ask main for 中止
 * while the file is still being read. Every screen that imports CSV uses it with CsvImportButton.
 */
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CsvProgress } from '../../../src-shared/csv/csv-job';
import type { DataRoot } from '../../../src-shared/ipc/data-roots';
import type { IpcResult } from '../../../src-shared/ipc/result';
import { api, unwrap } from '../../ipc/api';
import { readCsvFile, type CsvUpload } from './csv-file';

export interface CsvImport {
  importFile: (file: File) => void;
  pending: boolean;
  error: unknown;
  /** the latest progress of the running import (null before main reports any) */
  progress: CsvProgress | null;
  /** 中止 of the running import */
  cancel: () => void;
}

export interface CsvImportOptions<R> {
  /** calls the channel of this screen with the file and the job id */
  send: (upload: CsvUpload & { jobId: string }) => Promise<IpcResult<R>>;
  /** a file was chosen (e.g. clear the last notice) */
  onStart?: () => void;
  onSuccess: (result: R) => void;
  /** the data roots a successful import changes (refreshed at once, like every mutation's meta.changes) */
  changes?: readonly DataRoot[];
}

export function useCsvImport<R>({ send, onStart, onSuccess, changes = [] }: CsvImportOptions<R>): CsvImport {
  const [progress, setProgress] = useState<CsvProgress | null>(null);
  const job = useRef<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (file: File) => {
      const upload = await readCsvFile(file);
      const jobId = crypto.randomUUID();
      job.current = jobId;
      return unwrap(send({ ...upload, jobId }));
    },
    onMutate: () => {
      setProgress(null);
      onStart?.();
    },
    meta: { changes },
    onSuccess,
    onSettled: () => {
      job.current = null;
      setProgress(null);
    },
  });
  const pending = mutation.isPending;
  // listens only while an import runs (the file is read before it is sent, so no event is missed)
  useEffect(() => {
    if (!pending) return undefined;
    return api().on('csv:progressed', (p) => {
      if (p.jobId === job.current) setProgress(p);
    });
  }, [pending]);
  const cancel = useCallback(() => {
    if (job.current !== null) void api().csv.cancel({ jobId: job.current });
  }, []);
  return { importFile: mutation.mutate, pending, error: mutation.error, progress, cancel };
}
