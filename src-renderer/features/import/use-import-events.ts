/**
 * Follows the push events of one 出荷取込処理 run: the latest progress and whether it ended (UI
 * state only; the result, the history and the slips come from react-query, refreshed by the
 * data:changed main sends when the run ends).
 */
import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../src-shared/ipc/events';
import { api } from '../../ipc/api';

export type ImportProgressEvent = EventPayload<'import:progressed'>;

/** Progress of the run `runId` and whether it has finished. */
export function useImportEvents(runId: number | null): { progress: ImportProgressEvent | null; done: boolean } {
  const [progress, setProgress] = useState<ImportProgressEvent | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    setProgress(null);
    setDone(false);
    if (runId === null) return;
    let active = true;
    const finish = () => {
      if (!active) return;
      setDone(true);
    };
    const offProgress = api().on('import:progressed', (p) => {
      if (p.runId === runId) setProgress(p);
    });
    const offFinished = api().on('import:finished', (p) => {
      if (p.runId === runId) finish();
    });
    // a short run may have finished before the listeners were attached
    void api()
      .import.get({ runId })
      .then((r) => {
        if (r.ok && r.value.run.status !== 'running') finish();
      });
    return () => {
      active = false;
      offProgress();
      offFinished();
    };
  }, [runId]);
  return { progress, done };
}
