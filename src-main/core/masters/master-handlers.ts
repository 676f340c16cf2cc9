/** IPC handlers of one master: the six verbs over its repository, announcing changes. */
import type { DataRoot } from '../../../src-shared/ipc/data-roots';
import type { MasterListInput } from '../../../src-shared/masters/fields';
import { AppError } from '../../../src-shared/errors';
import type { MasterRepository } from './master-repository';

/** Values compared as the form sends them: '' / null / undefined are the same "none". */
const norm = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** A master other records depend on (docs/import-rules.md#masters-in-use). */
export interface InUseGuard {
  /** 部門, 商品 … for messages */
  label: string;
  /** Japanese descriptions of its users; empty = unused */
  usersOf(id: number): string[];
  /** the fields users depend on, with their labels: they cannot change while it is in use */
  lockedFields: Readonly<Record<string, string>>;
}

export interface MasterGuards<V = never> {
  /** refuses 確定取消 and changes of locked fields while the master is in use; free fields stay editable even when 確定 */
  inUse?: InUseGuard;
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
        const inUse = guards.inUse;
        const users = inUse ? inUse.usersOf(input.id) : [];
        if (inUse === undefined || users.length === 0) return repo.update(input.id, input.values);
        const current = repo.get(input.id) as unknown as Record<string, unknown>;
        const values = input.values as unknown as Record<string, unknown>;
        const changed = Object.entries(inUse.lockedFields).filter(([f]) => f in values && norm(values[f]) !== norm(current[f]));
        if (changed.length > 0) {
          throw new AppError(
            'IN_USE',
            `この${inUse.label}は使用中のため、${changed.map(([, l]) => l).join('・')}は変更できません（使用先: ${users.join('、')}）。名称など意味の変わらない項目は変更できます。`,
            { fields: changed.map(([f, l]) => ({ path: f, message: `使用中のため${l}は変更できません。` })), details: { users } },
          );
        }
        return repo.update(input.id, input.values, { allowConfirmed: true });
      }),
    [`${prefix}:confirm`]: (input: { id: number }) => write(() => repo.setConfirmed(input.id, true)),
    [`${prefix}:unconfirm`]: (input: { id: number }) =>
      write(() => {
        const users = guards.inUse?.usersOf(input.id) ?? [];
        if (users.length > 0) {
          throw new AppError(
            'IN_USE',
            `この${guards.inUse!.label}は使用中のため確定取消できません（使用先: ${users.join('、')}）。EC連携設定で別の${guards.inUse!.label}を選ぶか、伝票を確定取消してから、もう一度実行してください。`,
            { details: { users } },
          );
        }
        return repo.setConfirmed(input.id, false);
      }),
  } as Record<`${P}:${'list' | 'get' | 'create' | 'update' | 'confirm' | 'unconfirm'}`, never>;
}
