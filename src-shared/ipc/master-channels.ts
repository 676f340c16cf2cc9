/**
 * Every master (部門, 税区分, 取引先 …) offers the same verbs. This builds their channel
 * definitions from the row and form schemas so each master is one line in the contract.
 */
import { z } from 'zod';
import { idInput, masterListInput } from '../masters/fields';
import { channel } from './define';

export function masterChannels<P extends string, R extends z.ZodType, I extends z.ZodType>(prefix: P, row: R, input: I) {
  const update = z.object({ id: z.number().int().positive(), values: input }).strict();
  const list = z.object({ rows: z.array(row), total: z.number().int() });
  return {
    [`${prefix}:list`]: channel(masterListInput.optional(), list),
    [`${prefix}:get`]: channel(idInput, row),
    [`${prefix}:create`]: channel(input, row),
    [`${prefix}:update`]: channel(update, row),
    [`${prefix}:confirm`]: channel(idInput, row),
    [`${prefix}:unconfirm`]: channel(idInput, row),
  } as {
    [K in `${P}:list`]: ReturnType<typeof channel<ReturnType<typeof masterListInput.optional>, typeof list>>;
  } & { [K in `${P}:get` | `${P}:confirm` | `${P}:unconfirm`]: ReturnType<typeof channel<typeof idInput, R>> } & {
    [K in `${P}:create`]: ReturnType<typeof channel<I, R>>;
  } & { [K in `${P}:update`]: ReturnType<typeof channel<typeof update, R>> };
}
