/**
 * BCart personal access tokens are JWTs carrying their scopes (docs/bcart-api.md#authentication-and-scopes). Reading the claim
 * (without verifying — only BCart can) lets the settings screen show the granted scopes. Returns null
 * when the token is not a JWT or has no scope claim.
 */
export function scopesFromJwt(token: string): string[] | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    const raw = payload['scopes'] ?? payload['scope'] ?? payload['scp'];
    if (Array.isArray(raw)) return raw.filter((s): s is string => typeof s === 'string');
    if (typeof raw === 'string') return raw.split(/[\s,]+/).filter((s) => s !== '');
    return null;
  } catch {
    return null;
  }
}

/** JWT `exp` as epoch ms, or null. Informational only: BCart has been seen accepting PATs past exp. */
export function expiryFromJwt(token: string): number | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    return typeof payload['exp'] === 'number' ? payload['exp'] * 1000 : null;
  } catch {
    return null;
  }
}
