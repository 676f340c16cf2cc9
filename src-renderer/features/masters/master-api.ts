/** The six verbs every master offers, addressed by its domain prefix in window.api. */
import type { IpcResult } from '../../../src-shared/ipc/result';
import type { MasterListInput } from '../../../src-shared/masters/fields';
import { api } from '../../ipc/api';

export type MasterPrefix = 'departments' | 'taxClasses' | 'workflows' | 'partners' | 'products' | 'bankAccounts';

export interface MasterApi<Row> {
  list(input?: MasterListInput): Promise<IpcResult<{ rows: Row[]; total: number }>>;
  get(input: { id: number }): Promise<IpcResult<Row>>;
  create(input: unknown): Promise<IpcResult<Row>>;
  update(input: { id: number; values: unknown }): Promise<IpcResult<Row>>;
  confirm(input: { id: number }): Promise<IpcResult<Row>>;
  unconfirm(input: { id: number }): Promise<IpcResult<Row>>;
}

export function masterApi<Row>(prefix: string): MasterApi<Row> {
  return (api() as unknown as Record<string, MasterApi<Row>>)[prefix]!;
}
