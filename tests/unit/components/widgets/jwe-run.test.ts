/**
 * Chapter 3's JWE visualizer's computations: RFC 7516's example values as the vectors hold them, a token jose
 * opens with A.1's private key, the RFC's ciphertext and tag with its CEK and IV fixed, and a public-only key
 * refused for decrypting by name.
 */
import { compactDecrypt, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { decryptRun, encryptRun, memberOf, JWE_ENCS, withMember } from '../../../../src/components/widgets/jwe-run';
import * as example from '../../../../src/components/widgets/rfc7516-example';
import { importJwk, publicJwk } from '../../../../src/lib/jwt';
import { loadVectors } from '../../vectors';

const { vectors } = loadVectors<{ vectors: Record<string, any>[] }>('rfc7516.json');
const a1 = vectors.find((v) => v.id === 'rfc7516-a1')!;
const a2 = vectors.find((v) => v.id === 'rfc7516-a2')!;

describe('RFC 7516 example values', () => {
  it('are the vectors of Appendix A.1 and A.2', () => {
    expect(example.RFC7516_A1_JWK).toEqual(a1.jwk);
    expect(example.RFC7516_A1_HEADER).toBe(a1.protected_header);
    expect(example.RFC7516_A1_PLAINTEXT).toBe(a1.plaintext);
    expect([example.RFC7516_A1_CEK, example.RFC7516_A1_IV, example.RFC7516_A1_CIPHERTEXT, example.RFC7516_A1_TAG, example.RFC7516_A1_TOKEN]).toEqual([a1.cek_b64u, a1.iv_b64u, a1.ciphertext_b64u, a1.tag_b64u, a1.token]);
    expect([example.RFC7516_A2_CEK, example.RFC7516_A2_IV]).toEqual([a2.cek_b64u, a2.iv_b64u]);
  });
});

describe('encryptRun and decryptRun', () => {
  it('encrypts to A.1\'s public key a token that jose opens with A.1\'s private key, and opens it again', async () => {
    const plaintext = '{"sub":"zoë","n":1}';
    const { token, stages } = await encryptRun('{"alg":"RSA-OAEP-256","enc":"A256GCM"}', plaintext, undefined, false);
    const { plaintext: opened } = await compactDecrypt(token, await importJWK({ ...a1.jwk, alg: 'RSA-OAEP-256' }));
    expect(new TextDecoder().decode(opened)).toBe(plaintext);
    expect(stages.map((s) => s.key)).toEqual(['cek', 'rsa-oaep', 'protected-header', 'iv', 'aad', 'gcm-encrypt', 'parts', 'jwe-token']);
    const decrypted = await decryptRun(token, undefined);
    expect(decrypted.plaintext).toBe(plaintext);
    expect(decrypted.stages.at(-1)?.key).toBe('plaintext');
  });

  it("with RFC 7516's CEK and IV, A.1's header and plaintext give A.1's ciphertext and tag", async () => {
    const { token } = await encryptRun(a1.protected_header, a1.plaintext, undefined, true);
    const parts = token.split('.');
    expect([parts[0], parts[2], parts[3], parts[4]]).toEqual([a1.protected_b64u, a1.iv_b64u, a1.ciphertext_b64u, a1.tag_b64u]);
  });

  it("with A.2's CEK and IV, A128CBC-HS256 reproduces A.2's content encryption (its header aside)", async () => {
    const { stages } = await encryptRun('{"alg":"RSA-OAEP","enc":"A128CBC-HS256"}', a2.plaintext, undefined, true);
    const cbc = stages.find((s) => s.step.stage === 'cbc-hmac-encrypt')!.step as { ciphertext: Uint8Array };
    // The AAD differs from A.2's (another alg), so only the ciphertext, which the AAD does not touch, is A.2's.
    expect(Buffer.from(cbc.ciphertext).toString('base64url')).toBe(a2.ciphertext_b64u);
  });

  it('a public-only key cannot decrypt, and says the private key is needed', async () => {
    const { token } = await encryptRun('{"alg":"RSA-OAEP","enc":"A256GCM"}', 'x', undefined, false);
    const publicKey = await importJwk(publicJwk(a1.jwk), 'RS256');
    const result = await decryptRun(token, { publicKey, label: 'the public key you pasted' });
    expect(result.error?.message).toMatch(/^Decrypting needs the recipient's PRIVATE key, but the public key you pasted is only a public key/);
    expect(result.stages).toEqual([]);
  });

  it('a changed ciphertext fails at the tag check; a changed encrypted key at the private-key stage', async () => {
    const { token } = await encryptRun('{"alg":"RSA-OAEP-256","enc":"A256GCM"}', 'secret', undefined, false);
    const change = (i: number) => token.split('.').map((p, j) => (j === i ? (p[0] === 'A' ? 'B' : 'A') + p.slice(1) : p)).join('.');
    const atCiphertext = await decryptRun(change(3), undefined);
    expect(atCiphertext.stages.at(-1)).toMatchObject({ key: 'gcm-decrypt', status: 'fail', label: 'AES-GCM tag check + decrypt' });
    const atKey = await decryptRun(change(1), undefined);
    expect(atKey.stages.at(-1)).toMatchObject({ key: 'rsa-oaep', status: 'fail', label: 'Decrypt the CEK (private key)' });
  });

  it('sets alg or enc in a JSON header, and leaves a broken one as typed', () => {
    expect(withMember('{"alg":"RSA-OAEP","enc":"A256GCM"}', 'enc', 'A128CBC-HS256')).toBe('{"alg":"RSA-OAEP","enc":"A128CBC-HS256"}');
    expect(withMember('{"alg":', 'alg', 'RSA-OAEP')).toBe('{"alg":');
    expect(memberOf('{"enc":"A128GCM"}', 'enc', JWE_ENCS)).toBe('');
  });
});
