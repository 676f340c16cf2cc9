/**
 * Default BCart endpoints and OAuth settings.
 *
 * The API base is certain (docs/bcart-api.md#base-url-and-versions). The OAuth URLs are a GUESS
 * (docs/bcart-api.md#authentication-and-scopes): BCart's developer site looks like Laravel Passport,
 * whose stock endpoints are /oauth/authorize and /oauth/token on the same host. They are only
 * defaults — the EC連携設定 screen lets the user replace them — and the flow follows RFC 8252
 * (system browser, loopback redirect, PKCE S256, state) so any standard provider works. Verify
 * against docs.api.bcart.jp before relying on them.
 */

export const BCART_DEFAULT_API_BASE_URL = 'https://api.bcart.jp/api/v1';

/** Guess (Laravel Passport convention), see the header. */
export const BCART_DEFAULT_AUTHORIZE_URL = 'https://api.bcart.jp/oauth/authorize';

/** Guess (Laravel Passport convention), see the header. */
export const BCART_DEFAULT_TOKEN_URL = 'https://api.bcart.jp/oauth/token';

/** Minimum scopes for import + stock push (docs/bcart-api.md#authentication-and-scopes). */
export const BCART_DEFAULT_SCOPES: readonly string[] = [
  'orders-read',
  'order_products-read',
  'logistics-read',
  'customers-read',
  'products-read',
  'product_sets-read',
  'product_sets-write',
  'product_stock-read',
  'product_stock-write',
];

/** Path the loopback listener answers on: http://127.0.0.1:<ephemeral port>/callback */
export const OAUTH_CALLBACK_PATH = '/callback';

/** How long the loopback listener waits for the browser (RFC 8252 flows are interactive). */
export const OAUTH_LISTENER_TIMEOUT_MS = 5 * 60_000;

/** Refresh an access token this long before it expires. */
export const OAUTH_REFRESH_SKEW_MS = 60_000;
