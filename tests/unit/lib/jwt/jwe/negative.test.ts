/** Every refusal: the stage that fails (the last step of `jweTrace`), the error code and `where.part`. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  aesError, base64urlDecode, base64urlEncode, decrypt, encrypt, generateKeyPair,
  type ContentEncryptionAlgorithm, type JweKey, type JweStep, type KeyManagementAlgorithm,
} from '../../../../../src/lib/jwt';
import { rejection } from '../../../support';

const kek = new Uint8Array(16).fill(1);
const allow = (alg: KeyManagementAlgorithm, enc: ContentEncryptionAlgorithm) => ({ keyManagementAlgorithms: [alg], contentEncryptionAlgorithms: [enc], trace: true });
const A128KW_GCM = allow('A128KW', 'A128GCM');
const A128KW_CBC = allow('A128KW', 'A128CBC-HS256');

/** Replaces part i of a compact token. */
function withPart(token: string, i: number, text: string): string {
  const parts = token.split('.');
  parts[i] = text;
  return parts.join('.');
}

/** Flips the lowest bit of a part's first byte, keeping the part valid base64url. */
function flipped(token: string, i: number): string {
  const bytes = base64urlDecode(token.split('.')[i]!);
  bytes[0] = bytes[0]! ^ 1;
  return withPart(token, i, base64urlEncode(bytes));
}

async function refusal(token: string, key: JweKey, options: Parameters<typeof decrypt>[2]) {
  const error = await rejection(decrypt(token, key, options));
  const last = error.jweTrace?.at(-1) as JweStep | undefined;
  return { error, last, stages: error.jweTrace?.map((s) => s.stage) };
}

let gcm: string;
let cbc: string;
beforeAll(async () => {
  gcm = (await encrypt({ alg: 'A128KW', enc: 'A128GCM', kid: 'k1' }, 'a secret message', kek)).token;
  cbc = (await encrypt({ alg: 'A128KW', enc: 'A128CBC-HS256' }, 'a secret message', kek)).token;
});

describe('a tampered token fails at the right stage', () => {
  it('a changed protected header changes the AAD, and the tag fails', async () => {
    const header = base64urlEncode(new TextEncoder().encode('{"alg":"A128KW","enc":"A128GCM","kid":"k2"}'));
    const { error, last } = await refusal(withPart(gcm, 0, header), kek, A128KW_GCM);
    expect(error.code).toBe('ERR_JWE_DECRYPTION_FAILED');
    expect(error.where?.part).toBe('tag');
    expect(last).toMatchObject({ stage: 'gcm-decrypt', ok: false });
  });

  it('a changed encrypted key fails AES key unwrap\'s integrity check', async () => {
    const { error, last } = await refusal(flipped(gcm, 1), kek, A128KW_GCM);
    expect(error.code).toBe('ERR_JWE_DECRYPTION_FAILED');
    expect(error.where?.part).toBe('encrypted-key');
    expect(last).toMatchObject({ stage: 'aes-kw', ok: false });
  });

  it.each([[2, 'IV'], [3, 'ciphertext'], [4, 'tag']])('a changed part %i (%s) fails the GCM tag', async (i) => {
    const { error, last } = await refusal(flipped(gcm, i), kek, A128KW_GCM);
    expect(error.code).toBe('ERR_JWE_DECRYPTION_FAILED');
    expect(error.where?.part).toBe('tag');
    expect(last).toMatchObject({ stage: 'gcm-decrypt', ok: false });
  });

  it.each([[0, 'header'], [2, 'IV'], [3, 'ciphertext'], [4, 'tag']])('CBC-HMAC: a changed part %i (%s) fails the tag, and nothing is decrypted', async (i) => {
    const token = i === 0 ? withPart(cbc, 0, base64urlEncode(new TextEncoder().encode('{"alg":"A128KW","enc":"A128CBC-HS256","x":1}'))) : flipped(cbc, i);
    const { error, last, stages } = await refusal(token, kek, A128KW_CBC);
    expect(error.code).toBe('ERR_JWE_DECRYPTION_FAILED');
    expect(error.where?.part).toBe('tag');
    expect(last).toMatchObject({ stage: 'cbc-hmac-tag', ok: false });
    expect(stages).not.toContain('cbc-decrypt');
  });

  it('the wrong key fails at key unwrap', async () => {
    const { error, last } = await refusal(gcm, new Uint8Array(16).fill(2), A128KW_GCM);
    expect(error.code).toBe('ERR_JWE_DECRYPTION_FAILED');
    expect(error.where?.part).toBe('encrypted-key');
    expect(last).toMatchObject({ stage: 'aes-kw', ok: false });
  });

  it('the stages before the failure are all there', async () => {
    const { stages } = await refusal(flipped(gcm, 3), kek, A128KW_GCM);
    expect(stages).toEqual(['jwe-split', 'jwe-decode', 'jwe-decode', 'jwe-decode', 'jwe-decode', 'jwe-decode', 'algorithms', 'jwe-key', 'aes-kw', 'cek', 'aad', 'gcm-decrypt']);
  });
});

