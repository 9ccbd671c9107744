/**
 * The ASN.1 structures a JWS verifier meets, as DerShapes for readDer: the key blocks (SPKI, PKCS #8 and the
 * PKCS #1 keys inside them) from RFC 5280, RFC 5208 and RFC 8017, and RSA's DigestInfo from RFC 8017 §9.2.
 */
import type { DerShape } from './der';

const integers = (...roles: string[]): DerShape[] => roles.map((role) => ({ role, type: 'INTEGER' }));

const ALGORITHM_ID: DerShape = {
  role: 'AlgorithmIdentifier: which kind of key',
  type: 'SEQUENCE',
  items: [{ role: 'algorithm', type: 'OBJECT IDENTIFIER' }, { role: 'parameters (none for RSA)', type: 'NULL' }],
};
const RSA_PUBLIC_KEY: DerShape = { role: 'RSAPublicKey (PKCS #1)', type: 'SEQUENCE', items: integers('modulus n', 'public exponent e') };
const RSA_PRIVATE_KEY: DerShape = {
  role: 'RSAPrivateKey (PKCS #1)',
  type: 'SEQUENCE',
  items: integers('version', 'modulus n', 'public exponent e', 'private exponent d', 'prime p', 'prime q', 'dp = d mod (p − 1)', 'dq = d mod (q − 1)', 'qi = q⁻¹ mod p'),
};

/** SPKI (RFC 5280 §4.1), the "PUBLIC KEY" block of an RSA key. */
export const SPKI_SHAPE: DerShape = {
  role: 'SubjectPublicKeyInfo',
  type: 'SEQUENCE',
  items: [ALGORITHM_ID, { role: 'subjectPublicKey', type: 'BIT STRING', holds: RSA_PUBLIC_KEY }],
};

/** PKCS #8 (RFC 5208 §5), the "PRIVATE KEY" block of an RSA key. */
export const PKCS8_SHAPE: DerShape = {
  role: 'PrivateKeyInfo (PKCS #8)',
  type: 'SEQUENCE',
  items: [...integers('version'), ALGORITHM_ID, { role: 'privateKey', type: 'OCTET STRING', holds: RSA_PRIVATE_KEY }],
};

/** DigestInfo (RFC 8017 §9.2): which hash, and the digest; the end of a PKCS#1 v1.5 encoded message. */
export const DIGEST_INFO_SHAPE: DerShape = {
  role: 'DigestInfo',
  type: 'SEQUENCE',
  items: [
    {
      role: 'digestAlgorithm (AlgorithmIdentifier)',
      type: 'SEQUENCE',
      items: [{ role: 'algorithm', type: 'OBJECT IDENTIFIER' }, { role: 'parameters', type: 'NULL' }],
    },
    { role: 'digest', type: 'OCTET STRING' },
  ],
};
