/**
 * Push events from main to the renderer (`domain:past-tense`). Long work returns a run id at once;
 * its progress and completion arrive here.
 */
import type { z } from 'zod';
import { csvEventDefs } from '../csv/csv-job';
import { importEventDefs } from '../import/import-run';
import { connectionChanged } from '../ec-settings/connection';
import { dataChanged } from './data-roots';
import { scheduleEventDefs } from '../schedules/schedule-ipc';
import { taxUpdateEventDefs } from '../tax-update/tax-update-events';
import { stockEventDefs } from '../stock/stock-push';

export const events = {
  /** data changed in main (by any caller): the renderer invalidates the queries under these roots */
  'data:changed': dataChanged,
  ...importEventDefs,
  ...scheduleEventDefs,
  ...taxUpdateEventDefs,
  ...stockEventDefs,
  ...csvEventDefs,
  /** ECサイト認証: a login finished or failed, a token was saved or removed (never the token) */
  'connection:changed': connectionChanged,
};

export type Events = typeof events;
export type EventName = keyof Events & string;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const EVENT_NAMES = Object.keys(events).sort() as EventName[];

/** The single Electron IPC channel that carries push events ({event, payload}) to the renderer. */
export const PUSH_CHANNEL = 'app:event';
