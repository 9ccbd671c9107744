/** Chapter 9's exercises, against RSA signatures, digests and verdicts computed here with node:crypto. */
import { constants, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, publicDecrypt, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RFC7515_A2_HEADER, RFC7515_A2_JWK, RFC7515_A2_PAYLOAD } from '../../../../src/components/widgets/rfc7515-example';
import { emDifference, firstEmDifference, signatureLength, signatureSize, wrongKey } from '../../../../src/lib/exercises/rsa-signatures';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const edited = RFC7515_A2_PAYLOAD.replace('"joe"', '"ann"');
const privateKey = createPrivateKey({ key: RFC7515_A2_JWK as never, format: 'jwk' });
const publicKey = createPublicKey(privateKey);

describe('signature length for a key size', () => {
  it('matches the length of real signatures', () => {
    for (const bits of [2048, 3072, 4096]) {
      const { privateKey: k } = generateKeyPairSync('rsa', { modulusLength: bits });
      const s = nodeSign('sha256', Buffer.from('x'), k);
      expect(signatureSize(bits)).toEqual({ bytes: s.length, chars: s.toString('base64url').length });
    }
  }, 60_000);

  it('accepts 512 for 3072 bits and names the slips', async () => {
    const d = signatureLength(3072);
    expect((await d.check('512')).kind).toBe('solved');
    expect((await d.check('342')).message).toMatch(/^342 is the length for a 2048-bit key/);
    expect((await d.check('384')).message).toMatch(/^384 is the number of bytes/);
    expect((await d.check('3072')).message).toMatch(/^3072 is the key size in bits/);
    expect((await d.check('43')).message).toMatch(/^43 is an HS256 signature/);
    expect((await d.check('400')).message).toBe('400 characters hold about 300 bytes, a 2400-bit number. This signature is as long as the 3072-bit modulus.');
    expect((await d.check('lots')).kind).toBe('invalid');
  });
});

describe('where the two encoded messages differ', () => {
  /** EM as the public key opens it: s^e mod n, with no padding removed. */
  const opened = (signature: Buffer) => publicDecrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature);
  const signWithNode = (payload: string) => nodeSign('sha256', Buffer.from(`${b64(RFC7515_A2_HEADER)}.${b64(payload)}`), privateKey);

  it('compares the block for the edited payload with the opened old signature', async () => {
    const { token, compare } = await emDifference(RFC7515_A2_JWK, RFC7515_A2_HEADER, RFC7515_A2_PAYLOAD, edited);
    expect(token).toBe(`${b64(RFC7515_A2_HEADER)}.${b64(edited)}.${signWithNode(RFC7515_A2_PAYLOAD).toString('base64url')}`);
    expect(Buffer.from(compare.received)).toEqual(opened(signWithNode(RFC7515_A2_PAYLOAD)));
    expect(Buffer.from(compare.expected)).toEqual(opened(signWithNode(edited)));
    const d1 = createHash('sha256').update(`${b64(RFC7515_A2_HEADER)}.${b64(RFC7515_A2_PAYLOAD)}`).digest();
    const d2 = createHash('sha256').update(`${b64(RFC7515_A2_HEADER)}.${b64(edited)}`).digest();
    let first = 0;
    while (d1[first] === d2[first]) first++;
    expect(compare.firstDifference).toBe(256 - 32 + first);
  });

  it('accepts that byte, counted from 1, and says what the others are', async () => {
    const d = await firstEmDifference(RFC7515_A2_JWK, RFC7515_A2_HEADER, RFC7515_A2_PAYLOAD, edited);
    const { compare } = await emDifference(RFC7515_A2_JWK, RFC7515_A2_HEADER, RFC7515_A2_PAYLOAD, edited);
    expect((await d.check(String(compare.firstDifference + 1))).kind).toBe('solved');
    expect((await d.check('1')).message).toBe('Byte 1 is in the leading 00 (byte 1), which is the same in both blocks: it depends only on the key size and the hash, not on the payload.');
    expect((await d.check('100')).message).toMatch(/^Byte 100 is in the FF padding \(bytes 3–204\)/);
    expect((await d.check('210')).message).toMatch(/^Byte 210 is in the DigestInfo header naming SHA-256 \(bytes 206–224\)/);
    expect((await d.check('257')).message).toMatch(/there is no byte 257/);
    expect((await d.check('0')).kind).toBe('invalid');
  });
});

describe('a token signed with another key', () => {
  it('is refused at the signature, as Node refuses it', async () => {
    const d = await wrongKey(RFC7515_A2_JWK, RFC7515_A2_HEADER, RFC7515_A2_PAYLOAD);
    const token = (d.solution.find((b) => 'code' in b) as { code: string }).code;
    const [h, p, s] = token.split('.') as [string, string, string];
    expect(nodeVerify('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))).toBe(false);
    expect((await d.check('signature')).kind).toBe('solved');
    expect((await d.check('accepted')).message).toMatch(/^Accepting it would mean every check passed. It is refused at "4–5. Control signature and compare"/);
    expect((await d.check('algorithm')).message).toMatch(/^The header's alg is "RS256", which this verifier allows/);
    expect((await d.check('claims')).message).toMatch(/^It never reaches "6. Check the claims"/);
  });
});
