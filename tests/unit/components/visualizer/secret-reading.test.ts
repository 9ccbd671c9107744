/** Reading the secret field with the core, keys pasted as secrets included. */
import { describe, expect, it } from 'vitest';
import { base64urlEncode, exportPem, generateKeyPair, utf8Encode } from '../../../../src/lib/jwt';
import { readSecret } from '../../../../src/components/visualizer/secret-reading';

describe('readSecret', () => {
  it('reads UTF-8 text as its bytes', () => {
    const r = readSecret('super-secret', 'utf8');
    expect(r.bytes).toEqual(utf8Encode('super-secret'));
    expect(r.error).toBeUndefined();
    expect(readSecret('Zoë', 'utf8').bytes).toHaveLength(4);
  });

  it('decodes base64url: "c2VjcmV0" is the 6 bytes of "secret"', () => {
    expect(readSecret('c2VjcmV0', 'base64url').bytes).toEqual(utf8Encode('secret'));
    expect(readSecret('c2VjcmV0', 'utf8').bytes).toHaveLength(8);
  });

  it('reports a bad base64url character with its position', () => {
    const r = readSecret('c2Vj+mV0', 'base64url');
    expect(r.bytes).toBeUndefined();
    expect(r.code).toBe('ERR_BASE64URL_INVALID');
    expect(r.index).toBe(4);
    expect(r.error).toContain('Character 5');
    expect(r.error).toContain('"-"');
    expect(readSecret('c2VjcmV0=', 'base64url').index).toBe(8);
  });

  it('refuses an empty secret', () => {
    const r = readSecret('', 'utf8');
    expect(r.bytes).toBeUndefined();
    expect(r.error).toContain('empty');
    expect(r.confusion).toBeUndefined();
  });

  it('explains a pasted PEM public key as the algorithm-confusion attack', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const pem = await exportPem(publicKey);
    const r = readSecret(pem, 'utf8');
    expect(r.bytes).toBeUndefined();
    expect(r.code).toBe('ERR_KEY_MISMATCH');
    expect(r.error).toContain('algorithm-confusion');
    expect(r.confusion).toBe(true);
    // An <input> drops the line breaks of a paste; it is still recognised.
    expect(readSecret(pem.replace(/\n/g, ''), 'utf8').confusion).toBe(true);
    // A private key is refused too, but it is a different mistake.
    const secretPem = readSecret(await exportPem(privateKey), 'utf8');
    expect(secretPem.code).toBe('ERR_KEY_MISMATCH');
    expect(secretPem.confusion).toBeUndefined();
  }, 20_000);

  it('hints when UTF-8 text is also valid base64url', () => {
    const secret = base64urlEncode(new Uint8Array(32).fill(7));
    expect(readSecret(secret, 'utf8').alsoBase64url).toBe(32);
    expect(readSecret(secret, 'base64url').alsoBase64url).toBeUndefined();
    expect(readSecret('super-secret', 'utf8').alsoBase64url).toBeUndefined();
  });
});
