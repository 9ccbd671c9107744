/** The plans of JWE stages, for the core's traces, with the bytes checked against Node's own AES and RSA. */
import { createDecipheriv, createPrivateKey, privateDecrypt, constants } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encrypt, publicJwk, type CbcHmacEncryptStep, type GcmEncryptStep, type JwePartsStep, type RsaOaepStep } from '../../../../../src/lib/jwt';
import { cbcHmacEncryptPlan, gcmEncryptPlan, partsPlan, rsaOaepPlan } from '../../../../../src/components/visualizer/plan/jwe-plan';
import { RFC7516_A1_JWK } from '../../../../../src/components/widgets/rfc7516-example';

const hex = (bytes: Uint8Array, shown = 8) => {
  const head = Buffer.from(bytes.subarray(0, shown)).toString('hex').replace(/(..)(?!$)/g, '$1 ');
  return bytes.length > shown ? `${head} …` : head;
};
const privateKey = createPrivateKey({ key: RFC7516_A1_JWK as never, format: 'jwk' });

async function traceOf(enc: 'A256GCM' | 'A128CBC-HS256', plaintext: string) {
  const { token, trace } = await encrypt({ alg: 'RSA-OAEP-256', enc }, plaintext, publicJwk(RFC7516_A1_JWK), { trace: true });
  const find = <S extends string>(stage: S) => trace!.find((s) => s.stage === stage)!;
  return { token, find };
}

describe('JWE plans', () => {
  it('rsa-oaep: the CEK, the public key, then the encrypted key that Node opens with the private key', async () => {
    const { find } = await traceOf('A256GCM', 'hi');
    const step = find('rsa-oaep') as RsaOaepStep;
    const cek = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, step.encryptedKey);
    const plan = rsaOaepPlan(step);
    expect(plan.map((b) => b.show)).toEqual(['input', 'key', 'output']);
    expect(plan[0]!.caption).toBe(`The 32 bytes of the CEK (${hex(cek)})…`);
    expect(plan[1]!.caption).toContain("the recipient's PUBLIC key");
    expect(plan[2]!.caption).toBe(`…giving 256 bytes of encrypted key (${hex(step.encryptedKey)}), as long as the 2048-bit modulus.`);
  });

  it('gcm-encrypt: three beats whatever the length, the tag last, and Node decrypts what it names', async () => {
    const plaintext = 'z'.repeat(70_000);
    const { find } = await traceOf('A256GCM', plaintext);
    const step = find('gcm-encrypt') as GcmEncryptStep;
    const cek = find('cek') as { cek: Uint8Array };
    const iv = find('iv') as { iv: Uint8Array };
    const aad = find('aad') as { bytes: Uint8Array };
    const decipher = createDecipheriv('aes-256-gcm', cek.cek, iv.iv).setAAD(aad.bytes).setAuthTag(step.tag);
    expect(Buffer.concat([decipher.update(step.ciphertext), decipher.final()]).toString()).toBe(plaintext);
    const plan = gcmEncryptPlan(step);
    expect(plan.map((b) => b.show)).toEqual(['input', 'ciphertext', 'tag']);
    expect(plan[1]!.caption).toContain('70,000 bytes of ciphertext');
    expect(plan[2]!.caption).toBe(`…and computes the 16-byte authentication tag over the AAD and the ciphertext: ${hex(step.tag, 16)}.`);
  });

  it('cbc-hmac-encrypt: the key split, the padding, the ciphertext Node decrypts with the second half, the tag as the first half', async () => {
    const { find } = await traceOf('A128CBC-HS256', 'Live long and prosper.');
    const step = find('cbc-hmac-encrypt') as CbcHmacEncryptStep;
    const iv = find('iv') as { iv: Uint8Array };
    const decipher = createDecipheriv('aes-128-cbc', step.encKey, iv.iv);
    expect(Buffer.concat([decipher.update(step.ciphertext), decipher.final()]).toString()).toBe('Live long and prosper.');
    const plan = cbcHmacEncryptPlan(step);
    expect(plan.map((b) => b.show)).toEqual(['split', 'padding', 'ciphertext', 'mac', 'tag']);
    expect(plan[1]!.caption).toBe('PKCS#7 pads the 22 plaintext bytes with 10 bytes of value 10 to 32, a whole number of 16-byte blocks.');
    expect(Buffer.from(step.tag)).toEqual(Buffer.from(step.hmac.subarray(0, 16)));
  });

  it('parts: one beat per part, each with its base64url length', async () => {
    const { token, find } = await traceOf('A256GCM', 'hi');
    const plan = partsPlan(find('parts') as JwePartsStep);
    expect(plan.map((b) => b.parts)).toEqual([1, 2, 3, 4, 5]);
    expect(plan[4]!.caption).toBe(`Authentication tag: 16 bytes → ${token.split('.')[4]!.length} base64url characters.`);
  });
});
