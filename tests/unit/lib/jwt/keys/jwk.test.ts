/** JWK import with the RFC keys and jose. */

import { describe, expect, it } from 'vitest';
import { base64urlDecode } from '../../../../../src/lib/jwt/base64url';
import { utf8Encode } from '../../../../../src/lib/jwt/bytes';
import { describeKey, exportJwk, importJwk, publicJwk } from '../../../../../src/lib/jwt';
import { vector, cookbookKey, signWith, verifies, cookbookVector } from './support';

describe('importJwk with the RFC keys', () => {
  for (const [id, alg] of [['rfc7515-a2', 'RS256'], ['rfc7515-a3', 'ES256'], ['rfc7515-a4', 'ES512']] as const) {
    it(`${id} (${alg}): private and public keys sign, verify, and verify the RFC's signature`, async () => {
      const v = vector(id);
      const privateKey = await importJwk(v.jwk, alg);
      const publicKey = await importJwk(v.jwk_public, alg);
      expect([privateKey.type, publicKey.type]).toEqual(['private', 'public']);
      expect(await verifies(alg, publicKey, await signWith(alg, privateKey))).toBe(true);
      expect(await verifies(alg, publicKey, base64urlDecode(v.signature_b64u), utf8Encode(v.signing_input))).toBe(true);
      // Extractable, and what comes out is what went in, with the alg added.
      expect(await exportJwk(privateKey)).toEqual({ ...v.jwk, alg });
      expect(publicJwk(v.jwk!)).toEqual(v.jwk_public);
    });
  }

  it('describes them', async () => {
    expect(describeKey(await importJwk(vector('rfc7515-a2').jwk, 'RS256')).description).toBe('an RSA private key, 2048 bits');
    expect(describeKey(await importJwk(vector('rfc7515-a3').jwk, 'ES256'))).toEqual({
      description: 'a P-256 EC private key', kty: 'EC', bits: 256, isPrivate: true,
    });
    expect(describeKey(await importJwk(vector('rfc7515-a4').jwk_public, 'ES512')).description).toBe('a P-521 EC public key');
  });

  it('RFC 7520 §3.3/3.4 RSA keys work for RS256 and PS256 (use "sig")', async () => {
    for (const alg of ['RS256', 'PS256'] as const) {
      const privateKey = await importJwk(cookbookKey('rfc7520-key-3.4'), alg);
      const publicKey = await importJwk(cookbookKey('rfc7520-key-3.3'), alg);
      expect(await verifies(alg, publicKey, await signWith(alg, privateKey))).toBe(true);
    }
    const v = cookbookVector('rfc7520-4.1');
    const publicKey = await importJwk(cookbookKey('rfc7520-key-3.3'), 'RS256');
    expect(await verifies('RS256', publicKey, base64urlDecode(v.signature_b64u), utf8Encode(v.signing_input))).toBe(true);
  });

  it('RFC 7520 §3.5 symmetric key (alg "HS256") verifies §4.4', async () => {
    const v = cookbookVector('rfc7520-4.4');
    const key = await importJwk(cookbookKey('rfc7520-key-3.5'), 'HS256');
    expect(key.usages.sort()).toEqual(['sign', 'verify']);
    expect(await verifies('HS256', key, base64urlDecode(v.signature_b64u), utf8Encode(v.signing_input))).toBe(true);
    expect(describeKey(key)).toEqual({ description: 'an HMAC secret of 32 bytes (256 bits)', kty: 'oct', bits: 256, isPrivate: true });
  });
});
