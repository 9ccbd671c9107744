/** HMAC secrets, and keys pasted as secrets. */

import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../../../src/lib/jwt/bytes';
import { checkHmacSecret, exportJwk, exportPem, secretFromBase64url, secretFromText } from '../../../../../src/lib/jwt';
import { errorOf } from '../../../support';
import { useKeyPairs } from './support';

const pairs = useKeyPairs();

describe('secrets', () => {
  it('from text and from strict base64url', () => {
    expect(secretFromText('héllo')).toEqual(Uint8Array.of(0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0x6f));
    expect(secretFromBase64url('AQID_w')).toEqual(Uint8Array.of(1, 2, 3, 0xff));
    const error = errorOf(() => secretFromBase64url('AQID+w'));
    expect(error.code).toBe('ERR_BASE64URL_INVALID');
    expect(error.where).toMatchObject({ part: 'key', index: 4, char: '+' });
    expect(error.message).toContain('Character 5 of the key');
  });

  it('checkHmacSecret refuses a public key PEM (algorithm confusion), private keys and key JSON', async () => {
    const publicPem = await exportPem(pairs.RS256.publicKey);
    const confusion = errorOf(() => checkHmacSecret(utf8Encode(publicPem)));
    expect(confusion.code).toBe('ERR_KEY_MISMATCH');
    expect(confusion.where?.part).toBe('key');
    expect(confusion.message).toContain('public key in PEM form');
    expect(confusion.message).toContain('algorithm-confusion attack');
    // The attack is marked on the error itself, so no caller has to search the message for it.
    expect(confusion.attack).toBe('algorithm-confusion');

    const privatePem = await exportPem(pairs.ES256.privateKey);
    const privateError = errorOf(() => checkHmacSecret(utf8Encode(privatePem)));
    expect(privateError.message).toContain('private key in PEM form');
    expect(privateError.attack).toBeUndefined();
    const jwkText = JSON.stringify(await exportJwk(pairs.EdDSA.publicKey));
    const jwkError = errorOf(() => checkHmacSecret(utf8Encode(jwkText)));
    expect(jwkError.message).toContain('JSON text of an OKP public key');
    expect(jwkError.attack).toBe('algorithm-confusion');
    expect(errorOf(() => checkHmacSecret(new Uint8Array(0))).code).toBe('ERR_KEY_INVALID');

    expect(errorOf(() => checkHmacSecret(utf8Encode('-----BEGIN'))).message).toContain('algorithm-confusion');
    expect(() => checkHmacSecret(utf8Encode('a-long-enough-secret-for-hs256!!'))).not.toThrow();
    expect(() => checkHmacSecret(Uint8Array.of(0xff, 0xfe, 0x00))).not.toThrow();
    expect(() => checkHmacSecret(utf8Encode('{"kty":"oct","k":"AAAA"}'))).not.toThrow();
  });
});
