/**
 * readDer with a DerShape: every element of a DigestInfo or a key named for its field, checked against
 * OpenSSL's DigestInfo and node:crypto's own reading of the key; DER of another shape gets no names.
 */
import { constants, createHash, createSign, generateKeyPairSync, publicDecrypt, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DIGEST_INFO_PREFIX, DIGEST_INFO_SHAPE, OID_NAMES, PKCS8_SHAPE, SPKI_SHAPE, concatBytes, readDer, type DerNode,
} from '../../../../src/lib/jwt';
import { derBitString, derInteger, derNull, derOctetString, derOid, derSequence } from '../../../../src/lib/jwt/der';

const big = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex')}`);

/** Each element as "role: TAG", depth-first, to compare layouts at a glance. */
const outline = (node: DerNode, depth = 0): string[] =>
  [`${'  '.repeat(depth)}${node.role ?? '?'}: ${node.tagName}`, ...(node.children ?? []).flatMap((c) => outline(c, depth + 1))];

/** The element whose role is `role`. */
const find = (node: DerNode, role: string): DerNode | undefined =>
  node.role === role ? node : node.children?.map((c) => find(c, role)).find(Boolean);

/** Every element's place and name, outermost first. */
const fields = (node: DerNode, depth = 0): object[] => [
  { depth, role: node.role, tag: node.tag, tagName: node.tagName, offset: node.offset, headerLength: node.headerLength, length: node.length, oid: node.oid },
  ...(node.children ?? []).flatMap((c) => fields(c, depth + 1)),
];

describe('DigestInfo (RFC 8017 §9.2)', () => {
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

      const tree = readDer(digestInfo, DIGEST_INFO_SHAPE);
      // Hand-counted: 30 L | 30 0d | 06 09 <9 OID bytes> | 05 00 | 04 L <digest>.
      expect(fields(tree)).toEqual([
        { depth: 0, tag: 0x30, tagName: 'SEQUENCE', offset: 0, headerLength: 2, length: 17 + hash.size, role: 'DigestInfo' },
        { depth: 1, tag: 0x30, tagName: 'SEQUENCE', offset: 2, headerLength: 2, length: 13, role: 'digestAlgorithm (AlgorithmIdentifier)' },
        { depth: 2, tag: 0x06, tagName: 'OBJECT IDENTIFIER', offset: 4, headerLength: 2, length: 9, oid: hash.oid, role: 'algorithm' },
        { depth: 2, tag: 0x05, tagName: 'NULL', offset: 15, headerLength: 2, length: 0, role: 'parameters' },
        { depth: 1, tag: 0x04, tagName: 'OCTET STRING', offset: 17, headerLength: 2, length: hash.size, role: 'digest' },
      ]);
      expect(OID_NAMES[hash.oid]).toBe(hash.name);
      expect(find(tree, 'digest')!.value).toEqual(digest);
      expect(digestInfo[1]).toBe(17 + hash.size);
    });
  }

  it('gives no field names to DER of another shape', () => {
    const other = [
      derSequence(derSequence(derOid('1.2.840.113549.1.1.1')), derOctetString(Uint8Array.of(1))), // parameters missing
      derSequence(derSequence(derOid('2.16.840.1.101.3.4.2.1'), derNull()), derOctetString(Uint8Array.of(1)), derNull()), // one too many
      derSequence(derSequence(derOid('2.16.840.1.101.3.4.2.1'), derNull()), derBitString(Uint8Array.of(1))), // another type
    ];
    for (const bytes of other) {
      const tree = readDer(bytes, DIGEST_INFO_SHAPE);
      expect(outline(tree).every((line) => line.trim().startsWith('?:'))).toBe(true);
      expect(tree).toEqual(readDer(bytes));
    }
  });

  it('refuses bytes that are not DER, saying where', () => {
    expect(() => readDer(Uint8Array.of(0x30, 0x05, 0x04), DIGEST_INFO_SHAPE)).toThrow(/DER error at byte 2/);
  });
});

