/**
 * The one IPC contract. Adding a channel is one edit here (or in a file of ./channels): the
 * compiler then demands the handler in main (src-main/core/ipc/handlers.ts) and the renderer gets a
 * typed call through window.api. Names are `domain:verb`; push events live in ./events.ts.
 */
import type { z } from 'zod';
import { appChannelDefs } from './channels/app';
import { csvChannelDefs } from './channels/csv';
import { masterChannelDefs } from './channels/masters';
import { importChannelDefs } from './channels/import';
import { ecSettingChannelDefs } from './channels/ec-settings';
import { scheduleChannelDefs } from './channels/schedules';
import { taxUpdateChannelDefs } from './channels/tax-update';
import { receivablesChannelDefs } from './channels/receivables';
import { stockChannelDefs } from './channels/stock';

export const contract = {
  ...appChannelDefs,
  ...masterChannelDefs,
  ...importChannelDefs,
  ...ecSettingChannelDefs,
  ...csvChannelDefs,
  ...scheduleChannelDefs,
  ...taxUpdateChannelDefs,
  ...receivablesChannelDefs,
  ...stockChannelDefs,
};

export type Contract = typeof contract;
export type Channel = keyof Contract & string;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Every channel name, in a stable order: the preload and the harness build window.api from it. */
export const CHANNELS = Object.keys(contract).sort() as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
