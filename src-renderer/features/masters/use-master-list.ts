/**
 * The list of a master page. Searching and sorting happen in main (SQLite), so 100,000 rows stay
 * fast. Two steps so such a list shows its first screen at once: the first HEAD_ROWS rows (and the
 * total) come back in milliseconds; the whole list follows and replaces them.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { IpcResult } from '../../../src-shared/ipc/result';
import type { MasterListInput } from '../../../src-shared/masters/fields';
import type { MasterPrefix } from '../../ipc/master-api';
import { masterQueries, type MasterList } from '../../queries/masters';

/** rows fetched first, enough for a screen; the rest follow in a second request */
const HEAD_ROWS = 200;

/** An optional select narrowing the list (e.g. 取引先種別); '' = all, which uses the generic list. */
export interface MasterListFilter<P extends MasterPrefix, V extends string = string> {
  label: string;
  options: readonly V[];
  list: (input: MasterListInput, value: V) => Promise<IpcResult<MasterList<P>>>;
}

export function useMasterList<P extends MasterPrefix, V extends string>(prefix: P, input: MasterListInput, filter: MasterListFilter<P, V> | undefined, filterValue: string) {
  const chosen = filter?.options.find((o) => o === filterValue);
  const narrow = filter && chosen !== undefined ? { value: chosen, list: (i: MasterListInput) => filter.list(i, chosen) } : null;
  const queries = masterQueries(prefix);
  const head = useQuery({ ...queries.list({ ...input, limit: HEAD_ROWS }, narrow), placeholderData: keepPreviousData });
  const needFull = head.isSuccess && !head.isPlaceholderData && head.data.total > head.data.rows.length;
  const full = useQuery({ ...queries.list(input, narrow), enabled: needFull });
  return { data: needFull && full.data ? full.data : head.data, error: head.error ?? full.error };
}
