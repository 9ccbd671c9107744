/** The wrong key for an algorithm or a use, and how keys are described and flagged. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Algorithm } from '../../../../../src/lib/jwt/algorithms';
import { base64urlDecode } from '../../../../../src/lib/jwt/base64url';
import { utf8Encode } from '../../../../../src/lib/jwt/bytes';
import { derInteger, derSequence } from '../../../../../src/lib/jwt/der';
import { JwtError } from '../../../../../src/lib/jwt/errors';
import {
  assertKeyFits, describeKey, exportPem, generateKeyPair, importJwk, importPem, keyWarnings, secretFromText,
} from '../../../../../src/lib/jwt';
import { toPem } from '../../../../../src/lib/jwt/pem';
import { errorOf, rejection } from '../../../support';
import { vector, ASYMMETRIC, useKeyPairs } from './support';

const pairs = useKeyPairs();

describe('the wrong key', () => {
  it('PEM of the wrong family or curve', async () => {
    const cases: [Algorithm, Algorithm, string][] = [
      ['ES256', 'RS256', 'This PEM holds a P-256 EC key, but RS256 needs an RSA key.'],
      ['RS256', 'ES256', 'This PEM holds an RSA key, but ES256 needs a P-256 EC key.'],
      ['ES384', 'ES256', 'This PEM holds a P-384 EC key, but ES256 needs a P-256 EC key.'],
      ['EdDSA', 'ES512', 'This PEM holds an Ed25519 key, but ES512 needs a P-521 EC key.'],
      ['ES256', 'EdDSA', 'This PEM holds a P-256 EC key, but EdDSA needs an Ed25519 key.'],
    ];
    for (const [from, alg, message] of cases) {
      for (const key of [pairs[from].publicKey, pairs[from].privateKey]) {
        const error = await rejection(importPem(await exportPem(key), alg));
        expect(error.code).toBe('ERR_KEY_MISMATCH');
        expect(error.message).toBe(message);
      }
    }
    // An RSA key restricted to RSA-PSS has its own OID, which WebCrypto does not read.
    const pss = generateKeyPairSync('rsa-pss', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect((await rejection(importPem(pss, 'PS256'))).message).toContain('restricted to RSA-PSS (OID 1.2.840.113549.1.1.10)');
    expect((await rejection(importPem(pss, 'ES256'))).message).toBe('This PEM holds an RSASSA-PSS key, but ES256 needs a P-256 EC key.');
    // PKCS#1 must be a SEQUENCE of the right INTEGERs.
    const broken = await rejection(importPem(toPem('RSA PUBLIC KEY', derSequence(derInteger(65537))), 'RS256'));
    expect(broken.message).toBe('This RSA PUBLIC KEY ends at byte 7, where the public exponent e (an INTEGER) should follow.');

    const hmac = await rejection(importPem(await exportPem(pairs.RS256.publicKey), 'HS256'));
    expect(hmac.code).toBe('ERR_KEY_MISMATCH');
    expect(hmac.message).toContain('algorithm-confusion');
  });

  const rsa = () => ({ ...vector('rfc7515-a2').jwk! });
  const ec = () => ({ ...vector('rfc7515-a3').jwk! });
  async function jwkError(jwk: unknown, alg: Algorithm): Promise<JwtError> {
    const error = await rejection(importJwk(jwk, alg));
    expect(error.code).toBe('ERR_JWK_INVALID');
    expect(error.where?.part).toBe('key');
    return error;
  }

  it('JWK of the wrong family', async () => {
    expect((await jwkError(ec(), 'RS256')).message).toBe('RS256 needs an RSA key (kty "RSA"), but this JWK has kty "EC".');
    expect((await jwkError(rsa(), 'HS256')).message).toBe('HS256 needs a shared secret (kty "oct"), but this JWK has kty "RSA".');
    expect((await jwkError({ n: 'AQAB' }, 'RS256')).message).toContain('no "kty" member');
    expect((await jwkError('{"kty":"RSA"}', 'RS256')).message).toBe('A JWK is a JSON object, but this is a string.');
  });

  it('JWK with bad base64url in n names the member and the character', async () => {
    const jwk = rsa();
    jwk.n = jwk.n!.slice(0, 10) + '+' + jwk.n!.slice(11);
    const error = await jwkError(jwk, 'RS256');
    expect(error.message).toBe('Character 11 of the JWK\'s "n" member is "+" (U+002B): "+" belongs to standard base64; base64url writes "-" instead.');
    expect(error.where).toMatchObject({ index: 10, char: '+' });
    expect((await jwkError({ ...rsa(), e: 'AQAB=' }, 'RS256')).message).toContain('the JWK\'s "e" member');
    expect((await jwkError({ ...rsa(), n: 65537 }, 'RS256')).message).toBe('The JWK\'s "n" member must be a base64url string, but it is a number.');
  });

  it('JWK with missing members', async () => {
    const { e: _e, ...noE } = vector('rfc7515-a2').jwk_public!;
    expect((await jwkError(noE, 'RS256')).message).toBe('The JWK has no "e" member; an RSA key needs "n" and "e".');
    const { qi: _qi, ...noQi } = rsa();
    const crt = await jwkError(noQi, 'RS256');
    expect(crt.message).toContain('has "d" but no "qi"');
    expect(crt.message).toContain('CRT members');
    const { y: _y, ...noY } = ec();
    expect((await jwkError(noY, 'ES256')).message).toBe('The JWK has no "y" member; a P-256 EC key needs "crv", "x", "y" and "d".');
  });

  it('JWK with alg, crv, use or key_ops that do not fit', async () => {
    expect((await jwkError({ ...rsa(), alg: 'RS384' }, 'RS256')).message).toContain('"alg" member is "RS384", but the key is being used for RS256');
    expect((await jwkError(ec(), 'ES384')).message).toBe('ES384 needs a key on the P-384 curve (crv "P-384"), but this JWK has crv "P-256".');
    expect((await jwkError({ ...vector('rfc7515-a4').jwk_public!, crv: undefined }, 'ES512')).message).toContain('has no "crv" member');
    expect((await jwkError({ ...rsa(), use: 'enc' }, 'RS256')).message).toBe('The JWK\'s "use" member is "enc", but signatures need "sig": this key is meant for encryption.');
    expect((await jwkError({ ...rsa(), key_ops: ['verify'] }, 'RS256')).message).toContain('"key_ops"');
    expect((await importJwk({ ...rsa(), key_ops: ['sign'], ext: false }, 'RS256')).extractable).toBe(true);
  });

  it('JWK with the wrong coordinate size, or values WebCrypto refuses', async () => {
    const jwk = ec();
    const shortX = Buffer.from(base64urlDecode(jwk.x!).subarray(1)).toString('base64url');
    expect((await jwkError({ ...jwk, x: shortX }, 'ES256')).message).toContain('"x" member is 31 bytes, but on P-256 it must be exactly 32 bytes');
    // Flip one bit of y: the point is no longer on the curve.
    const y = base64urlDecode(jwk.y!);
    y[31]! ^= 1;
    const { d: _d, ...publicOnly } = jwk;
    const offCurve = await jwkError({ ...publicOnly, y: Buffer.from(y).toString('base64url') }, 'ES256');
    expect(offCurve.message).toContain('WebCrypto cannot make a P-256 EC key');
    expect(offCurve.cause).toBeDefined();
  });

  it('assertKeyFits: across families, with the algorithm-confusion explanation for HMAC', () => {
    const error = errorOf(() => assertKeyFits(pairs.RS256.publicKey, 'HS256', 'verify'));
    expect(error.code).toBe('ERR_KEY_MISMATCH');
    expect(error.where?.part).toBe('key');
    expect(error.message).toMatch(/^HS256 needs a shared secret, but this is an RSA public key, 2048 bits\. Using a public key as an HMAC secret is the algorithm-confusion attack/);
    expect(errorOf(() => assertKeyFits(pairs.ES256.publicKey, 'RS256', 'verify')).message).toBe('RS256 needs an RSA public key, but this is a P-256 EC public key.');
    expect(errorOf(() => assertKeyFits(pairs.EdDSA.privateKey, 'ES256', 'sign')).message).toBe('ES256 needs a P-256 EC private key, but this is an Ed25519 private key.');
    expect(errorOf(() => assertKeyFits(new Uint8Array(32), 'RS256', 'verify')).message).toMatch(/^RS256 needs an RSA public key, but this is a byte string/);
  });

  it('assertKeyFits: RSASSA-PKCS1-v1_5 and RSA-PSS keys are not interchangeable', () => {
    expect(errorOf(() => assertKeyFits(pairs.RS256.publicKey, 'PS256', 'verify')).message)
      .toBe('PS256 needs a key imported for RSA-PSS, but this key (an RSA public key, 2048 bits) was imported for RSASSA-PKCS1-v1_5 (RS256). Import it again for PS256.');
    expect(errorOf(() => assertKeyFits(pairs.PS256.privateKey, 'RS256', 'sign')).message).toContain('imported for RSA-PSS (PS256)');
  });

  it('assertKeyFits: the wrong hash or curve', async () => {
    const rs384 = await importJwk(vector('rfc7515-a2').jwk_public, 'RS384');
    expect(errorOf(() => assertKeyFits(rs384, 'RS256', 'verify')).message)
      .toBe('This key was imported for SHA-384 (RS384), but RS256 uses SHA-256. WebCrypto binds a key to one hash; import it again for RS256.');
    const hs384 = await importJwk({ kty: 'oct', k: 'c2VjcmV0' }, 'HS384');
    expect(errorOf(() => assertKeyFits(hs384, 'HS256', 'sign')).message).toContain('SHA-384 (HS384), but HS256 uses SHA-256');
    expect(errorOf(() => assertKeyFits(pairs.ES384.publicKey, 'ES256', 'verify')).message).toBe('ES256 needs a P-256 EC public key, but this is a P-384 EC public key.');
  });

  it('assertKeyFits: a public key for signing, a private key for verifying', () => {
    const sign = errorOf(() => assertKeyFits(pairs.ES256.publicKey, 'ES256', 'sign'));
    expect(sign.code).toBe('ERR_KEY_MISMATCH');
    expect(sign.message).toBe('Signing needs the private key, but this is a P-256 EC public key: a public key can only verify.');
    expect(errorOf(() => assertKeyFits(pairs.RS256.privateKey, 'RS256', 'verify')).message).toMatch(/^Verifying needs the public key, but this is an RSA private key/);
  });

  it('assertKeyFits: HMAC secrets go through checkHmacSecret; fitting keys pass', async () => {
    const pemText = utf8Encode(await exportPem(pairs.RS256.publicKey));
    expect(errorOf(() => assertKeyFits(pemText, 'HS256', 'verify')).message).toContain('algorithm-confusion');
    expect(() => assertKeyFits(secretFromText('a-long-enough-secret-for-hs256!!'), 'HS256', 'sign')).not.toThrow();
    for (const alg of ASYMMETRIC) {
      expect(() => assertKeyFits(pairs[alg].privateKey, alg, 'sign')).not.toThrow();
      expect(() => assertKeyFits(pairs[alg].publicKey, alg, 'verify')).not.toThrow();
    }
  });
});

describe('describeKey and keyWarnings', () => {
  it('describes every kind of key', () => {
    expect(describeKey(pairs.RS256.publicKey)).toEqual({ description: 'an RSA public key, 2048 bits', kty: 'RSA', bits: 2048, isPrivate: false });
    expect(describeKey(pairs.ES512.privateKey).description).toBe('a P-521 EC private key');
    expect(describeKey(pairs.EdDSA.publicKey)).toEqual({ description: 'an Ed25519 public key', kty: 'OKP', bits: 256, isPrivate: false });
    expect(describeKey(secretFromText('twelve bytes'))).toEqual({ description: 'an HMAC secret of 12 bytes (96 bits)', kty: 'oct', bits: 96, isPrivate: true });
  });

  it('flags a short HMAC secret (RFC 7518 §3.2)', () => {
    const [warning] = keyWarnings(secretFromText('twelve bytes'), 'HS256');
    expect(warning).toMatch(/^This secret is 12 bytes; HS256 needs at least 32 bytes \(256 bits\)/);
    expect(keyWarnings(new Uint8Array(32), 'HS256')).toEqual([]);
    expect(keyWarnings(new Uint8Array(32), 'HS512')[0]).toContain('HS512 needs at least 64 bytes (512 bits)');
  });

  it('flags a 1024-bit RSA key, and not a 2048-bit one', async () => {
    const weak = await generateKeyPair('RS256', { modulusLength: 1024 });
    expect(describeKey(weak.publicKey).bits).toBe(1024);
    expect(keyWarnings(weak.publicKey, 'RS256')).toEqual([
      'This RSA key has 1024 bits; RFC 7518 §3.3 requires at least 2048 bits. Smaller keys are no longer considered safe.',
    ]);
    expect(keyWarnings(pairs.RS256.publicKey, 'RS256')).toEqual([]);
    expect(keyWarnings(pairs.ES256.publicKey, 'ES256')).toEqual([]);
  });
});
