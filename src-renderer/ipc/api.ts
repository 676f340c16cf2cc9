/**
 * Typed facade over window.api (preload in Electron, the bridge in the harness).
 * `unwrap` turns an IpcResult into a value or an ApiError carrying the AppError data.
 */
import type { AppErrorData } from '../../src-shared/errors';
import type { WindowApi } from '../../src-shared/ipc/api';
import type { IpcResult } from '../../src-shared/ipc/result';

declare global {
  interface Window {
    api: WindowApi;
  }
}

export class ApiError extends Error {
  readonly data: AppErrorData;
  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.data = data;
  }
}

export function api(): WindowApi {
  return window.api;
}

export async function unwrap<T>(result: Promise<IpcResult<T>>): Promise<T> {
  const r = await result;
  if (r.ok) return r.value;
  throw new ApiError(r.error);
}
