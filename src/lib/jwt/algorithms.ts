/** The table of JWS algorithms (RFC 7518 §3, RFC 8037): what each one needs from WebCrypto and from a key. */
import { JwtError } from './errors';

export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';
export type Family = 'HMAC' | 'RSA-PKCS1' | 'RSA-PSS' | 'ECDSA' | 'EdDSA';
export type KeyType = 'oct' | 'RSA' | 'EC' | 'OKP';

export const ALGORITHMS = [
  'HS256', 'HS384', 'HS512',
  'RS256', 'RS384', 'RS512',
  'PS256', 'PS384', 'PS512',
  'ES256', 'ES384', 'ES512',
  'EdDSA',
] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export interface AlgorithmInfo {
  alg: Algorithm;
  family: Family;
  kty: KeyType;
  /** The hash the algorithm uses on the signing input (Ed25519 hashes internally with SHA-512). */
  hash: HashName;
  hashBytes: number;
  /** The hash's block size in bytes: HMAC pads the key to this. */
  blockBytes: number;
  /** The curve, for ECDSA and EdDSA. */
  crv?: 'P-256' | 'P-384' | 'P-521' | 'Ed25519';
  /** A raw ECDSA signature r‖s is 2 × this many bytes. */
  coordinateBytes?: number;
  /** Parameters for crypto.subtle.importKey / generateKey. */
  importParams: RsaHashedImportParams | HmacImportParams | EcKeyImportParams | Algorithm_;
  /** Parameters for crypto.subtle.sign / verify. */
  signParams: RsaPssParams | EcdsaParams | Algorithm_;
}
type Algorithm_ = { name: string };

const HASH_SIZES: Record<HashName, { bytes: number; block: number }> = {
  'SHA-256': { bytes: 32, block: 64 },
  'SHA-384': { bytes: 48, block: 128 },
  'SHA-512': { bytes: 64, block: 128 },
};

function hashOf(alg: string): HashName {
  return `SHA-${alg.slice(2)}` as HashName;
}

function build(alg: Algorithm): AlgorithmInfo {
  const hash: HashName = alg === 'EdDSA' ? 'SHA-512' : hashOf(alg);
  const base = { alg, hash, hashBytes: HASH_SIZES[hash].bytes, blockBytes: HASH_SIZES[hash].block };
  switch (alg.slice(0, 2)) {
    case 'HS':
      return { ...base, family: 'HMAC', kty: 'oct', importParams: { name: 'HMAC', hash }, signParams: { name: 'HMAC' } };
    case 'RS':
      return {
        ...base, family: 'RSA-PKCS1', kty: 'RSA',
        importParams: { name: 'RSASSA-PKCS1-v1_5', hash }, signParams: { name: 'RSASSA-PKCS1-v1_5' },
      };
    case 'PS':
      return {
        ...base, family: 'RSA-PSS', kty: 'RSA',
        importParams: { name: 'RSA-PSS', hash }, signParams: { name: 'RSA-PSS', saltLength: base.hashBytes },
      };
    case 'ES': {
      const crv = ({ '256': 'P-256', '384': 'P-384', '512': 'P-521' } as const)[alg.slice(2) as '256' | '384' | '512'];
      const coordinateBytes = { 'P-256': 32, 'P-384': 48, 'P-521': 66 }[crv];
      return {
        ...base, family: 'ECDSA', kty: 'EC', crv, coordinateBytes,
        importParams: { name: 'ECDSA', namedCurve: crv }, signParams: { name: 'ECDSA', hash },
      };
    }
    default:
      return {
        ...base, family: 'EdDSA', kty: 'OKP', crv: 'Ed25519',
        importParams: { name: 'Ed25519' }, signParams: { name: 'Ed25519' },
      };
  }
}

const TABLE = new Map<string, AlgorithmInfo>(ALGORITHMS.map((alg) => [alg, build(alg)]));

export function isAlgorithm(alg: unknown): alg is Algorithm {
  return typeof alg === 'string' && TABLE.has(alg);
}

/** Looks an algorithm up; a missing alg, `none` and unknown names are not supported for signing or verifying. */
export function algorithmInfo(alg: unknown): AlgorithmInfo {
  const info = typeof alg === 'string' ? TABLE.get(alg) : undefined;
  if (alg === undefined) {
    throw new JwtError('ERR_JOSE_NOT_SUPPORTED', `The header has no "alg" member, so it names no algorithm to sign or verify with. Supported: ${ALGORITHMS.join(', ')}.`, {
      where: { part: 'header' },
    });
  }
  if (!info) {
    const shown = typeof alg === 'string' ? `"${alg}"` : String(alg);
    const why = alg === 'none'
      ? '"none" means the token has no signature at all; it can be decoded, but never trusted.'
      : `Supported: ${ALGORITHMS.join(', ')}.`;
    throw new JwtError('ERR_JOSE_NOT_SUPPORTED', `The algorithm ${shown} is not supported. ${why}`, {
      where: { part: 'header' },
    });
  }
  return info;
}

/** The WebCrypto algorithm name a key of this JWS algorithm has (key.algorithm.name). */
export function webCryptoName(info: AlgorithmInfo): string {
  return info.importParams.name;
}
