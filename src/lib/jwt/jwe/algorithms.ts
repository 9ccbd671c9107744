/**
 * The JWE algorithms (RFC 7518 §4 and §5) in two tables: key management (`alg`: how the content key reaches
 * the recipient) and content encryption (`enc`: how the plaintext is encrypted with it). As for JWS, nothing
 * else works any of this out from an algorithm's name.
 */
import type { HashName } from '../algorithms';
import { JwtError } from '../errors';

export type KeyManagementFamily = 'RSA-OAEP' | 'AES-KW' | 'AES-GCMKW' | 'dir' | 'ECDH-ES' | 'PBES2';

export const KEY_MANAGEMENT_ALGORITHMS = [
  'RSA-OAEP', 'RSA-OAEP-256',
  'A128KW', 'A192KW', 'A256KW',
  'A128GCMKW', 'A192GCMKW', 'A256GCMKW',
  'dir',
  'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW',
  'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW',
] as const;
export type KeyManagementAlgorithm = (typeof KEY_MANAGEMENT_ALGORITHMS)[number];

export const CONTENT_ENCRYPTION_ALGORITHMS = [
  'A128GCM', 'A192GCM', 'A256GCM',
  'A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512',
] as const;
export type ContentEncryptionAlgorithm = (typeof CONTENT_ENCRYPTION_ALGORITHMS)[number];

export interface KeyManagementInfo {
  alg: KeyManagementAlgorithm;
  family: KeyManagementFamily;
  /** RSA-OAEP: the OAEP and MGF1 hash. PBES2: the PBKDF2 hash. */
  hash?: 'SHA-1' | HashName;
  /** The AES key wrap's key size (AES-KW, ECDH-ES+AxxxKW, PBES2) or AES-GCM's (GCMKW), in bits. */
  kwBits?: 128 | 192 | 256;
}

export interface ContentEncryptionInfo {
  enc: ContentEncryptionAlgorithm;
  mode: 'GCM' | 'CBC-HMAC';
  /** The content encryption key's length in bytes; for CBC-HMAC, MAC key and AES key together. */
  cekBytes: number;
  /** The AES key's size in bits (for CBC-HMAC, the second half of the CEK). */
  aesBits: 128 | 192 | 256;
  ivBytes: number;
  tagBytes: number;
  /** CBC-HMAC's HMAC hash. */
  hash?: HashName;
}

const KW = (alg: KeyManagementAlgorithm, family: KeyManagementFamily, kwBits?: 128 | 192 | 256, hash?: KeyManagementInfo['hash']): KeyManagementInfo =>
  ({ alg, family, ...(kwBits && { kwBits }), ...(hash && { hash }) });

const KEY_MANAGEMENT: Record<KeyManagementAlgorithm, KeyManagementInfo> = {
  'RSA-OAEP': KW('RSA-OAEP', 'RSA-OAEP', undefined, 'SHA-1'),
  'RSA-OAEP-256': KW('RSA-OAEP-256', 'RSA-OAEP', undefined, 'SHA-256'),
  A128KW: KW('A128KW', 'AES-KW', 128),
  A192KW: KW('A192KW', 'AES-KW', 192),
  A256KW: KW('A256KW', 'AES-KW', 256),
  A128GCMKW: KW('A128GCMKW', 'AES-GCMKW', 128),
  A192GCMKW: KW('A192GCMKW', 'AES-GCMKW', 192),
  A256GCMKW: KW('A256GCMKW', 'AES-GCMKW', 256),
  dir: KW('dir', 'dir'),
  'ECDH-ES': KW('ECDH-ES', 'ECDH-ES'),
  'ECDH-ES+A128KW': KW('ECDH-ES+A128KW', 'ECDH-ES', 128),
  'ECDH-ES+A192KW': KW('ECDH-ES+A192KW', 'ECDH-ES', 192),
  'ECDH-ES+A256KW': KW('ECDH-ES+A256KW', 'ECDH-ES', 256),
  'PBES2-HS256+A128KW': KW('PBES2-HS256+A128KW', 'PBES2', 128, 'SHA-256'),
  'PBES2-HS384+A192KW': KW('PBES2-HS384+A192KW', 'PBES2', 192, 'SHA-384'),
  'PBES2-HS512+A256KW': KW('PBES2-HS512+A256KW', 'PBES2', 256, 'SHA-512'),
};

