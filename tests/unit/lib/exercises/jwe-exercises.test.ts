/** Chapter 3's exercises, against what Node's crypto and jose say about RFC 7516 A.1's key and token. */
import { createDecipheriv } from 'node:crypto';
import { compactDecrypt, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { changedCiphertext, gcmSizes, senderKey, tamperJwe } from '../../../../src/lib/exercises/jwe-exercises';
import { RFC7516_A1_CEK, RFC7516_A1_JWK, RFC7516_A1_PLAINTEXT, RFC7516_A1_TOKEN } from '../../../../src/components/widgets/rfc7516-example';

describe('which key the sender needs', () => {
  it("the recipient's public key is solved; the private key is the guide's reversal, with the core's refusal", async () => {
    const d = await senderKey(RFC7516_A1_JWK, '{"sub":"ada"}');
    expect((await d.check('recipient-public')).kind).toBe('solved');
    const reversed = await d.check('recipient-private');
    expect(reversed.kind).toBe('wrong');
    expect(reversed.message).toMatch(/^That is the guide's reversal\./);
    expect(reversed.message).not.toContain('it opened');
    expect((await d.check('sender-private')).message).toContain('nested JWT');
    expect((await d.check('')).kind).toBe('invalid');
  });
});

describe('one changed ciphertext character', () => {
  it('jose refuses the changed token too, and the tag check is the answer', async () => {
    const changed = tamperJwe(RFC7516_A1_TOKEN, 3, 10).token;
    await expect(compactDecrypt(changed, await importJWK({ ...RFC7516_A1_JWK, alg: 'RSA-OAEP' }))).rejects.toThrow();
    // Node, with the RFC's CEK: the changed ciphertext fails GCM's tag check.
    const [header, , iv, ciphertext, tag] = changed.split('.');
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(RFC7516_A1_CEK, 'base64url'), Buffer.from(iv!, 'base64url'))
      .setAAD(Buffer.from(header!, 'ascii')).setAuthTag(Buffer.from(tag!, 'base64url'));
    decipher.update(Buffer.from(ciphertext!, 'base64url'));
    expect(() => decipher.final()).toThrow();

    const d = await changedCiphertext(RFC7516_A1_TOKEN, RFC7516_A1_JWK, 10);
    expect(d.prompt[1]).toEqual({ code: changed });
    expect((await d.check('tag')).kind).toBe('solved');
    expect((await d.check('key-management')).message).toMatch(/^The encrypted key is untouched/);
    expect((await d.check('opened')).message).toMatch(/^Opening it would mean the tag still matched/);
  });
});

describe('A256GCM sizes', () => {
  it('ciphertext + tag is the plaintext length + 16; the slips are named', async () => {
    const bytes = Buffer.byteLength(RFC7516_A1_PLAINTEXT);
    const d = await gcmSizes(RFC7516_A1_PLAINTEXT, RFC7516_A1_JWK);
    expect((await d.check(String(bytes + 16))).kind).toBe('solved');
    expect((await d.check(String(bytes))).message).toContain('is the ciphertext alone');
    // A128CBC-HS256 pads 63 bytes to 64 and adds a 16-byte tag.
    expect((await d.check(String(Math.ceil((bytes + 1) / 16) * 16 + 16))).message).toContain('A128CBC-HS256');
    expect((await d.check(String(bytes + 32))).message).toContain('32-byte tag');
    expect((await d.check('many')).kind).toBe('invalid');
  });
});
