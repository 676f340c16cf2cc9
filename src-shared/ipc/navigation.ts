/**
 * Main asks the page to show a screen — a notification's or the tray's 最終結果 click — by a push
 * event, not by reloading the page: a reload would throw away whatever the clerk was typing.
 */
import { z } from 'zod';

export const navigationRequested = z.object({
  /** page id of the renderer's menu (pages.tsx), e.g. 'schedules' */
  page: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]{0,39}$/),
  /** record to open on the page, e.g. the schedule's id */
  param: z.string().max(100).nullable(),
});

export type NavigationRequested = z.output<typeof navigationRequested>;
