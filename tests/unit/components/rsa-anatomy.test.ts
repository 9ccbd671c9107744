/** The key-pair widget's view of an RSA key, checked against node:crypto's own reading of the same key. */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PKCS8_SHAPE, SPKI_SHAPE, bitLength, derTree, jwkMembers, keyPairOf, rsaAnatomy, type DerItem,
} from '../../../src/components/widgets/rsa-anatomy';
import { RFC7515_A2_JWK } from '../../../src/components/widgets/rfc7515-example';
import { importJwk, importKeyText } from '../../../src/lib/jwt';

const big = (b64u: string) => BigInt(`0x${Buffer.from(b64u, 'base64url').toString('hex')}`);

/** Each element as "role: TAG", depth-first, to compare layouts at a glance. */
const outline = (item: DerItem, depth = 0): string[] =>
  [`${'  '.repeat(depth)}${item.role ?? '?'}: ${item.tagName}`, ...item.children.flatMap((c) => outline(c, depth + 1))];

/** The element whose role is `role`. */
const find = (item: DerItem, role: string): DerItem | undefined =>
  item.role === role ? item : item.children.map((c) => find(c, role)).find(Boolean);

describe('bitLength', () => {
  it('counts bits as BigInt does, leading zero bytes and bits not counted', () => {
    for (const hex of ['', '00', '01', '0001', '7f', '80', 'ff', '00ff00', '010001']) {
      const expected = hex.replace(/^0+/, '') === '' ? 0 : BigInt(`0x${hex}`).toString(2).length;
      expect(bitLength(Buffer.from(hex, 'hex'))).toBe(expected);
    }
  });
});

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

describe('jwkMembers', () => {
  it('explains each member, marks the private ones secret, and sizes the numbers', () => {
    const rows = jwkMembers({ ...RFC7515_A2_JWK, alg: 'RS256' });
    expect(rows.map((r) => r.name)).toEqual(['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'alg']);
    expect(rows.filter((r) => r.secret).map((r) => r.name)).toEqual(['d', 'p', 'q', 'dp', 'dq', 'qi']);
    const row = (name: string) => rows.find((r) => r.name === name)!;
    expect(row('n').bits).toBe(big(RFC7515_A2_JWK.n).toString(2).length);
    expect(row('e').decimal).toBe('65537');
    expect(row('p').bits).toBe(big(RFC7515_A2_JWK.p).toString(2).length);
    expect(row('kty').bits).toBeUndefined();
    expect(row('n').meaning).toContain('modulus');
  });

  it('lists members in RFC 7518\'s order whatever order they come in, unknown ones last', () => {
    const shuffled = Object.fromEntries([['kid', 'k1'], ...Object.entries(RFC7515_A2_JWK).reverse()]);
    const rows = jwkMembers(shuffled);
    expect(rows.map((r) => r.name)).toEqual(['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'kid']);
    expect(rows.at(-1)).toEqual({ name: 'kid', value: 'k1', meaning: "not one of the key's numbers", secret: false });
  });
});

describe('keyPairOf and rsaAnatomy', () => {
  it('the A.2 key: 2048 bits, e = 65537, the thumbprint node:crypto computes, both PEMs as node exports them', async () => {
    const anatomy = await rsaAnatomy(await keyPairOf(await importJwk(RFC7515_A2_JWK, 'RS256')));
    expect(anatomy.modulusBits).toBe(2048);
    expect(anatomy.exponent).toBe('65537');
    const canonical = JSON.stringify({ e: RFC7515_A2_JWK.e, kty: 'RSA', n: RFC7515_A2_JWK.n });
    expect(anatomy.thumbprintInput).toBe(canonical);
    expect(anatomy.thumbprint).toBe(createHash('sha256').update(canonical).digest('base64url'));
    const node = createPrivateKey({ key: RFC7515_A2_JWK, format: 'jwk' });
    expect(anatomy.privatePem).toBe((node.export({ type: 'pkcs8', format: 'pem' }) as string).trim());
    expect(anatomy.publicPem).toBe((createPublicKey(node).export({ type: 'spki', format: 'pem' }) as string).trim());
    expect(anatomy.publicDerLength).toBe(createPublicKey(node).export({ type: 'spki', format: 'der' }).length);
    expect(anatomy.jwk).toEqual({ ...RFC7515_A2_JWK, alg: 'RS256' });
    expect(anatomy.publicJwk).toEqual({ kty: 'RSA', n: RFC7515_A2_JWK.n, e: RFC7515_A2_JWK.e, alg: 'RS256' });
    expect(anatomy.warnings).toEqual([]);
  });

  it('a pasted public key has no private half, and a 1024-bit key is flagged', async () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const pair = await keyPairOf(await importKeyText(pem, 'RS256'));
    expect(pair.privateKey).toBeUndefined();
    const anatomy = await rsaAnatomy(pair);
    expect(anatomy.publicPem).toBe(pem.trim());
    expect([anatomy.privatePem, anatomy.privateTree]).toEqual([undefined, undefined]);
    expect(anatomy.members.some((m) => m.secret)).toBe(false);
    expect(anatomy.modulusBits).toBe(1024);
    expect(anatomy.warnings[0]).toContain('1024 bits');
  });

  it('a pasted private key brings a public key that verifies what it signs', async () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    const { privateKey, publicKey } = await keyPairOf(await importKeyText(pem, 'RS256'));
    const data = new TextEncoder().encode('signed');
    const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey!, data);
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', publicKey, signature, data)).toBe(true);
    expect(publicKey.type).toBe('public');
  });
});
