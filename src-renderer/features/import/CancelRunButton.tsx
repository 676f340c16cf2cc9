/**
 * 中止 of the run in progress: asks main to stop it (import:cancel). The run then ends as a failed
 * run with nothing written, which arrives as import:finished like any other result.
 */
import { useMutation } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';

/** The 中止 button beside the progress of run `runId`. */
export function CancelRunButton({ runId }: { runId: number }) {
  const cancel = useMutation({ mutationFn: () => unwrap(api().import.cancel({ runId })) });
  const asked = cancel.isPending || cancel.data?.cancelled === true;
  return (
    <>
      <button type="button" onClick={() => cancel.mutate()} disabled={asked}>
        {asked ? '中止しています…' : '中止'}
      </button>
      {cancel.error ? <ErrorNotice error={cancel.error} /> : null}
    </>
  );
}