describe('the shape of the token', () => {
  it.each([4, 6])('%i parts are refused', async (n) => {
    const token = gcm.split('.').concat('x').slice(0, n).join('.');
    const { error, last } = await refusal(token, kek, A128KW_GCM);
    expect(error.code).toBe('ERR_JWE_INVALID');
    expect(error.where?.part).toBe('token');
    expect(error.message).toMatch(`${n} parts`);
    expect(last?.stage).toBe('jwe-split');
  });

  it('a bad base64url character is named, with its index in the part and in the token', async () => {
    const parts = gcm.split('.');
    const token = withPart(gcm, 2, `${parts[2]!.slice(0, 3)}+${parts[2]!.slice(4)}`);
    const { error, last } = await refusal(token, kek, A128KW_GCM);
    expect(error.code).toBe('ERR_JWE_INVALID');
    expect(error.where).toMatchObject({ part: 'iv', index: 3, char: '+', tokenIndex: parts[0]!.length + parts[1]!.length + 2 + 3 });
    expect(last).toMatchObject({ stage: 'jwe-decode', part: 'iv' });
  });

  it('a duplicate header member is refused', async () => {
    const header = base64urlEncode(new TextEncoder().encode('{"alg":"A128KW","enc":"A128GCM","alg":"dir"}'));
    const { error, last } = await refusal(withPart(gcm, 0, header), kek, A128KW_GCM);
    expect(error.code).toBe('ERR_JWE_INVALID');
    expect(error.where?.part).toBe('header');
    expect(error.message).toMatch(/"alg"/);
    expect(last).toMatchObject({ stage: 'jwe-decode', part: 'header' });
  });

  it('a pasted "Bearer " is named, not trimmed', async () => {
    const { error } = await refusal(`Bearer ${gcm}`, kek, A128KW_GCM);
    expect(error.code).toBe('ERR_JWE_INVALID');
    expect(error.message).toMatch(/Authorization header/);
  });

  it('an IV of the wrong length is refused before any key is used', async () => {
    const { error, last } = await refusal(withPart(gcm, 2, base64urlEncode(new Uint8Array(16))), kek, A128KW_GCM);
    expect(error.code).toBe('ERR_JWE_INVALID');
    expect(error.where?.part).toBe('iv');
    expect(last).toMatchObject({ stage: 'check', name: 'IV length', ok: false });
  });
});

