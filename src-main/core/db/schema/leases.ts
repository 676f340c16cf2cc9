/**
 * Leases: a named lock held by one process at a time across every process opening this database
 * (app, CLI, a second instance). A holder renews `expiresAt` while it works; a crashed holder's
 * lease is taken over once it expired. See core/db/lease-repository.ts.
 */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const leases = sqliteTable('leases', {
  /** e.g. "stock-push:1" */
  name: text('name').primaryKey(),
  /** host:pid:random of the holder */
  holder: text('holder').notNull(),
  /** ISO-8601 with offset; the lease is free from then on */
  expiresAt: text('expires_at').notNull(),
  /** ISO of the holder's last renewal */
  heartbeatAt: text('heartbeat_at').notNull(),
  acquiredAt: text('acquired_at').notNull(),
});