describe('keys (RFC 5280 SPKI, RFC 5208 PKCS #8, RFC 8017 PKCS #1)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const jwk = privateKey.export({ format: 'jwk' }) as Record<string, string>;
  const number = (member: string) => big(Buffer.from(jwk[member]!, 'base64url'));
  const der = (key: KeyObject, type: 'spki' | 'pkcs8') => new Uint8Array(key.export({ type, format: 'der' }));
  /** An INTEGER's value, as the bytes at its offsets in the whole DER say. */
  const integerAt = (bytes: Uint8Array, node: DerNode) => big(bytes.subarray(node.offset + node.headerLength, node.offset + node.headerLength + node.length));

  it('names every element of an SPKI public key, down into the BIT STRING', () => {
    const tree = readDer(der(publicKey, 'spki'), SPKI_SHAPE);
    expect(outline(tree)).toEqual([
      'SubjectPublicKeyInfo: SEQUENCE',
      '  AlgorithmIdentifier: which kind of key: SEQUENCE',
      '    algorithm: OBJECT IDENTIFIER',
      '    parameters (none for RSA): NULL',
      '  subjectPublicKey: BIT STRING',
      '    RSAPublicKey (PKCS #1): SEQUENCE',
      '      modulus n: INTEGER',
      '      public exponent e: INTEGER',
    ]);
    expect(find(tree, 'algorithm')!.oid).toBe('1.2.840.113549.1.1.1');
  });

  it('keeps offsets into the whole DER, so each element\'s bytes are where it says', () => {
    const bytes = der(publicKey, 'spki');
    const tree = readDer(bytes, SPKI_SHAPE);
    const inner = find(tree, 'RSAPublicKey (PKCS #1)')!;
    const bitString = find(tree, 'subjectPublicKey')!;
    // Inside the BIT STRING, after its count of unused bits (00).
    expect(inner.offset).toBe(bitString.offset + bitString.headerLength + 1);
    expect(bytes[bitString.offset + bitString.headerLength]).toBe(0);
    const [n, e] = [find(tree, 'modulus n')!, find(tree, 'public exponent e')!];
    expect([bytes[n.offset], bytes[e.offset]]).toEqual([0x02, 0x02]);
    expect(integerAt(bytes, n)).toBe(number('n'));
    expect(integerAt(bytes, e)).toBe(number('e'));
  });

  it('names every number of a PKCS #8 private key, at its offset', () => {
    const bytes = der(privateKey, 'pkcs8');
    const tree = readDer(bytes, PKCS8_SHAPE);
    expect(outline(tree).slice(0, 6)).toEqual([
      'PrivateKeyInfo (PKCS #8): SEQUENCE',
      '  version: INTEGER',
      '  AlgorithmIdentifier: which kind of key: SEQUENCE',
      '    algorithm: OBJECT IDENTIFIER',
      '    parameters (none for RSA): NULL',
      '  privateKey: OCTET STRING',
    ]);
    const inner = find(tree, 'RSAPrivateKey (PKCS #1)')!;
    expect(inner.children!.map((c) => c.role)).toEqual([
      'version', 'modulus n', 'public exponent e', 'private exponent d', 'prime p', 'prime q', 'dp = d mod (p − 1)', 'dq = d mod (q − 1)', 'qi = q⁻¹ mod p',
    ]);
    const [, n, e, d, p, q, dp, dq, qi] = inner.children!;
    const members = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'];
    expect([n, e, d, p, q, dp, dq, qi].map((node) => integerAt(bytes, node!))).toEqual(members.map(number));
    expect(integerAt(bytes, find(tree, 'version')!)).toBe(0n);
  });

  it('names nothing in a key of another shape, or a string that does not hold DER', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    // An EC key's AlgorithmIdentifier names a curve where RSA's has NULL.
    expect(outline(readDer(der(ec, 'spki'), SPKI_SHAPE))[0]).toBe('?: SEQUENCE');
    const algorithm = derSequence(derOid('1.2.840.113549.1.1.1'), derNull());
    const notDer = derSequence(algorithm, derBitString(Uint8Array.of(0x30, 0x05)));
    expect(readDer(notDer, SPKI_SHAPE)).toEqual(readDer(notDer));
    const rsaPublicKey = derSequence(derInteger(Uint8Array.of(0xc5, 0x01)), derInteger(65537));
    expect(outline(readDer(derSequence(algorithm, derBitString(rsaPublicKey)), SPKI_SHAPE))[0]).toBe('SubjectPublicKeyInfo: SEQUENCE');
  });
});