describe('the allow-lists', () => {
  it('are required', async () => {
    const noAlg = await rejection(decrypt(gcm, kek, { keyManagementAlgorithms: [], contentEncryptionAlgorithms: ['A128GCM'] }));
    expect(noAlg.code).toBe('ERR_JOSE_GENERIC');
    expect(noAlg.message).toMatch(/keyManagementAlgorithms/);
    const noEnc = await rejection(decrypt(gcm, kek, { keyManagementAlgorithms: ['A128KW'] } as never));
    expect(noEnc.code).toBe('ERR_JOSE_GENERIC');
    expect(noEnc.message).toMatch(/contentEncryptionAlgorithms/);
  });

  it('refuse an alg not in the list', async () => {
    const { error, last } = await refusal(gcm, kek, allow('A256KW', 'A128GCM'));
    expect(error.code).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    expect(error.where?.part).toBe('header');
    expect(last).toMatchObject({ stage: 'algorithms', alg: 'A128KW', ok: false });
  });

  it('refuse an enc not in the list', async () => {
    const { error, last } = await refusal(gcm, kek, allow('A128KW', 'A256GCM'));
    expect(error.code).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    expect(error.message).toMatch(/"enc": "A128GCM"/);
    expect(last).toMatchObject({ stage: 'algorithms', enc: 'A128GCM', ok: false });
  });

  it.each(['none', 'HS256', 'A512KW'])('refuse "alg": %s', async (alg) => {
    const header = base64urlEncode(new TextEncoder().encode(JSON.stringify({ alg, enc: 'A128GCM' })));
    const { error } = await refusal(withPart(gcm, 0, header), kek, A128KW_GCM);
    expect(error.code).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    if (alg === 'none') expect(error.message).toMatch(/JWE does not have/);
  });

  it('refuse a header without enc', async () => {
    const header = base64urlEncode(new TextEncoder().encode('{"alg":"A128KW"}'));
    const { error } = await refusal(withPart(gcm, 0, header), kek, A128KW_GCM);
    expect(error.code).toBe('ERR_JWE_INVALID');
    expect(error.message).toMatch(/no "enc"/);
  });
});

describe('header parameters', () => {
  it('refuses an unknown critical extension, and accepts one it understands', async () => {
    const { token } = await encrypt({ alg: 'A128KW', enc: 'A128GCM', crit: ['exp'], exp: 1 }, 'x', kek);
    const { error, last } = await refusal(token, kek, A128KW_GCM);
    expect(error.code).toBe('ERR_JOSE_NOT_SUPPORTED');
    expect(last).toMatchObject({ stage: 'check', name: 'crit', ok: false });
    expect((await decrypt(token, kek, { ...A128KW_GCM, crit: ['exp'] })).text()).toBe('x');
  });

  it('refuses "crit" listing a JWE parameter', async () => {
    const { token } = await encrypt({ alg: 'A128KW', enc: 'A128GCM', crit: ['p2c'] }, 'x', kek);
    expect((await refusal(token, kek, { ...A128KW_GCM, crit: ['p2c'] })).error.message).toMatch(/standard parameter/);
  });

  it('refuses a dir token whose encrypted key is not empty', async () => {
    const cek = new Uint8Array(16).fill(3);
    const { token } = await encrypt({ alg: 'dir', enc: 'A128GCM' }, 'x', cek);
    const { error, last } = await refusal(withPart(token, 1, 'AAAA'), cek, allow('dir', 'A128GCM'));
    expect(error.where?.part).toBe('encrypted-key');
    expect(last).toMatchObject({ stage: 'check', name: 'encrypted key', ok: false });
  });
});

describe('PBES2 counts', () => {
  const pbes = allow('PBES2-HS256+A128KW', 'A128GCM');
  it('refuses p2c above the maximum, which is configurable', async () => {
    const { token } = await encrypt({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }, 'x', 'password', { p2c: 2000 });
    const { error, last } = await refusal(token, 'password', { ...pbes, maxPBES2Count: 1500 });
    expect(error.code).toBe('ERR_JWE_INVALID');
    expect(error.where?.part).toBe('header');
    expect(error.message).toMatch(/maximum of 1500/);
    expect(last).toMatchObject({ stage: 'check', name: 'p2c', value: 2000, ok: false });
    expect((await decrypt(token, 'password', pbes)).text()).toBe('x');
  });

  it('refuses the default maximum of 1,000,000 without running PBKDF2', async () => {
    const header = base64urlEncode(new TextEncoder().encode('{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"AAAAAAAAAAA","p2c":1000001}'));
    const { token } = await encrypt({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }, 'x', 'password', { p2c: 1000 });
    const { error, stages } = await refusal(withPart(token, 0, header), 'password', pbes);
    expect(error.message).toMatch(/1000001/);
    expect(stages).not.toContain('pbes2');
  });

  it('refuses p2c below 1000 and p2s under 8 bytes, decrypting and encrypting', async () => {
    const low = base64urlEncode(new TextEncoder().encode('{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"AAAAAAAAAAA","p2c":999}'));
    const { token } = await encrypt({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }, 'x', 'password', { p2c: 1000 });
    expect((await refusal(withPart(token, 0, low), 'password', pbes)).error.message).toMatch(/fewer than 1000/);
    const short = base64urlEncode(new TextEncoder().encode('{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"AAAA","p2c":1000}'));
    expect((await refusal(withPart(token, 0, short), 'password', pbes)).last).toMatchObject({ stage: 'check', name: 'p2s', ok: false });
    expect((await rejection(encrypt({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }, 'x', 'password', { p2c: 10 }))).message).toMatch(/fewer than 1000/);
  });

  it('a wrong password fails at key unwrap', async () => {
    const { token } = await encrypt({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }, 'x', 'password', { p2c: 1000 });
    const { error, last } = await refusal(token, 'passw0rd', pbes);
    expect(error.code).toBe('ERR_JWE_DECRYPTION_FAILED');
    expect(last).toMatchObject({ stage: 'aes-kw', ok: false });
  });
});

