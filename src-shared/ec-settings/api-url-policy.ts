/**
 * Where BCart credentials may be sent. An EC連携設定's URLs decide where the Bearer token and the
 * refresh token go, so they are limited to BCart itself (https, bcart.jp and its subdomains), the
 * loopback interface (the simulator, http allowed only there) and, for developers, https hosts named
 * explicitly in a developer setting (BCART_EXTERNAL_HOSTS). Pure: the settings check in main, the CLI
 * and the token release in core all apply the same rule.
 */

/** BCart's own domain; the API is api.bcart.jp. */
export const BCART_DOMAIN = 'bcart.jp';

/**
 * Hosts that are this machine (the simulator): the only ones reachable over plain http. IP literals
 * only: "localhost" is a name a hosts file or resolver may send elsewhere (RFC 8252 §8.3).
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === '127.0.0.1' || h === '[::1]';
}

function hostMatches(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

/**
 * True when credentials may be sent to `url`: https to bcart.jp (or a subdomain) or to a host in
 * `extraHosts` (the developer setting), or http/https to the loopback interface. URLs carrying
 * user:password are refused (they would be logged and shown).
 */
export function isAllowedApiUrl(url: string, extraHosts: readonly string[] = []): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  const host = u.hostname.toLowerCase();
  if (u.protocol === 'http:') return isLoopbackHost(host);
  if (u.protocol !== 'https:') return false;
  return isLoopbackHost(host) || hostMatches(host, BCART_DOMAIN) || extraHosts.some((h) => hostMatches(host, h));
}

/** The origin (scheme://host:port) of a URL, or null when it is not one. */
export function urlOrigin(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The developer setting's host list ("dev.example.com, staging.example.com"): lower-cased host
 * names; anything that is not a plain host name (a scheme, a path, a wildcard) is dropped.
 */
export function parseHostList(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(h));
}

/** The Japanese field message for a refused URL (settings form, CLI). */
export function apiUrlProblem(label: string): string {
  return `${label}は https:// で始まるBカート (bcart.jp) のURLを入力してください (例: https://api.bcart.jp/api/v1)。シミュレーターは http://127.0.0.1 も使えます。`;
}
