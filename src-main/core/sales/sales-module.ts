/** Builds the 売上伝票 repository and service once (the composition root calls this). */
import type { RoundingMode } from '../../../src-shared/domain/rounding';
import { createAnalysisRepository, type AnalysisRepository } from '../analysis/analysis-repository';
import { createAnalysisService, type AnalysisService } from '../analysis/analysis-service';
import { createSalesRepository, type SalesDb, type SalesRepository } from './sales-repository';
import { createSalesService, type SalesService } from './sales-service';

export interface SalesModule {
  repo: SalesRepository;
  service: SalesService;
  /** 売上分析 (reads both channels' slips) */
  analysis: AnalysisService;
  analysisRepo: AnalysisRepository;
}

/** The customers' rounding until the 取引先 carries one: 切り捨て, the usual choice of Japanese issuers. */
const DEFAULT_ROUNDING: RoundingMode = 'floor';

export function createSalesModule(db: SalesDb, now: () => string): SalesModule {
  const repo = createSalesRepository(db, now);
  const service = createSalesService({ repo, roundingOf: () => DEFAULT_ROUNDING });
  const analysisRepo = createAnalysisRepository(db.sqlite);
  return { repo, service, analysis: createAnalysisService(analysisRepo), analysisRepo };
}
