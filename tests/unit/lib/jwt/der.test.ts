/** The DER reader and writers: exact offsets, strict DER, and writers that read back. */
import { constants, createHash, createSign, generateKeyPairSync, publicDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex } from '../../../../src/lib/jwt/bytes';
import {
  annotateDer, annotateDigestInfo, derBitString, derElement, derInteger, derNull, derOctetString, derOid, derSequence, readDer,
} from '../../../../src/lib/jwt/der';
import { JwtError } from '../../../../src/lib/jwt/errors';
import { DIGEST_INFO_PREFIX } from '../../../../src/lib/jwt/rsa';
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

describe('annotateDigestInfo', () => {
  // OpenSSL's own DigestInfo: sign with PKCS#1 v1.5, then undo only the padding with the public key.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const message = Buffer.from('eyJhbGciOiJSUzI1NiJ9.e30');
  const HASHES = [
    { name: 'SHA-256', node: 'sha256', size: 32, oid: '2.16.840.1.101.3.4.2.1' },
    { name: 'SHA-384', node: 'sha384', size: 48, oid: '2.16.840.1.101.3.4.2.2' },
    { name: 'SHA-512', node: 'sha512', size: 64, oid: '2.16.840.1.101.3.4.2.3' },
  ] as const;

  for (const hash of HASHES) {
    it(`names every element of OpenSSL's ${hash.name} DigestInfo, at its offset`, () => {
      const signature = createSign(hash.node).update(message).sign(privateKey);
      const digestInfo = new Uint8Array(publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature));
      const digest = new Uint8Array(createHash(hash.node).update(message).digest());
      expect(digestInfo).toEqual(concatBytes(DIGEST_INFO_PREFIX[hash.name], digest));

      const elements = annotateDigestInfo(digestInfo);
      // Hand-counted: 30 L | 30 0d | 06 09 <9 OID bytes> | 05 00 | 04 L <digest>.
      expect(elements).toEqual([
        { depth: 0, tag: 0x30, tagName: 'SEQUENCE', offset: 0, headerLength: 2, length: 17 + hash.size, constructed: true, role: 'DigestInfo' },
        { depth: 1, tag: 0x30, tagName: 'SEQUENCE', offset: 2, headerLength: 2, length: 13, constructed: true, role: 'digestAlgorithm (AlgorithmIdentifier)' },
        { depth: 2, tag: 0x06, tagName: 'OBJECT IDENTIFIER', offset: 4, headerLength: 2, length: 9, constructed: false, oid: hash.oid, oidName: hash.name, role: 'algorithm' },
        { depth: 2, tag: 0x05, tagName: 'NULL', offset: 15, headerLength: 2, length: 0, constructed: false, role: 'parameters' },
        { depth: 1, tag: 0x04, tagName: 'OCTET STRING', offset: 17, headerLength: 2, length: hash.size, constructed: false, role: 'digest' },
      ]);
      expect(digestInfo.subarray(19)).toEqual(digest);
      expect(digestInfo[1]).toBe(17 + hash.size);
    });
  }

  it('gives no field names to DER of another shape', () => {
    const elements = annotateDigestInfo(derSequence(derSequence(derOid('1.2.840.113549.1.1.1')), derOctetString(Uint8Array.of(1))));
    expect(elements.map((e) => e.tagName)).toEqual(['SEQUENCE', 'SEQUENCE', 'OBJECT IDENTIFIER', 'OCTET STRING']);
    expect(elements.every((e) => e.role === undefined)).toBe(true);
    expect(elements[2]).toMatchObject({ oid: '1.2.840.113549.1.1.1', oidName: 'rsaEncryption' });
  });

  it('refuses bytes that are not DER, saying where', () => {
    expect(() => annotateDigestInfo(Uint8Array.of(0x30, 0x05, 0x04))).toThrow(/DER error at byte 2/);
  });
});

describe('annotateDer', () => {
  it('lists nested elements outermost first with their depth', () => {
    const elements = annotateDer(derSequence(derInteger(5), derElement(0xa0, derNull())));
    expect(elements.map((e) => [e.depth, e.tagName, e.offset])).toEqual([[0, 'SEQUENCE', 0], [1, 'INTEGER', 2], [1, '[0]', 5], [2, 'NULL', 7]]);
  });
});
