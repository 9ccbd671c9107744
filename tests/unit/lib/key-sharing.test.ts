/** Key sharing: who can mint and what a rotation touches, for every service count the widget allows. */
import { describe, expect, it } from 'vitest';
import { MAX_SERVICES, MIN_SERVICES, keySharing, parseServiceCount } from '../../../src/lib/key-sharing';

describe('keySharing', () => {
  it('puts a minting key in every place with HS256, and only at the issuer with RS256', () => {
    for (let n = MIN_SERVICES; n <= MAX_SERVICES; n++) {
      const { hs256, rs256 } = keySharing(n);
      // Every place that verifies an HS256 token holds the secret, and the issuer holds it too.
      expect(hs256.canMint + hs256.verifyOnly).toBe(n + 1);
      expect(hs256.verifyOnly).toBe(0);
      expect(rs256.canMint).toBe(1);
      expect(rs256.canMint + rs256.verifyOnly).toBe(n + 1);
      // A rotation replaces every secret copy with HS256; with RS256 one private key, and N fetches.
      expect(hs256.rotationSecretUpdates).toBe(hs256.canMint);
      expect(rs256.rotationSecretUpdates + rs256.rotationPublicFetches).toBe(n + 1);
    }
  });

  it('refuses counts outside 1 to 20', () => {
    for (const n of [0, 21, 2.5, -1]) expect(() => keySharing(n)).toThrow(RangeError);
  });
});

describe('parseServiceCount', () => {
  it('reads whole numbers in range, spaces allowed', () => {
    expect(parseServiceCount(' 7 ')).toEqual({ services: 7 });
    expect(parseServiceCount(String(MAX_SERVICES))).toEqual({ services: MAX_SERVICES });
  });

  it.each([
    ['', /Type how many/],
    ['abc', /"abc" is not a whole number/],
    ['2.5', /"2.5" is not a whole number/],
    ['0', /0 is out of range/],
    ['21', /21 is out of range/],
    ['-3', new RegExp(`-3 is out of range; this comparison goes from ${MIN_SERVICES} to ${MAX_SERVICES} services`)],
  ])('explains what is wrong with %j', (text, message) => {
    const result = parseServiceCount(text);
    expect('error' in result && result.error).toMatch(message);
  });
});
