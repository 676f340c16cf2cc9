/** Queries of EC連携設定 and what hangs off one setting: ECサイト認証, 決済方法ごとの得意先, EC連携商品. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../ipc/api';

export const ecSettingQueries = {
  list: () => queryOptions({ queryKey: ['ecSettings', 'list'] as const, queryFn: () => unwrap(api().settings.list({})) }),
  /** ECサイト認証 state of one setting (未認証 / 認証済 / 要再認証) */
  connection: (settingId: number) =>
    queryOptions({ queryKey: ['ecSettings', 'connection', settingId] as const, queryFn: () => unwrap(api().connection.state({ settingId })) }),
};

export const paymentRuleQueries = {
  /** the rules with each 得意先's status, so a change to 取引先 refreshes them too */
  list: (settingId: number) =>
    queryOptions({ queryKey: ['paymentRules', settingId] as const, queryFn: () => unwrap(api().paymentRules.list({ settingId })), meta: { reads: ['partners'] } }),
};

export const productLinkQueries = {
  /** saved links with their 商品's code and name, so a change to 商品 refreshes them too */
  list: (settingId: number) =>
    queryOptions({ queryKey: ['productLinks', settingId] as const, queryFn: () => unwrap(api().productLinks.list({ settingId })), meta: { reads: ['products'] } }),
};
