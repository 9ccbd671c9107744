/**
 * jose as an oracle, both ways: jose opens every token we make, and we open every token jose makes, for every
 * alg × enc pair Node's WebCrypto supports (192-bit AES included), over generated plaintexts. Keys are made
 * once: RSA key generation is slow on a loaded machine.
 */
import fc from 'fast-check';
import * as jose from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_ENCRYPTION_ALGORITHMS, KEY_MANAGEMENT_ALGORITHMS, contentEncryptionInfo, decrypt, encrypt, keyManagementInfo,
  type ContentEncryptionAlgorithm, type JweKey, type KeyManagementAlgorithm,
} from '../../../../../src/lib/jwt';

type Curve = 'P-256' | 'P-384' | 'P-521';
const CURVES: Curve[] = ['P-256', 'P-384', 'P-521'];

/** The JWK members WebCrypto needs, without the alg and key_ops that bind it to RS256. */
function bare(jwk: JsonWebKey): JsonWebKey {
  const { alg: _alg, key_ops: _ops, ext: _ext, ...rest } = jwk;
  return rest;
}

interface Keys {
  /** Made as chapter 9 makes them: RSASSA-PKCS1-v1_5 for RS256, extractable. */
  rsa: CryptoKeyPair;
  rsaPrivateJwk: JsonWebKey;
  rsaPublicJwk: JsonWebKey;
  ec: Record<Curve, { publicJwk: JsonWebKey; privateJwk: JsonWebKey }>;
}
let keys: Keys;

beforeAll(async () => {
  const rsa = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
  const ec = {} as Keys['ec'];
  for (const crv of CURVES) {
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: crv }, true, ['deriveBits']);
    ec[crv] = { publicJwk: bare(await crypto.subtle.exportKey('jwk', pair.publicKey)), privateJwk: bare(await crypto.subtle.exportKey('jwk', pair.privateKey)) };
  }
  keys = { rsa, rsaPrivateJwk: bare(await crypto.subtle.exportKey('jwk', rsa.privateKey)), rsaPublicJwk: bare(await crypto.subtle.exportKey('jwk', rsa.publicKey)), ec };
}, 60_000);

const PAIRS = KEY_MANAGEMENT_ALGORITHMS.flatMap((alg) => CONTENT_ENCRYPTION_ALGORITHMS.map((enc) => [alg, enc] as const));
const P2C = 1000;

/** A case: the pair, the plaintext, and the secret material a symmetric or password algorithm needs. */
const cases = fc.record({
  pair: fc.constantFrom(...PAIRS),
  plaintext: fc.string({ unit: 'binary', maxLength: 300 }),
  crv: fc.constantFrom(...CURVES),
  secret: fc.uint8Array({ minLength: 64, maxLength: 64 }),
  password: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
});
type Case = typeof cases extends fc.Arbitrary<infer T> ? T : never;

/** The keys each side uses for a case: ours (what a learner would hand over) and jose's. */
async function keysFor(c: Case) {
  const [alg, enc] = c.pair;
  const info = keyManagementInfo(alg);
  const bytes = info.family === 'dir' ? contentEncryptionInfo(enc).cekBytes : (info.kwBits ?? 0) / 8;
  switch (info.family) {
    case 'RSA-OAEP':
      return {
        oursEncrypt: keys.rsa.publicKey as JweKey, oursDecrypt: keys.rsa.privateKey as JweKey,
        joseEncrypt: await jose.importJWK(keys.rsaPublicJwk, alg), joseDecrypt: await jose.importJWK(keys.rsaPrivateJwk, alg),
      };
    case 'ECDH-ES': {
      const { publicJwk, privateJwk } = keys.ec[c.crv];
      return { oursEncrypt: publicJwk, oursDecrypt: privateJwk, joseEncrypt: await jose.importJWK(publicJwk, alg), joseDecrypt: await jose.importJWK(privateJwk, alg) };
    }
    case 'PBES2': {
      const password = new TextEncoder().encode(c.password);
      return { oursEncrypt: c.password, oursDecrypt: c.password, joseEncrypt: password, joseDecrypt: password };
    }
    default: {
      const secret = c.secret.slice(0, bytes);
      return { oursEncrypt: secret, oursDecrypt: secret, joseEncrypt: secret, joseDecrypt: secret };
    }
  }
}

const allow = (alg: KeyManagementAlgorithm, enc: ContentEncryptionAlgorithm) => ({ keyManagementAlgorithms: [alg], contentEncryptionAlgorithms: [enc] });

describe('jose opens what we encrypt', () => {
  it('for every alg × enc pair', async () => {
    await fc.assert(fc.asyncProperty(cases, async (c) => {
      const [alg, enc] = c.pair;
      const k = await keysFor(c);
      const { token } = await encrypt({ alg, enc }, c.plaintext, k.oursEncrypt, { p2c: P2C });
      const opened = await jose.compactDecrypt(token, k.joseDecrypt, allow(alg, enc));
      expect(new TextDecoder().decode(opened.plaintext)).toBe(c.plaintext);
    }), { numRuns: 120, examples: PAIRS.map((pair) => [{ pair, plaintext: 'Zoë 日本 🎉', crv: 'P-521', secret: new Uint8Array(64).fill(7), password: 'pässwörd' }]) });
  }, 120_000);
});

describe('we open what jose encrypts', () => {
  it('for every alg × enc pair', async () => {
    await fc.assert(fc.asyncProperty(cases, async (c) => {
      const [alg, enc] = c.pair;
      const k = await keysFor(c);
      const builder = new jose.CompactEncrypt(new TextEncoder().encode(c.plaintext)).setProtectedHeader({ alg, enc });
      if (alg.startsWith('PBES2')) builder.setKeyManagementParameters({ p2c: P2C });
      const token = await builder.encrypt(k.joseEncrypt);
      const opened = await decrypt(token, k.oursDecrypt, allow(alg, enc));
      expect(opened.text()).toBe(c.plaintext);
    }), { numRuns: 120, examples: PAIRS.map((pair) => [{ pair, plaintext: 'Zoë 日本 🎉', crv: 'P-384', secret: new Uint8Array(64).fill(9), password: 'pässwörd' }]) });
  }, 120_000);
});
