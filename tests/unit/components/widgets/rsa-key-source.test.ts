/** The key-pair widget's sources: each gives the key it says, with the words the widgets use for it. */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RFC7515_A2_JWK } from '../../../../src/components/widgets/rfc7515-example';
import { EXAMPLE_LABEL, loadKey } from '../../../../src/components/widgets/rsa-key-source';
import { rejection } from '../../support';

const thumbprintOf = (jwk: { e?: string; n?: string }) =>
  createHash('sha256').update(`{"e":"${jwk.e}","kty":"RSA","n":"${jwk.n}"}`).digest('base64url');

describe('loadKey', () => {
  it("the example is RFC 7515 A.2's key pair, and is not published (the other widgets fall back to it)", async () => {
    const key = await loadKey({ kind: 'example' });
    expect(key.label).toBe(EXAMPLE_LABEL);
    expect(key.shared).toBe(false);
    expect(key.pair.privateKey?.type).toBe('private');
    expect(key.anatomy.thumbprint).toBe(thumbprintOf(RFC7515_A2_JWK));
  });

  it('a generated pair has the size asked for, both halves, and is published', async () => {
    const key = await loadKey({ kind: 'generate', bits: 1024 });
    expect(key.label).toBe('the 1024-bit key pair you generated');
    expect(key.shared).toBe(true);
    expect(key.anatomy.modulusBits).toBe(1024);
    expect([key.pair.privateKey?.type, key.pair.publicKey.type]).toEqual(['private', 'public']);
  });

  it('a pasted key says whether it is private or public', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pasted = await loadKey({ kind: 'paste', text: publicKey.export({ type: 'spki', format: 'pem' }) as string });
    expect([pasted.label, pasted.shared, pasted.pair.privateKey]).toEqual(['the public key you pasted', true, undefined]);
    expect(pasted.anatomy.thumbprint).toBe(thumbprintOf(publicKey.export({ format: 'jwk' })));
    const jwk = JSON.stringify(privateKey.export({ format: 'jwk' }));
    expect((await loadKey({ kind: 'paste', text: jwk })).label).toBe('the private key you pasted');
  });

  it("a text that is not a key rejects with the core's error", async () => {
    const error = await rejection(loadKey({ kind: 'paste', text: '{"kty": "RSA", "e": "AQAB"}' }));
    expect(error.message).toBe('The JWK has no "n" member; an RSA key needs "n" and "e".');
  });
});