const GCM = (enc: ContentEncryptionAlgorithm, bits: 128 | 192 | 256): ContentEncryptionInfo =>
  ({ enc, mode: 'GCM', cekBytes: bits / 8, aesBits: bits, ivBytes: 12, tagBytes: 16 });
const CBC = (enc: ContentEncryptionAlgorithm, bits: 128 | 192 | 256, hash: HashName): ContentEncryptionInfo =>
  ({ enc, mode: 'CBC-HMAC', cekBytes: bits / 4, aesBits: bits, ivBytes: 16, tagBytes: bits / 8, hash });

const CONTENT_ENCRYPTION: Record<ContentEncryptionAlgorithm, ContentEncryptionInfo> = {
  A128GCM: GCM('A128GCM', 128),
  A192GCM: GCM('A192GCM', 192),
  A256GCM: GCM('A256GCM', 256),
  'A128CBC-HS256': CBC('A128CBC-HS256', 128, 'SHA-256'),
  'A192CBC-HS384': CBC('A192CBC-HS384', 192, 'SHA-384'),
  'A256CBC-HS512': CBC('A256CBC-HS512', 256, 'SHA-512'),
};

export function isKeyManagementAlgorithm(alg: unknown): alg is KeyManagementAlgorithm {
  return typeof alg === 'string' && Object.hasOwn(KEY_MANAGEMENT, alg);
}

export function isContentEncryptionAlgorithm(enc: unknown): enc is ContentEncryptionAlgorithm {
  return typeof enc === 'string' && Object.hasOwn(CONTENT_ENCRYPTION, enc);
}

/** Why an `alg` this core knows of is still refused; undefined for one it supports. */
export function refusedAlgorithmReason(alg: unknown): string | undefined {
  if (alg === 'RSA1_5') {
    return 'The header asks for RSA1_5 (RSAES-PKCS1-v1_5 key encryption). It is refused: its padding checks leak, ' +
      'and Bleichenbacher\'s padding-oracle attack recovers the content key from a server that answers differently for ' +
      'good and bad padding (RFC 8725 §3.2). WebCrypto does not offer it either.';
  }
  if (alg === 'none') return 'The header says "alg": "none", which JWE does not have: an encrypted token always needs a key.';
  return undefined;
}

export function keyManagementInfo(alg: unknown): KeyManagementInfo {
  if (isKeyManagementAlgorithm(alg)) return KEY_MANAGEMENT[alg];
  const reason = refusedAlgorithmReason(alg);
  if (reason) throw new JwtError('ERR_JOSE_NOT_SUPPORTED', reason, { where: { part: 'header' } });
  throw new JwtError('ERR_JOSE_NOT_SUPPORTED', `${JSON.stringify(alg)} is not a JWE key management algorithm (RFC 7518 §4.1); the core knows ${KEY_MANAGEMENT_ALGORITHMS.join(', ')}.`, { where: { part: 'header' } });
}

export function contentEncryptionInfo(enc: unknown): ContentEncryptionInfo {
  if (isContentEncryptionAlgorithm(enc)) return CONTENT_ENCRYPTION[enc];
  const what = enc === undefined ? 'The header has no "enc"' : `${JSON.stringify(enc)} is not a JWE content encryption algorithm`;
  throw new JwtError('ERR_JOSE_NOT_SUPPORTED', `${what}; RFC 7518 §5.1 defines ${CONTENT_ENCRYPTION_ALGORITHMS.join(', ')}.`, { where: { part: 'header' } });
}
