/** The stages of real JWE traces: keys, labels, statuses and explanations naming the values the core computed. */
import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, importJwk, isJwtError, publicJwk, type DecryptOptions, type JweStep } from '../../../../src/lib/jwt';
import { jweStagesOf } from '../../../../src/components/visualizer/jwe-stages';
import { RFC7516_A1_JWK } from '../../../../src/components/widgets/rfc7516-example';

const allowed: Omit<DecryptOptions, 'trace'> = { keyManagementAlgorithms: ['RSA-OAEP-256'], contentEncryptionAlgorithms: ['A256GCM', 'A128CBC-HS256'] };

describe('jweStagesOf', () => {
  it('an RSA-OAEP-256 + A256GCM encryption: the CEK, the public key at work, and the sizes of each part', async () => {
    const { token, trace } = await encrypt({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }, 'hello, Zoë', publicJwk(RFC7516_A1_JWK), { trace: true });
    const stages = jweStagesOf(trace!);
    expect(stages.map((s) => [s.key, s.label, s.status])).toEqual([
      ['cek', 'Content key (CEK)', 'neutral'],
      ['rsa-oaep', 'Encrypt the CEK (public key)', 'neutral'],
      ['protected-header', 'Protected header', 'neutral'],
      ['iv', 'IV', 'neutral'],
      ['aad', 'AAD', 'neutral'],
      ['gcm-encrypt', 'AES-GCM encrypt', 'neutral'],
      ['parts', 'Five parts', 'neutral'],
      ['jwe-token', 'Token', 'neutral'],
    ]);
    const [header, key, iv, ciphertext, tag] = token.split('.');
    expect(stages[0]!.explanation).toBe('The content encryption key (CEK) is 32 bytes (256 bits, what A256GCM needs), from fresh random bytes from the browser. It encrypts this one token\'s content and is never used again.');
    expect(stages[1]!.explanation).toContain(`with the recipient's PUBLIC key into ${Buffer.from(key!, 'base64url').length} bytes of encrypted key, as long as the 2048-bit modulus`);
    expect(stages[5]!.explanation).toContain(`turns ${Buffer.byteLength('hello, Zoë')} plaintext bytes into as many ciphertext bytes (${Buffer.from(ciphertext!, 'base64url').length})`);
    expect(stages[6]!.explanation).toBe(`Five parts, each base64url: header ${header!.length}, encrypted key ${key!.length}, initialization vector ${iv!.length}, ciphertext ${ciphertext!.length}, authentication tag ${tag!.length} characters.`);
    expect(stages[7]!.explanation).toContain(`${token.length} characters`);
  });

  it('a decryption: every stage passes, and the private key opens the CEK', async () => {
    const { token } = await encrypt({ alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256' }, 'x', publicJwk(RFC7516_A1_JWK));
    const { trace } = await decrypt(token, await importJwk(RFC7516_A1_JWK, 'RS256'), { ...allowed, trace: true });
    const stages = jweStagesOf(trace!);
    expect(stages.map((s) => s.key)).toEqual([
      'jwe-split', 'jwe-decode:header', 'jwe-decode:encrypted-key', 'jwe-decode:iv', 'jwe-decode:ciphertext', 'jwe-decode:tag',
      'algorithms', 'jwe-key', 'rsa-oaep', 'cek', 'aad', 'cbc-hmac-tag', 'cbc-decrypt', 'plaintext',
    ]);
    expect(stages.find((s) => s.key === 'rsa-oaep')).toMatchObject({ label: 'Decrypt the CEK (private key)', status: 'ok', verdict: 'passed' });
    expect(stages.find((s) => s.key === 'cbc-decrypt')!.explanation).toBe('AES-CBC with the last half of the CEK decrypts 16 bytes and removes 15 bytes of PKCS#7 padding: 1 byte of plaintext.');
  });

  it('a changed tag fails at the tag check, which says so', async () => {
    const { token } = await encrypt({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }, 'x', publicJwk(RFC7516_A1_JWK));
    const changed = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
    let trace: JweStep[] = [];
    try {
      await decrypt(changed, RFC7516_A1_JWK, { ...allowed, trace: true });
    } catch (error) {
      if (isJwtError(error)) trace = error.jweTrace ?? [];
    }
    const last = jweStagesOf(trace, true).at(-1)!;
    expect(last).toMatchObject({ key: 'gcm-decrypt', status: 'fail', verdict: 'failed' });
    expect(last.explanation).toBe('AES-GCM recomputed the tag over the AAD (the header), the IV and the ciphertext, and it does not match the token\'s tag: something was changed, so nothing is decrypted.');
  });
});