describe('AES-GCMKW and ECDH-ES header parameters', () => {
  it('a changed GCMKW tag fails the key wrap', async () => {
    const key = new Uint8Array(32).fill(4);
    const { token } = await encrypt({ alg: 'A256GCMKW', enc: 'A128GCM' }, 'x', key);
    const header = JSON.parse(new TextDecoder().decode(base64urlDecode(token.split('.')[0]!)));
    header.tag = base64urlEncode(new Uint8Array(16));
    const changed = withPart(token, 0, base64urlEncode(new TextEncoder().encode(JSON.stringify(header))));
    const { error, last } = await refusal(changed, key, allow('A256GCMKW', 'A128GCM'));
    expect(error.code).toBe('ERR_JWE_DECRYPTION_FAILED');
    expect(last).toMatchObject({ stage: 'aes-gcmkw', ok: false });
  });

  it('an epk on another curve, or off the curve, is refused', async () => {
    const p256 = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const { token } = await encrypt({ alg: 'ECDH-ES', enc: 'A128GCM' }, 'x', p256.publicKey);
    const header = JSON.parse(new TextDecoder().decode(base64urlDecode(token.split('.')[0]!)));
    const options = allow('ECDH-ES', 'A128GCM');
    expect((await decrypt(token, p256.privateKey, options)).text()).toBe('x');
    for (const epk of [{ ...header.epk, crv: 'P-384' }, { ...header.epk, y: header.epk.x }]) {
      const changed = withPart(token, 0, base64urlEncode(new TextEncoder().encode(JSON.stringify({ ...header, epk }))));
      const { error, last } = await refusal(changed, p256.privateKey, options);
      expect(error.code).toBe('ERR_JWE_INVALID');
      expect(error.where?.part).toBe('header');
      expect(last).toMatchObject({ stage: 'check', name: 'epk', ok: false });
    }
  });
});

