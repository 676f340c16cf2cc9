import { describe, expect, it } from 'vitest';
import { createPkcePair, createState, s256Challenge } from '../../../src-main/core/bcart/oauth/pkce';

describe('PKCE', () => {
  it('matches the RFC 7636 appendix B test vector', () => {
    const octets = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121];
    const pair = createPkcePair(() => Uint8Array.from(octets));
    expect(pair.verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(pair.challenge).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(pair.challenge);
    expect(pair.method).toBe('S256');
  });

  it('makes a fresh ≥43-char base64url verifier and state every time', () => {
    const verifiers = new Set<string>();
    const states = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const p = createPkcePair();
      expect(p.verifier.length).toBeGreaterThanOrEqual(43);
      expect(p.verifier).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(p.challenge).toBe(s256Challenge(p.verifier));
      verifiers.add(p.verifier);
      states.add(createState());
    }
    expect(verifiers.size).toBe(100);
    expect(states.size).toBe(100);
  });
});
