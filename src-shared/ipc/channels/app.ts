/** Channels about the app itself. */
import { z } from 'zod';
import { channel, noInput } from '../define';

export const appInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  demoMode: z.boolean(),
  /** 受付停止 mode (tax update): imports, schedules and edits are refused while on */
  storeClosed: z.boolean(),
});

export const appChannelDefs = {
  /** version, data folder and mode flags for the status bar */
  'app:info': channel(noInput, appInfo),
};
