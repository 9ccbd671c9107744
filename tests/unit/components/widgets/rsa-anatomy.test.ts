/** The key-pair widget's view of an RSA key, checked against node:crypto's own reading of the same key. */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jwkMembers, keyPairOf, rsaAnatomy } from '../../../../src/components/widgets/rsa-anatomy';
import { RFC7515_A2_JWK } from '../../../../src/components/widgets/rfc7515-example';
import { importJwk, importKeyText } from '../../../../src/lib/jwt';

const big = (b64u: string) => BigInt(`0x${Buffer.from(b64u, 'base64url').toString('hex')}`);

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
