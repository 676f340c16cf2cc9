/**
 * Credentials of an EC連携設定 for the import: the same shared BcartAuth the EC連携設定 screens use
 * (settingAuth), so a login or a pasted token there is what the import uses, and a refresh is never
 * run twice at once by two owners (with refresh before expiry and once on a 401).
 */
import { settingAuth, settingTokenKeyPrefix, type BcartAuth, type SettingAuthDeps, type SettingOAuthFields } from '../bcart/oauth';

/** TokenStore key prefix of the BCart credentials of EC連携設定 `settingId`. */
export const bcartTokenKeyPrefix = settingTokenKeyPrefix;

/** What building the credential manager needs. */
export type ImportAuthDeps = SettingAuthDeps;

/** OAuth fields of the ec_settings row (null = documented default). */
export type ImportAuthSettings = SettingOAuthFields;

/** The credential manager of one setting (the import itself never opens a browser). */
export function importAuth(deps: ImportAuthDeps, settingId: number, s: ImportAuthSettings): BcartAuth {
  return settingAuth({ ...deps, openExternal: undefined }, settingId, s);
}

/**
 * Stores a personal access token for a setting (CLI, demo, tests), bound to the setting's API URL
 * (and OAuth URLs, default when omitted): the token is only ever released for those origins.
 */
export async function savePersonalToken(
  deps: ImportAuthDeps,
  settingId: number,
  token: string,
  setting: Pick<ImportAuthSettings, 'apiBaseUrl'> & Partial<ImportAuthSettings>,
): Promise<void> {
  const fields: ImportAuthSettings = { oauthAuthorizeUrl: null, oauthTokenUrl: null, oauthClientId: null, ...setting };
  await importAuth(deps, settingId, fields).savePersonalToken(token);
}
