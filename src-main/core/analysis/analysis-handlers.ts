/** IPC handlers of 売上分析 (read only). */
import type { Handler } from '../ipc/handler-types';
import type { AnalysisService } from './analysis-service';

export function createAnalysisHandlers(deps: { analysis: AnalysisService }): { [C in 'analysis:sales' | 'analysis:slips']: Handler<C> } {
  return {
    'analysis:sales': (input) => deps.analysis.sales(input),
    'analysis:slips': (input) => ({ rows: deps.analysis.slips(input) }),
  };
}
