/** Queries of 売上分析: it reads the 売上伝票 (sales) and the imported slips (slips). */
import { queryOptions } from '@tanstack/react-query';
import type { AnalysisInput, AnalysisSlipsInput } from '../../src-shared/analysis/sales-analysis';
import { api, unwrap } from '../ipc/api';

export const analysisQueries = {
  sales: (input: AnalysisInput) =>
    queryOptions({ queryKey: ['sales', 'analysis', input] as const, queryFn: () => unwrap(api().analysis.sales(input)), meta: { reads: ['slips', 'partners', 'products'] } }),
  slips: (input: AnalysisSlipsInput) =>
    queryOptions({ queryKey: ['sales', 'analysisSlips', input] as const, queryFn: () => unwrap(api().analysis.slips(input)), meta: { reads: ['slips'] } }),
};
