/**
 * The six verbs every master offers, typed from the IPC contract: `masterApi('products').list()`
 * answers product rows and `create` takes the product form's values. The masters are the contract's
 * domains with both a `:create` and an `:unconfirm` channel (入金伝票 have 確定取消 too, but are
 * recorded, not created like a master; stock slips are slips, not masters), so a new master needs no edit here.
 */
import type { Channel, ChannelInput, ChannelOutput } from '../../src-shared/ipc/contract';
import type { IpcResult } from '../../src-shared/ipc/result';
import type { MasterListInput } from '../../src-shared/masters/fields';
import { api } from './api';

type PrefixWith<Verb extends string> = { [C in Channel]: C extends `${infer P}:${Verb}` ? P : never }[Channel];
export type MasterPrefix = Exclude<PrefixWith<'unconfirm'> & PrefixWith<'create'>, 'stockSlips'>;
/** What every master record has (spelled out so code generic over the master can read it). */
export interface MasterRowBase {
  id: number;
  confirmed: boolean;
  createdAt: string;
  updatedAt: string;
}
export type MasterRow<P extends MasterPrefix> = ChannelOutput<Extract<Channel, `${P}:get`>> & MasterRowBase;
export type MasterValues<P extends MasterPrefix> = ChannelInput<Extract<Channel, `${P}:create`>>;

type Call<I, O> = (input: I) => Promise<IpcResult<O>>;

export interface MasterApi<Row, Values> {
  list: Call<MasterListInput | undefined, { rows: Row[]; total: number }>;
  get: Call<{ id: number }, Row>;
  create: Call<Values, Row>;
  update: Call<{ id: number; values: Values }, Row>;
  confirm: Call<{ id: number }, Row>;
  unconfirm: Call<{ id: number }, Row>;
}

type MasterApis = { [P in MasterPrefix]: MasterApi<MasterRow<P>, MasterValues<P>> };

export function masterApi<P extends MasterPrefix>(prefix: P): MasterApis[P] {
  // the assignment is where the compiler checks each master's window.api functions against MasterApi
  const apis: MasterApis = api();
  return apis[prefix];
}
