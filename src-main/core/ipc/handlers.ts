/**
 * All IPC handlers, assembled from each feature's factory; each factory gets the services and
 * repositories it uses, nothing more. `Handlers` makes the compiler demand one per contract
 * channel. Adding a feature = one spread line here.
 */
import type { DataRoot } from '../../../src-shared/ipc/data-roots';
import { createBackupHandlers } from '../backups/backup-handlers';
import { createCsvHandlers } from '../csv/csv-handlers';
import { createSettingsHandlers } from '../ec-settings/ec-setting-handlers';
import { emitDataChanged } from '../event-bus';
import { createImportHandlers } from '../import/import-handlers';
import { masterHandlers } from '../masters/master-handlers';
import { masterInUseGuard } from '../masters/master-in-use';
import type { MasterKind } from '../masters/master-usage-repository';
import { createPartnerHandlers } from '../masters/partner-handlers';
import { createReceivablesHandlers } from '../receivables/receivables-handlers';
import { createScheduleHandlers } from '../schedules/schedule-handlers';
import { createStockHandlers } from '../stock/stock-handlers';
import type { Services } from '../services';
import { createStoreHandlers } from '../store-mode/store-mode-handlers';
import { createTaxUpdateHandlers } from '../tax-update/tax-update-handlers';
import { createAnalysisHandlers } from '../analysis/analysis-handlers';
import { createDashboardHandlers } from '../dashboard/dashboard-handlers';
import { createCatchUpHandlers } from '../import/catch-up-handlers';
import { createSalesHandlers } from '../sales/sales-handlers';
import type { Handlers } from './handler-types';

export function buildHandlers(s: Services): Handlers {
  const { repos, events, storeMode, ports } = s;
  const changed = (root: DataRoot) => emitDataChanged(events, root);
  const inUse = (kind: MasterKind) => masterInUseGuard(repos.masterUsage, kind);
  return {
    'app:info': () => ({ ...s.info, storeClosed: storeMode.isClosed() }),
    ...createImportHandlers(s.imports, s.reviews, repos, (...roots) => emitDataChanged(events, ...roots)),
    ...masterHandlers('departments', repos.departments, changed, { inUse: inUse('departments') }),
    ...masterHandlers('taxClasses', repos.taxClasses, changed, { inUse: inUse('taxClasses') }),
    ...masterHandlers('workflows', repos.workflows, changed, { inUse: inUse('workflows') }),
    // a 得意先 with a 請求書 keeps its billed history (docs/receivables-rules.md), in the form and in CSV取込
    ...masterHandlers('partners', repos.partners, changed, { beforeUpdate: s.receivables.guardPartnerUpdate, inUse: inUse('partners') }),
    ...createPartnerHandlers(repos.partners),
    ...masterHandlers('products', repos.products, changed, { beforeWrite: () => storeMode.assertOpen('商品の編集'), inUse: inUse('products') }),
    ...masterHandlers('bankAccounts', repos.bankAccounts, changed, { inUse: inUse('bankAccounts') }),
    ...createCsvHandlers({ repos, storeMode, events, csvJobs: s.csvJobs, ports, updateGuards: { partners: s.receivables.guardPartnerUpdate } }),
    ...createSettingsHandlers({
      ecSettings: s.ecSettings,
      connection: s.connection,
      paymentRules: s.paymentRules,
      productLinks: s.productLinks,
      onboarding: s.onboarding,
      demo: s.demo,
      events,
    }),
    ...createScheduleHandlers(s.schedules, s.loginItem, ports.clock),
    ...createStoreHandlers({ storeMode, events }),
    ...createTaxUpdateHandlers({ taxUpdate: s.taxUpdate, repos, storeMode, events, csvJobs: s.csvJobs, ports }),
    ...createReceivablesHandlers({ service: s.receivables, events, logger: ports.logger }),
    ...createStockHandlers({ stock: s.stock, now: ports.now, logger: ports.logger, changed: () => changed('stock') }),
    ...createBackupHandlers(s.backups, events),
    ...createSalesHandlers({
      sales: s.sales,
      repo: repos.sales,
      changed: (...roots) => emitDataChanged(events, ...roots),
      csvJobs: s.csvJobs,
      deliveryNotes: s.deliveryNotes,
    }),
    ...createAnalysisHandlers({ analysis: s.analysis, now: ports.now }),
    ...createDashboardHandlers({
      dashboard: repos.dashboard,
      sales: repos.sales,
      analysis: repos.analysis,
      pushCounts: () => s.stock.repos.outbox.counts(),
      receivablesSchedule: (asOf) => s.receivables.ledger.schedule(asOf),
      nowMs: () => ports.clock.now(),
    }),
    ...createCatchUpHandlers({
      start: (id, opts) => s.imports.start(id, opts),
      budgetOf: (id) => repos.dashboard.rateBudget(id),
      cursorOf: (id) => repos.dashboard.cursor(id),
    }),
  };
}
