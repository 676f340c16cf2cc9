/**
 * PKCE (RFC 7636) and `state` for the authorization-code flow. RFC 8252 §8.1 requires PKCE for native
 * apps; only S256 is used (never `plain`). Randomness comes from node:crypto; tests may inject bytes.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface PkcePair {
  /** 43 characters of base64url (32 random bytes) */
  verifier: string;
  /** BASE64URL(SHA256(verifier)) */
  challenge: string;
  method: 'S256';
}

/** base64url without padding (RFC 4648 §5). */
export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** S256 code challenge of a verifier. */
export function s256Challenge(verifier: string): string {
  return base64url(createHash('sha256').update(verifier, 'ascii').digest());
}

/** A fresh verifier + challenge; `random` exists for the RFC test vector. */
export function createPkcePair(random: (n: number) => Uint8Array = randomBytes): PkcePair {
  const verifier = base64url(random(32));
  if (verifier.length < 43 || verifier.length > 128) throw new RangeError('PKCE verifier must be 43..128 characters');
  return { verifier, challenge: s256Challenge(verifier), method: 'S256' };
}

/** A fresh, unguessable `state` value (128 bits) for one login attempt. */
export function createState(random: (n: number) => Uint8Array = randomBytes): string {
  return base64url(random(16));
}
