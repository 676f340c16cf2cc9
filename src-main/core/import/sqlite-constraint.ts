/** Recognises a SQLite constraint violation (UNIQUE on the BCart ids: a concurrent import won). */
export function isSqliteConstraint(e: unknown): boolean {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code.startsWith('SQLITE_CONSTRAINT');
}
