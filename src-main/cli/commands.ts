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
  'sales:create': async () => (await import('./sales-commands')).salesCreateCommand,
  'analysis:sales': async () => (await import('./analysis-commands')).analysisSalesCommand,
};
