/** Generated keys, and their PEM and JWK export. */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { readDer } from '../../../../../src/lib/jwt/der';
import {
  exportJwk, exportPem, generateKeyPair, generateSecret, importJwk, importPem, publicJwk,
} from '../../../../../src/lib/jwt';
import { base64Decode, base64Encode, parsePem, toPem } from '../../../../../src/lib/jwt/pem';
import { errorOf, rejection } from '../../../support';
import { cookbookKey, signWith, verifies, ASYMMETRIC, useKeyPairs } from './support';

const pairs = useKeyPairs();

describe('generated keys, PEM and JWK export', () => {
  for (const alg of ASYMMETRIC) {
    it(`${alg}: exportPem matches jose, and importPem round-trips`, async () => {
      const { publicKey, privateKey } = pairs[alg];
      const publicPem = await exportPem(publicKey);
      const privatePem = await exportPem(privateKey);
      expect(publicPem).toBe(await jose.exportSPKI(publicKey));
      expect(privatePem).toBe(await jose.exportPKCS8(privateKey));
      expect(parsePem(publicPem)).toEqual({ label: 'PUBLIC KEY', der: new Uint8Array(await crypto.subtle.exportKey('spki', publicKey)) });

      const signer = await importPem(privatePem, alg);
      const verifier = await importPem(publicPem, alg);
      expect([signer.type, verifier.type, signer.extractable]).toEqual(['private', 'public', true]);
      const signature = await signWith(alg, signer);
      expect(await verifies(alg, verifier, signature)).toBe(true);
      expect(await verifies(alg, publicKey, signature)).toBe(true);
    });

    it(`${alg}: exportJwk drops key_ops and ext and names the alg; JWK import round-trips`, async () => {
      const { publicKey, privateKey } = pairs[alg];
      const jwk = await exportJwk(privateKey);
      expect(jwk).not.toHaveProperty('key_ops');
      expect(jwk).not.toHaveProperty('ext');
      expect(jwk.alg).toBe(alg);
      expect(Object.keys(jwk)[0]).toBe('kty');
      expect(publicJwk(jwk)).toEqual(await exportJwk(publicKey));
      const signature = await signWith(alg, await importJwk(jwk, alg));
      expect(await verifies(alg, await importJwk(publicJwk(jwk), alg), signature)).toBe(true);
    });
  }

  it('accepts CRLF line breaks and blank lines around the block', async () => {
    const pem = await exportPem(pairs.ES256.publicKey);
    const key = await importPem(`\n\n${pem.replace(/\n/g, '\r\n')}\r\n\r\n`, 'ES256');
    expect(key.type).toBe('public');
  });

  it('PKCS#1 RSA PUBLIC KEY and RSA PRIVATE KEY import, wrapped into SPKI and PKCS#8', async () => {
    const { publicKey, privateKey } = pairs.RS256;
    const spkiPem = await exportPem(publicKey);
    const pkcs8Pem = await exportPem(privateKey);
    const pkcs1Public = createPublicKey(spkiPem).export({ type: 'pkcs1', format: 'pem' }) as string;
    const pkcs1Private = createPrivateKey(pkcs8Pem).export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(pkcs1Public).toContain('-----BEGIN RSA PUBLIC KEY-----');
    expect(pkcs1Private).toContain('-----BEGIN RSA PRIVATE KEY-----');

    // The PKCS#1 public key is the BIT STRING inside the SPKI, as readDer shows.
    const spki = readDer(parsePem(spkiPem).der);
    const inner = spki.children![1]!.value.subarray(1);
    expect(toPem('RSA PUBLIC KEY', inner)).toBe(pkcs1Public.trim());

    // The generated private key's signature verifies with the PKCS#1 public key, and the other way round.
    expect(await verifies('RS256', await importPem(pkcs1Public, 'RS256'), await signWith('RS256', privateKey))).toBe(true);
    for (const alg of ['RS256', 'PS256'] as const) {
      const signature = await signWith(alg, await importPem(pkcs1Private, alg));
      expect(await verifies(alg, await importPem(pkcs1Public, alg), signature)).toBe(true);
      expect(await verifies(alg, await importPem(spkiPem, alg), signature)).toBe(true);
    }
    // Wrapped exactly as a PKCS#8 export of the same key.
    const rewrapped = await importPem(pkcs1Private, 'RS256');
    expect(await exportPem(rewrapped)).toBe(pkcs8Pem);
  });

  it('standard base64 helpers agree with Buffer', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n * 7 + (n % 3)));
      const text = base64Encode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64Decode(text)).toEqual(bytes);
    }
    const error = errorOf(() => base64Decode('QU JD'));
    expect(error.message).toContain('Character 3');
    expect(error.where).toMatchObject({ part: 'key', index: 2, char: ' ' });
    expect(errorOf(() => base64Decode('QR==')).message).toContain('bits set that belong to no byte');
    expect(errorOf(() => parsePem('-----BEGIN PUBLIC KEY-----\n\n-----END PUBLIC KEY-----')).message)
      .toBe('Line 3 ends the block, but there is no base64 between the BEGIN and END lines.');
  });

  it('generates secrets as long as the hash output, and refuses the wrong kind', async () => {
    expect(generateSecret('HS256')).toHaveLength(32);
    expect(generateSecret('HS512')).toHaveLength(64);
    expect(generateSecret('HS384')).not.toEqual(generateSecret('HS384'));
    expect(errorOf(() => generateSecret('RS256')).code).toBe('ERR_KEY_MISMATCH');
    expect((await rejection(generateKeyPair('HS256'))).message).toContain('generateSecret');
    expect((await rejection(exportPem(await importJwk(cookbookKey('rfc7520-key-3.5'), 'HS256')))).code).toBe('ERR_KEY_MISMATCH');
    expect(errorOf(() => publicJwk({ kty: 'oct', k: 'AAAA' })).code).toBe('ERR_JWK_INVALID');
  });
});
