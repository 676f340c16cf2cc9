/**
 * Loggers for the core. Secrets never reach a log line: values under keys that look like
 * credentials are replaced, and Bearer tokens / JWT-looking strings inside messages are masked.
 * The shell adapts electron-log to the same interface; tests use the memory logger.
 */
import type { LogLevel, Logger } from './ports';

const SECRET_KEY = /token|authorization|secret|password|verifier|code_challenge|refresh/i;
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/g;
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;

/** Masks credential-like values in a message or metadata object. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(BEARER, 'Bearer ***').replace(JWT, '***');
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '***' : redact(v, depth + 1);
  return out;
}

export type LogSink = (level: LogLevel, scope: string, msg: string, meta?: Record<string, unknown>) => void;

/** Builds a Logger over a sink, redacting everything on the way. */
export function createLogger(sink: LogSink, scope = 'core'): Logger {
  const write = (level: LogLevel) => (msg: string, meta?: Record<string, unknown>) =>
    sink(level, scope, redact(msg) as string, meta ? (redact(meta) as Record<string, unknown>) : undefined);
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (s) => createLogger(sink, `${scope}:${s}`),
  };
}

/** Writes JSON lines to stderr (CLI, harness); debug lines only when BCART_DESK_DEBUG is set. */
export function createConsoleLogger(scope = 'core', minLevel: LogLevel = 'info'): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  return createLogger((level, s, msg, meta) => {
    if (order.indexOf(level) < order.indexOf(minLevel)) return;
    process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level, scope: s, msg, ...(meta ? { meta } : {}) })}\n`);
  }, scope);
}

export interface MemoryLogger extends Logger {
  lines: { level: LogLevel; scope: string; msg: string; meta?: Record<string, unknown> }[];
}

/** Keeps lines in memory (tests, canary scans). */
export function createMemoryLogger(): MemoryLogger {
  const lines: MemoryLogger['lines'] = [];
  const logger = createLogger((level, scope, msg, meta) => lines.push({ level, scope, msg, ...(meta ? { meta } : {}) }));
  return Object.assign(logger, { lines });
}
