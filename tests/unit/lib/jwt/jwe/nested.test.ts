/** Nested JWTs: sign, then encrypt with cty "JWT"; decrypt, then verify. And what inspectToken makes of a JWE. */
import { describe, expect, it } from 'vitest';
import { encrypt, generateKeyPair, inspectToken, nestJwt, openNested, sign } from '../../../../../src/lib/jwt';
import { rejection } from '../../../support';

describe('nestJwt and openNested', () => {
  it('round-trip a signed JWT inside a JWE, and a changed inner signature is refused after decryption', async () => {
    const signer = await generateKeyPair('ES256');
    const recipient = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, true, ['deriveBits']);
    const { token: jws } = await sign({ alg: 'ES256', typ: 'JWT' }, { sub: 'ada' }, signer.privateKey);
    const { token } = await nestJwt(jws, recipient.publicKey, { alg: 'ECDH-ES+A256KW', enc: 'A256GCM' });
    const options = {
      decrypt: { keyManagementAlgorithms: ['ECDH-ES+A256KW'] as const, contentEncryptionAlgorithms: ['A256GCM'] as const },
      verify: { algorithms: ['ES256'] as const },
    };
    const { outer, inner } = await openNested(token, recipient.privateKey, signer.publicKey, options);
    expect(outer.header.cty).toBe('JWT');
    expect(inner.payload.sub).toBe('ada');

    const forged = `${jws.slice(0, jws.lastIndexOf('.') + 1)}${'A'.repeat(86)}`;
    const { token: wrapped } = await nestJwt(forged, recipient.publicKey, { alg: 'ECDH-ES+A256KW', enc: 'A256GCM' });
    expect((await rejection(openNested(wrapped, recipient.privateKey, signer.publicKey, options))).code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });
});

describe('inspectToken on a JWE', () => {
  it('names the five parts and decodes the protected header', async () => {
    const { token } = await encrypt({ alg: 'dir', enc: 'A128GCM', kid: 'k' }, 'x', new Uint8Array(16));
    const view = inspectToken(token);
    expect(view.format).toBe('JWE');
    expect(view.parts).toEqual(['header', 'encrypted-key', 'iv', 'ciphertext', 'tag']);
    expect(view.segments[0]!.value).toEqual({ alg: 'dir', enc: 'A128GCM', kid: 'k' });
    expect(view.encrypted.map((p) => p.bytes?.length)).toEqual([0, 12, 1, 16]);
  });
});
