/** Confirmed 倉庫 / 仕入先 for the stock slip forms (partners:listByKind). */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../ipc/api';

export function usePartners(kind: '倉庫' | '仕入先') {
  return useQuery({
    queryKey: ['partners', 'byKind', kind],
    queryFn: () => unwrap(api().partners.listByKind({ kind, confirmed: 'confirmed', sortKey: 'code', sortDir: 'asc' })),
  });
}
