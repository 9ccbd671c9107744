/** Chapter 8's exercises, against HMAC and SHA-256 computed here with node:crypto. */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET } from '../../../../src/components/widgets/guide-example';
import { digitSolution, ipadByte, keyBlockOf, keyBlockPadding, parseHexByte, signatureDigit } from '../../../../src/lib/exercises/hmac-inside';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const signature = (payload: string) => createHmac('sha256', GUIDE_SECRET).update(`${b64(GUIDE_HEADER)}.${b64(payload)}`).digest('base64url');

describe('the key block of a long secret', () => {
  const secret = 'x'.repeat(100);

  it('is the SHA-256 digest padded with zeros, as RFC 2104 says', async () => {
    const k = await keyBlockOf(Buffer.from(secret));
    const digest = createHash('sha256').update(secret).digest();
    expect(Buffer.from(k.keyBlock)).toEqual(Buffer.concat([digest, Buffer.alloc(32)]));
    expect(k).toMatchObject({ blockBytes: 64, keyWasHashed: true, keyBytes: 32, zeros: 32 });
    const short = await keyBlockOf(Buffer.from('Jefe'));
    expect(short.zeros).toBe(60);
  });

  it('accepts 32 and says what other counts imply', async () => {
    const d = await keyBlockPadding(secret);
    expect((await d.check('32')).kind).toBe('solved');
    expect((await d.check('0')).message).toMatch(/^0 would mean the key fills the block, as if it were cut to its first 64 bytes/);
    expect((await d.check('28')).message).toMatch(/^28 would fill a 128-byte block/);
    expect((await d.check('64')).message).toMatch(/would be the whole block/);
    expect((await d.check('100')).message).toMatch(/cannot hold 100 zero bytes/);
    expect((await d.check('20')).message).toBe('20 zero bytes would leave 44 bytes for the key, but the key block holds either the key itself or its 32-byte SHA-256 digest.');
    expect((await d.check('many')).kind).toBe('invalid');
  });
});

describe('the first byte of K′ ⊕ ipad', () => {
  const j = 'J'.charCodeAt(0);

  it('reads a byte in hex', () => {
    expect(parseHexByte('7c')).toBe(0x7c);
    expect(parseHexByte(' 0x7C ')).toBe(0x7c);
    expect(parseHexByte('7g')).toBeUndefined();
    expect(parseHexByte('123')).toBeUndefined();
  });

  it('accepts J ⊕ 0x36 and names the usual slips', async () => {
    const d = await ipadByte('Jefe');
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    expect((await d.check(hex(j ^ 0x36))).kind).toBe('solved');
    expect((await d.check(hex(j))).message).toMatch(/is "J" itself/);
    expect((await d.check(hex(j ^ 0x5c))).message).toMatch(/K′ ⊕ opad/);
    expect((await d.check('36')).message).toMatch(/what a padding byte becomes/);
    expect((await d.check('00')).message).toBe(`00 would be 4a ⊕ 4a, not ⊕ 36. Check the XOR bit by bit.`);
    expect((await d.check('zz')).kind).toBe('invalid');
  });
});

describe('a signature that starts with a digit', () => {
  it('works out a payload whose Node HMAC starts with a digit, fewest tries first', async () => {
    const worked = await digitSolution(GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET);
    expect(signature(worked.payload)).toMatch(/^[0-9]/);
    expect(worked.token.split('.')[2]).toBe(signature(worked.payload));
    const n = Number(/ (\d+)"/.exec(worked.payload)![1]);
    for (let i = 1; i < n; i++) {
      const earlier = JSON.stringify({ ...(JSON.parse(GUIDE_PAYLOAD) as object), name: `John Doe ${i}` });
      expect(signature(earlier)).not.toMatch(/^[0-9]/);
    }
  });

  it('checks with the signature and explains its first character', async () => {
    const d = await signatureDigit(GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET);
    const worked = await digitSolution(GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET);
    expect((await d.check(worked.payload)).kind).toBe('solved');
    const other = GUIDE_PAYLOAD.replace('John Doe', 'John Doe!');
    const c = signature(other)[0]!;
    expect(c).not.toMatch(/[0-9]/);
    const v = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(c);
    expect((await d.check(other)).message).toBe(`The signature starts with "${c}": its first 6 bits are ${v.toString(2).padStart(6, '0')}, value ${v}, and the digits are 52 to 61. No edit steers the HMAC: change the payload again and look.`);
    expect(await d.live!(other)).toBe(`Now: the signature is ${signature(other)}.`);
    expect((await d.check(GUIDE_PAYLOAD)).kind).toBe('invalid');
    expect((await d.check('{"name":')).kind).toBe('invalid');
  });
});
