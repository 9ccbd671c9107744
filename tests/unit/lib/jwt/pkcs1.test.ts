/** emLayout: a PKCS#1 v1.5 encoded message read back into its parts, checked against OpenSSL's own EM. */
import { constants, createHash, createSign, generateKeyPairSync, publicDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIGEST_INFO_PREFIX, concatBytes, emLayout } from '../../../../src/lib/jwt';

/** OpenSSL's EM: a PKCS#1 v1.5 signature opened with the public key and no padding removed. */
function opensslEm(bits: number, hash: 'sha256' | 'sha512', message: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const signature = createSign(hash).update(message).sign(privateKey);
  return {
    em: new Uint8Array(publicDecrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature)),
    digest: new Uint8Array(createHash(hash).update(message).digest()),
  };
}

describe('emLayout', () => {
  it('finds 00, 01, the FF run, 00 and the DigestInfo in OpenSSL\'s EM, with offsets', () => {
    const { em, digest } = opensslEm(2048, 'sha256', 'a.b');
    const layout = emLayout(em);
    if (!layout.ok) throw new Error(layout.problem);
    const digestInfo = concatBytes(DIGEST_INFO_PREFIX['SHA-256'], digest);
    const padding = 256 - 3 - digestInfo.length;
    expect(layout.paddingBytes).toBe(padding);
    expect(layout.parts.map((p) => [p.name, p.offset, p.bytes.length])).toEqual([
      ['zero', 0, 1], ['type', 1, 1], ['padding', 2, padding], ['separator', 2 + padding, 1], ['digest-info', 3 + padding, digestInfo.length],
    ]);
    expect(layout.parts[2]!.label).toBe(`Padding: ${padding} bytes of FF`);
    expect(layout.digestInfo).toEqual(digestInfo);
    expect(layout.digestInfoDer!.role).toBe('DigestInfo');
    expect(layout.digestInfoDer!.children!.map((e) => e.role)).toEqual(['digestAlgorithm (AlgorithmIdentifier)', 'digest']);
    expect(layout.digestInfoDer!.children![0]!.children![0]).toMatchObject({ role: 'algorithm', oid: '2.16.840.1.101.3.4.2.1', offset: 4 });
  });

  it('reads a SHA-512 EM of a 3072-bit key', () => {
    const { em, digest } = opensslEm(3072, 'sha512', 'x');
    const layout = emLayout(em);
    expect(layout.ok && layout.paddingBytes).toBe(384 - 3 - DIGEST_INFO_PREFIX['SHA-512'].length - digest.length);
  });

  it('keeps the parts of an EM whose DigestInfo is not DER, without field names', () => {
    const em = Uint8Array.of(0, 1, ...new Array(8).fill(0xff), 0, 0x30, 0x05, 0x04);
    const layout = emLayout(em);
    expect(layout.ok && layout.digestInfoDer).toBeUndefined();
    expect(layout.ok && layout.digestInfo).toEqual(Uint8Array.of(0x30, 0x05, 0x04));
  });
});
