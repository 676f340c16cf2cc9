/**
 * Multi-row statements for the tax update's apply transaction (bench/tax-update.bench.ts: ~1.3 M
 * change rows and ~1 M price updates on 100,000 applications). One statement per CHUNK rows instead
 * of one per row cuts the per-statement overhead of better-sqlite3 several times; the rows and
 * values written are the same. Used by repositories only.
 */
import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from './open';

const CHUNK = 200;

/**
 * Collects rows of `width` values and runs `build(n)` (a statement for n rows) per full chunk.
 * Call `flush()` at the end.
 */
export function createBatcher(db: SqliteDb, width: number, build: (rows: number) => string) {
  const full: Statement = db.prepare(build(CHUNK));
  let buf: unknown[] = [];
  return {
    add(...values: unknown[]): void {
      for (const v of values) buf.push(v);
      if (buf.length === CHUNK * width) {
        full.run(buf);
        buf = [];
      }
    },
    flush(): void {
      if (buf.length > 0) db.prepare(build(buf.length / width)).run(buf);
      buf = [];
    },
  };
}

/** "(?, ?, ?), (?, ?, ?)" for n rows of width placeholders */
export function placeholders(rows: number, width: number): string {
  const one = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => one).join(', ');
}
