/** The JweStep stages encrypt and decrypt return, in order, and what they hold. */
import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, type ContentEncryptionAlgorithm, type JweKey, type JweStep, type KeyManagementAlgorithm } from '../../../../../src/lib/jwt';

const stages = (steps: JweStep[] | undefined) => (steps ?? []).map((s) => s.stage);
const find = <S extends JweStep['stage']>(steps: JweStep[] | undefined, name: S) =>
  (steps ?? []).find((s): s is Extract<JweStep, { stage: S }> => s.stage === name)!;
const TAIL = ['protected-header', 'iv', 'aad'];

async function roundTrip(alg: KeyManagementAlgorithm, enc: ContentEncryptionAlgorithm, encryptKey: JweKey, decryptKey: JweKey = encryptKey) {
  const encrypted = await encrypt({ alg, enc }, 'Zoë: 16 bytes!!!', encryptKey, { trace: true, p2c: 1000 });
  const decrypted = await decrypt(encrypted.token, decryptKey, { keyManagementAlgorithms: [alg], contentEncryptionAlgorithms: [enc], trace: true });
  return { encrypted, decrypted };
}

describe('encrypt and decrypt traces', () => {
  it('AES-KW with CBC-HMAC: the CEK, its wrap, the header, then encrypt-then-MAC', async () => {
    const { encrypted, decrypted } = await roundTrip('A128KW', 'A128CBC-HS256', new Uint8Array(16).fill(5));
    expect(stages(encrypted.trace)).toEqual(['cek', 'aes-kw', ...TAIL, 'cbc-hmac-encrypt', 'parts', 'jwe-token']);
    expect(stages(decrypted.trace)).toEqual(['jwe-split', 'jwe-decode', 'jwe-decode', 'jwe-decode', 'jwe-decode', 'jwe-decode', 'algorithms', 'jwe-key', 'aes-kw', 'cek', 'aad', 'cbc-hmac-tag', 'cbc-decrypt', 'plaintext']);
    const step = find(encrypted.trace, 'cbc-hmac-encrypt');
    // "Zoë: 16 bytes!!!" is 17 UTF-8 bytes: padding fills the second block with 15 bytes of 15.
    expect(step.plaintext.length).toBe(17);
    expect([...step.padding]).toEqual(new Array(15).fill(15));
    expect(step.ciphertext.length).toBe(32);
    expect(step.tag).toEqual(step.hmac.subarray(0, 16));
    expect(find(decrypted.trace, 'cbc-decrypt').padding).toEqual(step.padding);
    expect(find(decrypted.trace, 'cbc-hmac-tag')).toMatchObject({ ok: true, computedTag: step.tag, receivedTag: step.tag });
    expect(find(decrypted.trace, 'plaintext').text).toBe('Zoë: 16 bytes!!!');
    expect(find(encrypted.trace, 'cek').source).toBe('random');
    expect(find(decrypted.trace, 'cek')).toMatchObject({ source: 'unwrapped', cek: find(encrypted.trace, 'cek').cek });
  });

  it('a plaintext that fills whole blocks still gets a full block of padding', async () => {
    const { trace } = await encrypt({ alg: 'dir', enc: 'A128CBC-HS256' }, new Uint8Array(32), new Uint8Array(32), { trace: true });
    expect([...find(trace, 'cbc-hmac-encrypt').padding]).toEqual(new Array(16).fill(16));
  });

  it('AES-GCMKW writes its iv and tag into the header before the AAD is taken', async () => {
    const { encrypted } = await roundTrip('A128GCMKW', 'A128GCM', new Uint8Array(16).fill(6));
    expect(stages(encrypted.trace)).toEqual(['cek', 'aes-gcmkw', ...TAIL, 'gcm-encrypt', 'parts', 'jwe-token']);
    const header = find(encrypted.trace, 'protected-header');
    expect(header.added).toEqual(['iv', 'tag']);
    expect(find(encrypted.trace, 'aad').text).toBe(header.b64);
  });

  it('dir: the key is the CEK, and the encrypted key part is empty', async () => {
    const key = new Uint8Array(16).fill(8);
    const { encrypted, decrypted } = await roundTrip('dir', 'A128GCM', key);
    expect(stages(encrypted.trace)).toEqual(['cek', ...TAIL, 'gcm-encrypt', 'parts', 'jwe-token']);
    expect(find(encrypted.trace, 'cek')).toMatchObject({ source: 'direct-key', cek: key });
    expect(encrypted.token.split('.')[1]).toBe('');
    expect(stages(decrypted.trace)).toContain('gcm-decrypt');
  });

  it('ECDH-ES: agreement first, then the derived CEK; with key wrap, a random CEK wrapped by the derived key', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-521' }, true, ['deriveBits']);
    const direct = await roundTrip('ECDH-ES', 'A256GCM', pair.publicKey, pair.privateKey);
    expect(stages(direct.encrypted.trace).slice(0, 2)).toEqual(['ecdh-es', 'cek']);
    const agreed = find(direct.encrypted.trace, 'ecdh-es');
    expect(agreed).toMatchObject({ crv: 'P-521', mode: 'direct', algorithmId: 'A256GCM', keyDataLen: 256 });
    expect(agreed.z.length).toBe(66);
    expect(find(direct.decrypted.trace, 'ecdh-es').z).toEqual(agreed.z);
    expect(find(direct.encrypted.trace, 'protected-header').added).toEqual(['epk']);

    const wrapped = await roundTrip('ECDH-ES+A256KW', 'A256CBC-HS512', pair.publicKey, pair.privateKey);
    expect(stages(wrapped.encrypted.trace).slice(0, 3)).toEqual(['cek', 'ecdh-es', 'aes-kw']);
    expect(find(wrapped.encrypted.trace, 'ecdh-es')).toMatchObject({ mode: 'key-wrap', algorithmId: 'ECDH-ES+A256KW', keyDataLen: 256 });
    expect(find(wrapped.encrypted.trace, 'aes-kw').kek).toEqual(find(wrapped.encrypted.trace, 'ecdh-es').derivedKey);
  });

  it('PBES2: the salt input is UTF8(alg) ‖ 0x00 ‖ p2s', async () => {
    const { encrypted } = await roundTrip('PBES2-HS384+A192KW', 'A192GCM', 'correct horse');
    const step = find(encrypted.trace, 'pbes2');
    const prefix = new TextEncoder().encode('PBES2-HS384+A192KW\0');
    expect(step.saltInput.subarray(0, prefix.length)).toEqual(prefix);
    expect(step.saltInput.subarray(prefix.length)).toEqual(step.p2s);
    expect(step).toMatchObject({ hash: 'SHA-384', p2c: 1000 });
    expect(step.kek.length).toBe(24);
    expect(find(encrypted.trace, 'protected-header').added).toEqual(['p2s', 'p2c']);
  });

  it('tracing changes nothing in the token', async () => {
    const fixed = { cek: new Uint8Array(32).fill(1), iv: new Uint8Array(16).fill(2) };
    const key = new Uint8Array(16).fill(3);
    const plain = await encrypt({ alg: 'A128KW', enc: 'A128CBC-HS256' }, 'same', key, fixed);
    const traced = await encrypt({ alg: 'A128KW', enc: 'A128CBC-HS256' }, 'same', key, { ...fixed, trace: true });
    expect(traced.token).toBe(plain.token);
    expect(plain.trace).toBeUndefined();
  });
});
