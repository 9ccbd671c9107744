/** An independent JWS signature check with node:crypto, for the tests of widgets that show signatures. */
import { constants, createPublicKey, verify } from 'node:crypto';

/** Verifies a signature over `signingInput` (header.payload in base64url) with a public JWK, as RFC 7518 says. */
export function nodeVerify(alg: string, jwk: JsonWebKey, signingInput: string, signature: Buffer): boolean {
  const key = createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  const data = Buffer.from(signingInput);
  switch (alg) {
    case 'RS256': return verify('sha256', data, key, signature);
    case 'PS256': return verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature);
    case 'ES256': return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
    case 'EdDSA': return verify(null, data, key, signature);
    default: throw new Error(`nodeVerify does not know ${alg}`);
  }
}
