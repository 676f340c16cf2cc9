import type { AppErrorData } from '../errors';

/** What every IPC call resolves to. Main never rejects and never sends a stack trace. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
