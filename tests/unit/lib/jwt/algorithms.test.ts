/** The algorithm table: every JWS algorithm's entry agrees with WebCrypto, and unknown names are errors. */
import { describe, expect, it } from 'vitest';
import {
  ALGORITHMS, algorithmInfo, algorithmOfWebCrypto, hmacAlgorithm, isAlgorithm, webCryptoName,
} from '../../../../src/lib/jwt/algorithms';
import { buf } from '../../../../src/lib/jwt/bytes';
import { JwtError } from '../../../../src/lib/jwt/errors';
import { generateKeyPair, generateSecret } from '../../../../src/lib/jwt';
import { errorOf } from '../../support';

describe('the algorithm table', () => {
  it('has an entry for every algorithm, whose hash size WebCrypto confirms', async () => {
    for (const alg of ALGORITHMS) {
      const info = algorithmInfo(alg);
      expect(info.alg).toBe(alg);
      const digest = await crypto.subtle.digest(info.hash, new Uint8Array(1));
      expect(digest.byteLength, alg).toBe(info.hashBytes);
      expect(info.checked.length, alg).toBeGreaterThan(0);
    }
  });

  it('gives keys that WebCrypto makes with the table\'s parameters, and names their algorithm back', async () => {
    for (const alg of ALGORITHMS) {
      const info = algorithmInfo(alg);
      const key = info.family === 'HMAC'
        ? await crypto.subtle.importKey('raw', buf(generateSecret(alg)), info.importParams, true, ['sign'])
        : (await generateKeyPair(alg, { modulusLength: 1024 })).privateKey;
      const a = key.algorithm as { name: string; hash?: { name: string }; namedCurve?: string };
      expect(a.name, alg).toBe(webCryptoName(info));
      expect(algorithmOfWebCrypto(a.name, a.hash?.name, a.namedCurve), alg).toBe(alg);
    }
  });

  it('says which signatures are randomized: PS and ES, not HS, RS or EdDSA', () => {
    const randomized = ALGORITHMS.filter((alg) => algorithmInfo(alg).repeat.randomized);
    expect(randomized).toEqual(['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512']);
  });

  it('finds the HMAC algorithm of a hash', () => {
    expect(hmacAlgorithm('SHA-256')).toBe('HS256');
    expect(hmacAlgorithm('SHA-512')).toBe('HS512');
  });

  it('refuses an unknown name, "none" and a missing alg instead of choosing a family', () => {
    for (const alg of ['HS1024', 'RS', 'Ed448', 'none', 'hs256', undefined, 256]) {
      expect(isAlgorithm(alg)).toBe(false);
      const error = errorOf(() => algorithmInfo(alg));
      expect(error).toBeInstanceOf(JwtError);
      expect(error.code).toBe('ERR_JOSE_NOT_SUPPORTED');
    }
    expect(algorithmOfWebCrypto('AES-GCM')).toBeUndefined();
  });
});
