/** The DER views' layout: the tree as indented rows, and each element's value in words, checked against node:crypto's key. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derRows, derValue } from '../../../../src/components/visualizer/der-layout';
import { PKCS8_SHAPE, SPKI_SHAPE, readDer, type DerNode } from '../../../../src/lib/jwt';
import { derElement, derInteger, derNull, derSequence } from '../../../../src/lib/jwt/der';

/** The element whose role is `role`. */
const find = (node: DerNode, role: string): DerNode =>
  derRows(node).find((row) => row.node.role === role)!.node;

describe('derRows', () => {
  it('lists nested elements outermost first, in byte order, with their depth', () => {
    const rows = derRows(readDer(derSequence(derInteger(5), derElement(0xa0, derNull()))));
    expect(rows.map(({ node, depth }) => [depth, node.tagName, node.offset])).toEqual([[0, 'SEQUENCE', 0], [1, 'INTEGER', 2], [1, '[0]', 5], [2, 'NULL', 7]]);
  });

  it('lists the key inside an SPKI under its BIT STRING, offsets rising', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const rows = derRows(readDer(publicKey.export({ type: 'spki', format: 'der' }), SPKI_SHAPE));
    expect(rows.map(({ node, depth }) => `${depth} ${node.role}`)).toEqual([
      '0 SubjectPublicKeyInfo', '1 AlgorithmIdentifier: which kind of key', '2 algorithm', '2 parameters (none for RSA)',
      '1 subjectPublicKey', '2 RSAPublicKey (PKCS #1)', '3 modulus n', '3 public exponent e',
    ]);
    const offsets = rows.map((row) => row.node.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});

describe('derValue', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const jwk = privateKey.export({ format: 'jwk' }) as Record<string, string>;
  const spki = readDer(publicKey.export({ type: 'spki', format: 'der' }), SPKI_SHAPE);

  it('says what each element of an SPKI holds, and gives a large number\'s bytes without the sign byte', () => {
    expect(derValue(find(spki, 'algorithm'))).toEqual({ detail: 'rsaEncryption (1.2.840.113549.1.1.1)' });
    expect(derValue(find(spki, 'parameters (none for RSA)'))).toEqual({ detail: 'no contents' });
    expect(derValue(find(spki, 'public exponent e')).detail).toBe(BigInt(`0x${Buffer.from(jwk.e!, 'base64url').toString('hex')}`).toString());
    expect(derValue(find(spki, 'subjectPublicKey')).detail).toBe('first byte 00 (no unused bits), then DER bytes, shown inside');
    expect(derValue(find(spki, 'SubjectPublicKeyInfo'))).toEqual({});
    const n = find(spki, 'modulus n');
    // A 1024-bit n has its top bit set, so DER puts 00 in front: 129 content bytes.
    expect(n.length).toBe(Buffer.from(jwk.n!, 'base64url').length + 1);
    const value = derValue(n);
    expect(value.detail).toBe('a 1024-bit number; the first byte 00 is there to keep it positive');
    expect(Buffer.from(value.bytes!).toString('base64url')).toBe(jwk.n);
  });

  it('says which numbers of a PKCS #8 key carry the sign byte, exactly when node\'s DER bytes start with 00', () => {
    const bytes = privateKey.export({ type: 'pkcs8', format: 'der' });
    const tree = readDer(bytes, PKCS8_SHAPE);
    expect(derValue(find(tree, 'privateKey')).detail).toBe('DER bytes, shown inside');
    expect(derValue(find(tree, 'version')).detail).toBe('0');
    for (const [role, member] of [['private exponent d', 'd'], ['prime p', 'p'], ['qi = q⁻¹ mod p', 'qi']] as const) {
      expect(Buffer.from(derValue(find(tree, role)).bytes!).toString('base64url')).toBe(jwk[member]);
    }
    for (const role of ['modulus n', 'private exponent d', 'prime p', 'prime q', 'qi = q⁻¹ mod p']) {
      const integer = find(tree, role);
      expect(derValue(integer).detail!.includes('keep it positive'), role).toBe(bytes[integer.offset + integer.headerLength] === 0);
    }
  });

  it('names an unknown object identifier as unknown', () => {
    const oid = readDer(Uint8Array.of(0x06, 0x03, 0x2a, 0x03, 0x04));
    expect(derValue(oid)).toEqual({ detail: 'unknown (1.2.3.4)' });
  });
});
