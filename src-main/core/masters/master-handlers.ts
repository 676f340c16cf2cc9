/** IPC handlers of one master: the six verbs over its repository, announcing changes. */
import type { DataRoot } from '../../../src-shared/ipc/data-roots';
import type { MasterListInput } from '../../../src-shared/masters/fields';
import type { MasterRepository } from './master-repository';

export interface MasterGuards<V = never> {
  /** throws (e.g. STORE_CLOSED) when edits are not allowed right now */
  beforeWrite?: () => void;
  /** throws when this change of this record is not allowed (e.g. billed history of a 得意先) */
  beforeUpdate?: (id: number, values: V) => void;
}

export function masterHandlers<P extends DataRoot, Row extends { id: number; confirmed: boolean }, V extends object>(
  prefix: P,
  repo: MasterRepository<Row, V>,
  changed: (root: P) => void,
  guards: MasterGuards<V> = {},
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
    [`${prefix}:update`]: (input: { id: number; values: V }) =>
      write(() => {
        guards.beforeUpdate?.(input.id, input.values);
        return repo.update(input.id, input.values);
      }),
    [`${prefix}:confirm`]: (input: { id: number }) => write(() => repo.setConfirmed(input.id, true)),
    [`${prefix}:unconfirm`]: (input: { id: number }) => write(() => repo.setConfirmed(input.id, false)),
  } as Record<`${P}:${'list' | 'get' | 'create' | 'update' | 'confirm' | 'unconfirm'}`, never>;
}
