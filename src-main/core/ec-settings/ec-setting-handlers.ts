/**
 * IPC handlers of EC連携設定 and its satellites (connection, paymentRules, productLinks,
 * onboarding, demo). Writes announce `data:changed` so the screens refresh.
 */
import type { DataRoot } from '../../../src-shared/ipc/data-roots';
import { INITIAL_SETUP_ROOTS } from '../../../src-shared/setup/initial-setup-roots';
import { emitDataChanged, type EventBus } from '../event-bus';
import type { Handlers } from '../ipc/handler-types';
import type { DemoService } from '../setup/demo-service';
import type { OnboardingService } from '../setup/onboarding-service';
import type { ConnectionService } from './connection-service';
import type { EcSettingService } from './ec-setting-service';
import type { PaymentRuleService } from './payment-rule-service';
import type { ProductLinkService } from './product-link-service';

type SettingsChannels =
  | `settings:${'list' | 'get' | 'create' | 'update'}`
  | `connection:${'state' | 'login' | 'savePersonalToken' | 'logout' | 'test'}`
  | `paymentRules:${'list' | 'update' | 'check' | 'createMissingCustomers'}`
  | `productLinks:${'fetchBcart' | 'list' | 'accept' | 'delete'}`
  | `onboarding:${'previewProducts' | 'createProducts' | 'previewCustomers' | 'createCustomers'}`
  | 'demo:start';

export interface SettingsHandlerDeps {
  ecSettings: EcSettingService;
  connection: ConnectionService;
  paymentRules: PaymentRuleService;
  productLinks: ProductLinkService;
  onboarding: OnboardingService;
  demo: DemoService;
  events: EventBus;
}

/** Builds the handlers once per core. */
export function createSettingsHandlers(deps: SettingsHandlerDeps): Pick<Handlers, SettingsChannels> {
  const { ecSettings: settings, connection, paymentRules: rules, productLinks: links, onboarding, demo } = deps;
  const changed = <T>(roots: [DataRoot, ...DataRoot[]], value: T): T => {
    emitDataChanged(deps.events, ...roots);
    return value;
  };
  return {
    'settings:list': () => ({ rows: settings.list() }),
    'settings:get': ({ id }) => settings.get(id),
    'settings:create': (v) => changed(['ecSettings'], settings.create(v)),
    'settings:update': async ({ id, values }) => {
      // bind tokens saved before binding existed to the URLs they were used with, then apply the
      // new URLs: another origin deletes the tokens (要再認証) before anything could send them there
      await connection.bindTokens(id);
      const row = settings.update(id, values);
      await connection.bindTokens(id);
      return changed(['ecSettings'], row);
    },
    'connection:state': ({ settingId }) => connection.state(settingId),
    'connection:login': ({ settingId }) => connection.login(settingId),
    'connection:savePersonalToken': ({ settingId, token }) => connection.savePersonalToken(settingId, token),
    'connection:logout': ({ settingId }) => connection.logout(settingId),
    'connection:test': ({ settingId }) => connection.test(settingId),
    'paymentRules:list': ({ settingId }) => ({ rows: rules.list(settingId) }),
    'paymentRules:update': ({ settingId, rules: rows }) => changed(['paymentRules'], { rows: rules.update(settingId, rows) }),
    'paymentRules:check': ({ settingId }) => rules.check(settingId),
    'paymentRules:createMissingCustomers': ({ settingId }) => changed(['partners', 'paymentRules'], rules.createMissingCustomers(settingId)),
    'productLinks:fetchBcart': ({ settingId }) => links.fetchBcart(settingId),
    'productLinks:list': ({ settingId }) => ({ rows: links.list(settingId) }),
    'productLinks:accept': (input) => changed(['productLinks'], links.accept(input)),
    'productLinks:delete': ({ settingId, ids }) => changed(['productLinks'], links.delete(settingId, ids)),
    'onboarding:previewProducts': ({ settingId }) => onboarding.previewProducts(settingId),
    'onboarding:createProducts': async ({ settingId, codes }) => changed(['products'], await onboarding.createProducts(settingId, codes)),
    'onboarding:previewCustomers': ({ settingId }) => onboarding.previewCustomers(settingId),
    'onboarding:createCustomers': async ({ settingId, codes }) => changed(['partners'], await onboarding.createCustomers(settingId, codes)),
    'demo:start': async () => changed([...INITIAL_SETUP_ROOTS], await demo.start()),
  };
}
