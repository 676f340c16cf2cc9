/** OAuth login and token handling for BCart (RFC 8252 + RFC 7636). */
export { createBcartAuth } from './auth';
export type { AuthMethod, AuthState, AuthStatus, BcartAuth, BcartAuthOptions, BcartOAuthSettings } from './auth';
export * from './defaults';
export { startLoopbackListener } from './loopback-listener';
export type { LoopbackListener, LoopbackOptions } from './loopback-listener';
export { base64url, createPkcePair, createState, s256Challenge } from './pkce';
export type { PkcePair } from './pkce';
export { exchangeCode, refresh, refreshTokens } from './token-endpoint';
export type { TokenEndpointOptions, TokenSet } from './token-endpoint';
export { createSettingAuths, DEFAULT_OAUTH_CLIENT_ID, settingTokenKeyPrefix } from './setting-auth';
export type { SettingAuthDeps, SettingAuths, SettingOAuthFields } from './setting-auth';
