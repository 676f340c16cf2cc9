/**
 * Column helpers shared by every table: timestamps are ISO-8601 strings with +09:00 (set by the
 * repositories from the injected clock, never by SQLite's own clock), booleans are 0/1 integers.
 */
import { integer, text } from 'drizzle-orm/sqlite-core';

export const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

/** 確定 flag of masters and slips: a confirmed record can be referenced; editing needs 確定取消 first. */
export const confirmedColumn = () => integer('confirmed', { mode: 'boolean' }).notNull().default(false);
