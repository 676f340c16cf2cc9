/**
 * Details added to the AppError of a stock write, so the outbox knows what BCart did with each batch
 * (applied, refused, never sent, or unknown after a timeout) without resending blindly.
 */
import { AppError, isAppError } from '../../../src-shared/errors';

/** Returns `err` with `extra` merged into its details (non-AppErrors pass through unchanged). */
export function withDetails(err: unknown, extra: Record<string, unknown>): unknown {
  if (!isAppError(err)) return err;
  return new AppError(err.code, err.message, { details: { ...(err.details ?? {}), ...extra }, retryable: err.retryable, fields: err.fields });
}

/** Parses a write's echo; BCart accepted the write, so an unreadable echo means "applied, result unknown". */
export function echoOf<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw withDetails(err, { outcome: 'unknown' });
  }
}
