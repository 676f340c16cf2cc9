/** Every CLI command by name. Adding a command = one line here. */
import type { CliCommand } from './cli-types';

export const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  migrate: async () => (await import('./migrate-command')).migrateCommand,
  simulator: async () => (await import('./simulator-command')).simulatorCommand,
  'bcart:orders': async () => (await import('./bcart-orders-command')).bcartOrdersCommand,
  init: async () => (await import('./init-command')).initCommand,
  import: async () => (await import('./import-command')).importCommand,
  demo: async () => (await import('./demo-command')).demoCommand,
  'schedule:add': async () => (await import('./schedule-commands')).scheduleAddCommand,
  'schedule:next': async () => (await import('./schedule-commands')).scheduleNextCommand,
  'products:import': async () => (await import('./tax-update-commands')).productsImportCommand,
  'subscriptions:import': async () => (await import('./tax-update-commands')).subscriptionsImportCommand,
  'tax-update:preview': async () => (await import('./tax-update-commands')).taxUpdatePreviewCommand,
  'tax-update:apply': async () => (await import('./tax-update-commands')).taxUpdateApplyCommand,
  'store:close': async () => (await import('./tax-update-commands')).storeCloseCommand,
  'store:open': async () => (await import('./tax-update-commands')).storeOpenCommand,
  'company:set': async () => (await import('./receivables-commands')).companySetCommand,
  'partner:billing': async () => (await import('./receivables-commands')).partnerBillingCommand,
  'payment:record': async () => (await import('./receivables-commands')).paymentRecordCommand,
  'billing:close': async () => (await import('./receivables-commands')).billingCloseCommand,
  'billing:issue': async () => (await import('./receivables-commands')).billingIssueCommand,
  'billing:undo': async () => (await import('./receivables-commands')).billingUndoCommand,
  'billing:pdf': async () => (await import('./receivables-commands')).billingPdfCommand,
  'receivables:list': async () => (await import('./receivables-commands')).receivablesListCommand,
  'receivables:schedule': async () => (await import('./receivables-commands')).receivablesScheduleCommand,
};
