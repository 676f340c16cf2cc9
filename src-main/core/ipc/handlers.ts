/**
 * All IPC handlers, assembled from each domain's factory. `Handlers` makes the compiler demand one
 * per contract channel. Adding a domain = one spread line here.
 */
import type { CoreContext } from '../core-context';
import { emitDataChanged } from '../event-bus';
import { createCsvHandlers } from '../csv/csv-handlers';
import { createCsvJobs } from '../csv/csv-jobs';
import { masterHandlers } from '../masters/master-handlers';
import { createImportHandlers } from '../import/import-handlers';
import { createPartnerHandlers } from '../masters/partner-handlers';
import { assertStoreOpen, isStoreClosed } from '../store-mode/store-mode';
import { createSettingsHandlers } from '../ec-settings/ec-setting-handlers';
import { createScheduleHandlers } from '../schedules/schedule-handlers';
import { createTaxUpdateHandlers } from '../tax-update/tax-update-handlers';
import { createSalesHandlers } from '../sales/sales-handlers';
import { createAnalysisHandlers } from '../analysis/analysis-handlers';
import { createDashboardHandlers } from '../dashboard/dashboard-handlers';
import { createDashboardRepository } from '../dashboard/dashboard-repository';
import { createCatchUpHandlers } from '../import/catch-up-handlers';
import { importService } from '../import/import-service';
import type { DataRoot } from '../../../src-shared/ipc/data-roots';
import type { Handlers } from './handler-types';

export function buildHandlers(ctx: CoreContext): Handlers {
  const changed = (root: DataRoot) => emitDataChanged(ctx.events, root);
  // CSV取込 in progress (progress events, 中止), shared by the master and the 定期申込 imports
  const csvJobs = createCsvJobs(ctx.events);
  return {
    'app:info': () => ({ ...ctx.info, storeClosed: isStoreClosed(ctx.db) }),
    ...createImportHandlers(ctx),
    ...masterHandlers('departments', ctx.repos.departments, changed),
    ...masterHandlers('taxClasses', ctx.repos.taxClasses, changed),
    ...masterHandlers('workflows', ctx.repos.workflows, changed),
    ...masterHandlers('partners', ctx.repos.partners, changed),
    ...createPartnerHandlers(ctx),
    ...masterHandlers('products', ctx.repos.products, changed, { beforeWrite: () => assertStoreOpen(ctx.db, '商品の編集') }),
    ...masterHandlers('bankAccounts', ctx.repos.bankAccounts, changed),
    ...createCsvHandlers(ctx, csvJobs),
    ...createSettingsHandlers(ctx),
    ...createScheduleHandlers(ctx),
    ...createTaxUpdateHandlers(ctx, csvJobs),
    ...createSalesHandlers({ sales: ctx.sales.service, repo: ctx.sales.repo, changed: (...roots) => emitDataChanged(ctx.events, ...roots) }),
    ...createAnalysisHandlers({ analysis: ctx.sales.analysis, now: ctx.now }),
    ...createDashboardHandlers({
      dashboard: createDashboardRepository(ctx.db),
      sales: ctx.sales.repo,
      analysis: ctx.sales.analysisRepo,
      nowMs: () => ctx.clock.now(),
    }),
    ...createCatchUpHandlers({
      start: (id, opts) => importService(ctx).start(id, opts),
      budgetOf: (id) => createDashboardRepository(ctx.db).rateBudget(id),
      cursorOf: (id) => createDashboardRepository(ctx.db).cursor(id),
    }),
  };
}
