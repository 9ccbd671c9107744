/** DER with names: a key's elements named for the part they hold, checked against node:crypto's own reading of the key. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PKCS8_SHAPE, SPKI_SHAPE, derTree, type DerItem } from '../../../../src/lib/jwt';

const big = (b64u: string) => BigInt(`0x${Buffer.from(b64u, 'base64url').toString('hex')}`);

/** Each element as "role: TAG", depth-first, to compare layouts at a glance. */
const outline = (item: DerItem, depth = 0): string[] =>
  [`${'  '.repeat(depth)}${item.role ?? '?'}: ${item.tagName}`, ...item.children.flatMap((c) => outline(c, depth + 1))];

/** The element whose role is `role`. */
const find = (item: DerItem, role: string): DerItem | undefined =>
  item.role === role ? item : item.children.map((c) => find(c, role)).find(Boolean);

describe('derTree', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const jwk = privateKey.export({ format: 'jwk' }) as Record<string, string>;
  const der = (key: KeyObject, type: 'spki' | 'pkcs8') => key.export({ type, format: 'der' });

  it('names every element of an SPKI public key, down into the BIT STRING', () => {
    const tree = derTree(der(publicKey, 'spki'), SPKI_SHAPE);
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
    expect(find(tree, 'algorithm')!.detail).toBe('rsaEncryption (1.2.840.113549.1.1.1)');
    expect(find(tree, 'public exponent e')!.detail).toBe(big(jwk.e!).toString());
    const n = find(tree, 'modulus n')!;
    // A 1024-bit n has its top bit set, so DER puts 00 in front: 129 content bytes.
    expect(n.length).toBe(Buffer.from(jwk.n!, 'base64url').length + 1);
    expect(n.detail).toBe('a 1024-bit number; the first byte 00 is there to keep it positive');
    expect(Buffer.from(n.bytes!).toString('base64url')).toBe(jwk.n);
  });

  it('keeps offsets into the whole DER, so each element\'s bytes are where it says', () => {
    const bytes = der(publicKey, 'spki');
    const n = find(derTree(bytes, SPKI_SHAPE), 'modulus n')!;
    const contents = bytes.subarray(n.offset + n.headerLength, n.offset + n.headerLength + n.length);
    expect(bytes[n.offset]).toBe(0x02);
    expect(BigInt(`0x${contents.toString('hex')}`)).toBe(big(jwk.n!));
  });

  it('names every number of a PKCS #8 private key', () => {
    const tree = derTree(der(privateKey, 'pkcs8'), PKCS8_SHAPE);
    const inner = find(tree, 'RSAPrivateKey (PKCS #1)')!;
    expect(inner.children.map((c) => c.role)).toEqual(PKCS8_SHAPE.items![2]!.holds!.items!.map((s) => s.role));
    for (const [role, member] of [['private exponent d', 'd'], ['prime p', 'p'], ['qi = q⁻¹ mod p', 'qi']] as const) {
      expect(Buffer.from(find(tree, role)!.bytes!).toString('base64url')).toBe(jwk[member]);
    }
    expect(find(tree, 'version')!.detail).toBe('0');
    // Each INTEGER is said to start with 00 exactly when node's DER bytes do.
    const bytes = der(privateKey, 'pkcs8');
    for (const role of ['modulus n', 'private exponent d', 'prime p', 'prime q', 'qi = q⁻¹ mod p']) {
      const integer = find(tree, role)!;
      expect(integer.detail!.includes('keep it positive'), role).toBe(bytes[integer.offset + integer.headerLength] === 0);
    }
  });
});
