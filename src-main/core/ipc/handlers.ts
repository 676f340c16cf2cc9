/**
 * All IPC handlers, assembled from each domain's factory. `Handlers` makes the compiler demand one
 * per contract channel. Adding a domain = one spread line here.
 */
import type { CoreContext } from '../core-context';
import { createCsvHandlers } from '../csv/csv-handlers';
import { masterHandlers } from '../masters/master-handlers';
import { createImportHandlers } from '../import/import-handlers';
import { createPartnerHandlers } from '../masters/partner-handlers';
import { assertStoreOpen, isStoreClosed } from '../store-mode/store-mode';
import { createSettingsHandlers } from '../ec-settings/ec-setting-handlers';
import { createScheduleHandlers } from '../schedules/schedule-handlers';
import { createTaxUpdateHandlers } from '../tax-update/tax-update-handlers';
import type { Handlers } from './handler-types';
import { createStockHandlers } from '../stock/stock-handlers';
import type { StockFeature } from '../stock/stock-feature';

export function buildHandlers(ctx: CoreContext, services: { stock: StockFeature }): Handlers {
  const changed = (domain: string) => ctx.events.emit('data:changed', { domain });
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
    ...createCsvHandlers(ctx),
    ...createSettingsHandlers(ctx),
    ...createScheduleHandlers(ctx),
    ...createTaxUpdateHandlers(ctx),
    ...createStockHandlers({ stock: services.stock, now: ctx.now, logger: ctx.logger, changed: () => changed('stock') }),
  };
}
