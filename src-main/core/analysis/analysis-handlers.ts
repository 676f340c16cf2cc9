/** IPC handlers of 売上分析 (read only). */
import type { Handler } from '../ipc/handler-types';
import { exportAnalysisCsv } from './analysis-csv';
import type { AnalysisService } from './analysis-service';

export function createAnalysisHandlers(deps: {
  analysis: AnalysisService;
  /** ISO-8601 +09:00, for the CSV file name */
  now(): string;
}): { [C in 'analysis:sales' | 'analysis:slips' | 'analysis:exportCsv']: Handler<C> } {
  return {
    'analysis:sales': (input) => deps.analysis.sales(input),
    'analysis:slips': (input) => ({ rows: deps.analysis.slips(input) }),
    'analysis:exportCsv': (input) => exportAnalysisCsv(deps.analysis, input, deps.now()),
  };
}
