/** The DER reader and writers: exact offsets, strict DER, and writers that read back. */
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex } from '../../../../src/lib/jwt/bytes';
import { derBitString, derElement, derInteger, derNull, derOctetString, derOid, derSequence, readDer } from '../../../../src/lib/jwt/der';
import { JwtError } from '../../../../src/lib/jwt/errors';
import { errorOf } from '../../support';

describe('readDer', () => {
  const digest = Uint8Array.from({ length: 32 }, (_, i) => i);
  const digestInfo = concatBytes(fromHex('3031300d060960864801650304020105000420'), digest);

  it('reads a SHA-256 DigestInfo with exact offsets', () => {
    const root = readDer(digestInfo);
    expect(root).toMatchObject({ tag: 0x30, tagName: 'SEQUENCE', offset: 0, headerLength: 2, length: 49 });
    const [algorithm, octets] = root.children!;
    expect(algorithm).toMatchObject({ tagName: 'SEQUENCE', offset: 2, headerLength: 2, length: 13 });
    const [oid, params] = algorithm!.children!;
    expect(oid).toMatchObject({ tag: 0x06, tagName: 'OBJECT IDENTIFIER', offset: 4, headerLength: 2, length: 9, oid: '2.16.840.1.101.3.4.2.1' });
    expect(params).toMatchObject({ tag: 0x05, tagName: 'NULL', offset: 15, headerLength: 2, length: 0 });
    expect(octets).toMatchObject({ tag: 0x04, tagName: 'OCTET STRING', offset: 17, headerLength: 2, length: 32 });
    expect(octets!.value).toEqual(digest);
    expect(octets!.children).toBeUndefined();
  });

  it('reads long-form lengths and context-specific tags', () => {
    const big = new Uint8Array(300).fill(7);
    const node = readDer(derSequence(derOctetString(big), derElement(0xa0, derInteger(5))));
    expect(node).toMatchObject({ headerLength: 4, length: 304 + 5 });
    expect(node.children![0]).toMatchObject({ offset: 4, headerLength: 4, length: 300 });
    expect(node.children![1]).toMatchObject({ tagName: '[0]', offset: 308 });
    expect(node.children![1]!.children![0]!.value).toEqual(Uint8Array.of(5));
  });

  it('refuses truncated input, naming the byte', () => {
    const error = errorOf(() => readDer(digestInfo.subarray(0, 40)));
    expect(error.code).toBe('ERR_KEY_INVALID');
    expect(error.message).toContain('SEQUENCE at byte 0 says it has 49 content bytes, but only 38 remain');
    // A wrong length inside: the OCTET STRING claims more than its SEQUENCE holds.
    const inner = digestInfo.slice();
    inner[18] = 0x21;
    expect(errorOf(() => readDer(inner)).message).toContain('OCTET STRING at byte 17 says it has 33 content bytes, but only 32 remain');
    expect(errorOf(() => readDer(Uint8Array.of(0x30))).message).toContain('byte 1');
    expect(errorOf(() => readDer(new Uint8Array(0))).message).toContain('expected a tag byte');
  });

  it('refuses trailing bytes', () => {
    const error = errorOf(() => readDer(concatBytes(digestInfo, Uint8Array.of(0))));
    expect(error.code).toBe('ERR_KEY_INVALID');
    expect(error.message).toContain('byte 51');
    expect(error.message).toContain('1 more byte(s) follow');
  });

  it('refuses non-minimal and indefinite lengths', () => {
    const longForm = errorOf(() => readDer(fromHex('04 81 01 00')));
    expect(longForm.code).toBe('ERR_KEY_INVALID');
    expect(longForm.message).toContain('byte 1');
    expect(longForm.message).toContain('shortest form');
    expect(errorOf(() => readDer(concatBytes(fromHex('04 82 00 80'), new Uint8Array(128)))).message).toContain('no leading zero byte');
    expect(errorOf(() => readDer(fromHex('30 80 00 00'))).message).toContain('indefinite length');
  });

  it('refuses a child that runs past its SEQUENCE', () => {
    const error = errorOf(() => readDer(fromHex('30 03 04 05 00 00 00 00')));
    expect(error.message).toContain('byte 4');
    expect(error.message).toContain('only 1 remain');
  });

  it('refuses non-DER primitives', () => {
    expect(errorOf(() => readDer(fromHex('02 02 00 01'))).message).toContain('INTEGER starts with a byte that adds nothing');
    expect(errorOf(() => readDer(fromHex('05 01 00'))).message).toContain('NULL has no contents');
    expect(errorOf(() => readDer(fromHex('06 02 2a 86'))).message).toContain('ends in the middle of an arc');
    expect(errorOf(() => readDer(fromHex('03 01 01'))).message).toContain('BIT STRING');
  });

  it('stops at absurd nesting', () => {
    let nested = derNull();
    for (let i = 0; i < 40; i++) nested = derSequence(nested);
    expect(errorOf(() => readDer(nested)).message).toContain('nested more than');
  });
});

describe('writers', () => {
  it('write the DigestInfo byte for byte', () => {
    const digest = new Uint8Array(32).fill(0xab);
    const written = derSequence(derSequence(derOid('2.16.840.1.101.3.4.2.1'), derNull()), derOctetString(digest));
    expect(written).toEqual(concatBytes(fromHex('3031300d060960864801650304020105000420'), digest));
  });

  it('round-trip through readDer', () => {
    const oids = ['1.2.840.113549.1.1.1', '1.2.840.10045.3.1.7', '1.3.101.112', '2.999.3', '0.39'];
    for (const oid of oids) expect(readDer(derOid(oid)).oid).toBe(oid);

    expect(readDer(derInteger(Uint8Array.of(0, 0, 0x7f))).value).toEqual(Uint8Array.of(0x7f));
    expect(readDer(derInteger(Uint8Array.of(0x80))).value).toEqual(Uint8Array.of(0, 0x80));
    expect(readDer(derInteger(new Uint8Array(0))).value).toEqual(Uint8Array.of(0));
    expect(readDer(derInteger(65537)).value).toEqual(Uint8Array.of(1, 0, 1));
    expect(readDer(derInteger(0)).value).toEqual(Uint8Array.of(0));

    const inner = Uint8Array.of(1, 2, 3);
    expect(readDer(derBitString(inner))).toMatchObject({ tagName: 'BIT STRING', value: Uint8Array.of(0, 1, 2, 3) });
    const node = readDer(derSequence(derInteger(1), derOctetString(inner), derNull()));
    expect(node.children!.map((c) => c.tagName)).toEqual(['INTEGER', 'OCTET STRING', 'NULL']);
  });

  it('refuse malformed object identifiers', () => {
    expect(() => derOid('1.2.')).toThrow(JwtError);
    expect(() => derOid('3.1')).toThrow(JwtError);
    expect(() => derOid('1.40')).toThrow(/below 40/);
  });
});
