/** Confirmed 倉庫 / 仕入先 for the stock slip forms and filters. */
import { useQuery } from '@tanstack/react-query';
import { partnerQueries } from '../../queries/masters';

export function usePartners(kind: '倉庫' | '仕入先') {
  return useQuery(partnerQueries.confirmedOfKind(kind));
}