describe('keys are checked against the algorithm before use', () => {
  let rsa: CryptoKeyPair;
  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
  }, 30_000);

  async function keyRefusal(alg: KeyManagementAlgorithm, enc: ContentEncryptionAlgorithm, key: JweKey) {
    return rejection(encrypt({ alg, enc }, 'x', key));
  }

  it('an AES-KW key is never taken for AES-GCMKW, nor the reverse', async () => {
    const kw = await crypto.subtle.importKey('raw', new Uint8Array(16), 'AES-KW', false, ['wrapKey', 'unwrapKey']);
    const gcmKey = await crypto.subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt', 'decrypt']);
    const a = await keyRefusal('A128GCMKW', 'A128GCM', kw);
    expect(a.code).toBe('ERR_KEY_MISMATCH');
    expect(a.message).toMatch(/never share a key/);
    expect((await keyRefusal('A128KW', 'A128GCM', gcmKey)).code).toBe('ERR_KEY_MISMATCH');
    expect((await encrypt({ alg: 'A128KW', enc: 'A128GCM' }, 'x', kw)).token.split('.')).toHaveLength(5);
  });

  it('a key of the wrong size is refused, with the size it needs', async () => {
    const a = await keyRefusal('A256KW', 'A128GCM', new Uint8Array(16));
    expect(a.code).toBe('ERR_KEY_INVALID');
    expect(a.message).toMatch(/256-bit key/);
    const b = await keyRefusal('dir', 'A256CBC-HS512', new Uint8Array(32));
    expect(b.code).toBe('ERR_KEY_INVALID');
    expect(b.message).toMatch(/64 bytes/);
  });

  it('RSA-OAEP-256 needs an RSA key of 2048 bits or more', async () => {
    const small = await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt', 'decrypt']);
    const error = await keyRefusal('RSA-OAEP-256', 'A128GCM', small.publicKey);
    expect(error.code).toBe('ERR_KEY_INVALID');
    expect(error.message).toMatch(/2048 bits/);
    expect((await keyRefusal('RSA-OAEP-256', 'A128GCM', new Uint8Array(32))).code).toBe('ERR_KEY_MISMATCH');
  });

  it('encrypting needs the public key, decrypting the private key', async () => {
    expect((await keyRefusal('RSA-OAEP', 'A128GCM', rsa.privateKey)).message).toMatch(/recipient's public key/);
    const { token } = await encrypt({ alg: 'RSA-OAEP', enc: 'A128GCM' }, 'x', rsa.publicKey);
    const { error, last } = await refusal(token, rsa.publicKey, allow('RSA-OAEP', 'A128GCM'));
    expect(error.code).toBe('ERR_KEY_MISMATCH');
    expect(last).toMatchObject({ stage: 'jwe-key', ok: false });
  });

  it('chapter 9\'s RS256 key pair works for RSA-OAEP and RSA-OAEP-256, and the wrong private key fails at OAEP', async () => {
    const options = allow('RSA-OAEP-256', 'A256GCM');
    const { token } = await encrypt({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }, 'from chapter 9', rsa.publicKey);
    expect((await decrypt(token, rsa.privateKey, options)).text()).toBe('from chapter 9');
    const other = await generateKeyPair('RS256');
    const { error, last } = await refusal(token, other.privateKey, options);
    expect(error.code).toBe('ERR_JWE_DECRYPTION_FAILED');
    expect(error.where?.part).toBe('encrypted-key');
    expect(last).toMatchObject({ stage: 'rsa-oaep', ok: false, modulusBits: 2048 });
  }, 30_000);

  it('a non-extractable signing key cannot be imported again for OAEP, and says so', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, false, ['sign', 'verify']);
    // A public key is always extractable in WebCrypto; the private key is not.
    const { token } = await encrypt({ alg: 'RSA-OAEP', enc: 'A128GCM' }, 'x', pair.publicKey);
    const { error } = await refusal(token, pair.privateKey, allow('RSA-OAEP', 'A128GCM'));
    expect(error.code).toBe('ERR_KEY_MISMATCH');
    expect(error.message).toMatch(/cannot be exported/);
  }, 30_000);

  it('a JWK marked for signatures is refused', async () => {
    const error = await keyRefusal('A128KW', 'A128GCM', { kty: 'oct', use: 'sig', k: base64urlEncode(new Uint8Array(16)) });
    expect(error.code).toBe('ERR_KEY_MISMATCH');
    expect(error.message).toMatch(/"use"/);
  });

  it('a password is for PBES2 only', async () => {
    expect((await keyRefusal('A128KW', 'A128GCM', 'hunter2')).code).toBe('ERR_KEY_MISMATCH');
  });
});

describe('192-bit AES where WebCrypto has none', () => {
  it('becomes a sentence naming the algorithm, never a raw DOMException', () => {
    const error = aesError(new DOMException('AES key data must be 128 or 256 bits', 'OperationError'), 192, 'A192GCM') as Error;
    expect(error.message).toMatch(/^This browser's WebCrypto has no 192-bit AES, which A192GCM needs\./);
    expect((error as { code?: string }).code).toBe('ERR_JOSE_NOT_SUPPORTED');
  });

  it('leaves other failures alone', () => {
    const original = new DOMException('bad', 'OperationError');
    expect(aesError(original, 128, 'A128GCM')).toBe(original);
  });
});
