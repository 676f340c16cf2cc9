/** IPC handlers of one master: the six verbs over its repository, announcing changes. */
import type { DataRoot } from '../../../src-shared/ipc/data-roots';
import type { MasterListInput } from '../../../src-shared/masters/fields';
import type { MasterRepository } from './master-repository';

export interface MasterGuards {
  /** throws (e.g. STORE_CLOSED) when edits are not allowed right now */
  beforeWrite?: () => void;
}

export function masterHandlers<P extends DataRoot, Row extends { id: number; confirmed: boolean }, V extends object>(
  prefix: P,
  repo: MasterRepository<Row, V>,
  changed: (root: P) => void,
  guards: MasterGuards = {},
) {
  const write = <T>(fn: () => T): T => {
    guards.beforeWrite?.();
    const result = fn();
    changed(prefix);
    return result;
  };
  return {
    [`${prefix}:list`]: (input: MasterListInput | undefined) => repo.list(input),
    [`${prefix}:get`]: (input: { id: number }) => repo.get(input.id),
    [`${prefix}:create`]: (input: V) => write(() => repo.create(input)),
    [`${prefix}:update`]: (input: { id: number; values: V }) => write(() => repo.update(input.id, input.values)),
    [`${prefix}:confirm`]: (input: { id: number }) => write(() => repo.setConfirmed(input.id, true)),
    [`${prefix}:unconfirm`]: (input: { id: number }) => write(() => repo.setConfirmed(input.id, false)),
  } as Record<`${P}:${'list' | 'get' | 'create' | 'update' | 'confirm' | 'unconfirm'}`, never>;
}
