/**
 * EC連携設定 and everything around it: ECサイト認証 (connection), 決済方法ごとの得意先
 * (paymentRules), EC連携商品 (productLinks), onboarding from BCart and the demo shop.
 */
import { z } from 'zod';
import { connectionState, connectionTestResult, loginStarted, savePersonalTokenInput } from '../../ec-settings/connection';
import { ecSetting, ecSettingInput, ecSettingUpdate, settingIdInput } from '../../ec-settings/ec-setting';
import { customerPreview, demoStarted, onboardingCreateInput, onboardingResult, productPreview } from '../../setup/onboarding';
import { createMissingCustomersResult, paymentRule, paymentRulesCheck, paymentRulesUpdate } from '../../ec-settings/payment-rule';
import { fetchBcartSetsResult, productLink, productLinkAccept, productLinkDelete } from '../../ec-settings/product-link';
import { channel, noInput } from '../define';

const idInput = z.object({ id: z.number().int().positive() }).strict();

export const ecSettingChannelDefs = {
  /** EC連携設定 list */
  'settings:list': channel(noInput, z.object({ rows: z.array(ecSetting) })),
  'settings:get': channel(idInput, ecSetting),
  /** saves after checking every reference at once (SETTINGS_INVALID with fields) and seeds the payment rules */
  'settings:create': channel(ecSettingInput, ecSetting),
  'settings:update': channel(ecSettingUpdate, ecSetting),
  /** 未認証 / 認証済 + expiry / 要再認証, scopes, method */
  'connection:state': channel(settingIdInput, connectionState),
  /** starts the browser login; completion arrives as `connection:changed` */
  'connection:login': channel(settingIdInput, loginStarted),
  'connection:savePersonalToken': channel(savePersonalTokenInput, connectionState),
  'connection:logout': channel(settingIdInput, connectionState),
  /** 接続テスト: one API call */
  'connection:test': channel(settingIdInput, connectionTestResult),
  'paymentRules:list': channel(settingIdInput, z.object({ rows: z.array(paymentRule) })),
  /** replaces the whole table of a setting */
  'paymentRules:update': channel(paymentRulesUpdate, z.object({ rows: z.array(paymentRule) })),
  /** customers an import will need that are missing or unusable */
  'paymentRules:check': channel(settingIdInput, paymentRulesCheck),
  /** 不足している得意先を作成 (confirmed 得意先, one transaction) */
  'paymentRules:createMissingCustomers': channel(settingIdInput, createMissingCustomersResult),
  /** 取得: BCart sets with suggestions; unmapped sets of recent orders first */
  'productLinks:fetchBcart': channel(settingIdInput, fetchBcartSetsResult),
  'productLinks:list': channel(settingIdInput, z.object({ rows: z.array(productLink) })),
  'productLinks:accept': channel(productLinkAccept, z.object({ saved: z.number().int() })),
  'productLinks:delete': channel(productLinkDelete, z.object({ deleted: z.number().int() })),
  'onboarding:previewProducts': channel(settingIdInput, productPreview),
  'onboarding:createProducts': channel(onboardingCreateInput, onboardingResult),
  'onboarding:previewCustomers': channel(settingIdInput, customerPreview),
  'onboarding:createCustomers': channel(onboardingCreateInput, onboardingResult),
  /** 「デモデータで試す」: starts the built-in simulator once and sets everything up against it */
  'demo:start': channel(noInput, demoStarted),
};
