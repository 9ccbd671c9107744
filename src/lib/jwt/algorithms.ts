/**
 * The table of JWS algorithms (RFC 7518 §3, RFC 8037), keyed by algorithm: its family, hash, key type, curve,
 * what it needs from WebCrypto, and how a verifier checks its signatures. Nothing else in the project works
 * any of this out from an algorithm's name.
 */
import { JwtError } from './errors';

export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';
export type Family = 'HMAC' | 'RSA-PKCS1' | 'RSA-PSS' | 'ECDSA' | 'EdDSA';
export type KeyType = 'oct' | 'RSA' | 'EC' | 'OKP';
export type Curve = 'P-256' | 'P-384' | 'P-521' | 'Ed25519';

export const ALGORITHMS = [
  'HS256', 'HS384', 'HS512',
  'RS256', 'RS384', 'RS512',
  'PS256', 'PS384', 'PS512',
  'ES256', 'ES384', 'ES512',
  'EdDSA',
] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** What signing the same input twice gives, and why: the family's randomness explained both ways. */
export interface Repeatability {
  /** Whether two signatures of the same input differ. */
  randomized: boolean;
  /** Why the two are equal: expected for a deterministic family, a warning sign for a randomized one. */
  same: string;
  /** Why the two differ: expected for a randomized family, a fault for a deterministic one. */
  different: string;
}

export interface AlgorithmInfo {
  alg: Algorithm;
  family: Family;
  /** The scheme in words: "RSASSA-PSS with SHA-256", "ECDSA on P-256 with SHA-256". */
  name: string;
  kty: KeyType;
  /** The hash the algorithm uses on the signing input (Ed25519 hashes internally with SHA-512). */
  hash: HashName;
  hashBytes: number;
  /** The hash's block size in bytes: HMAC pads the key to this. */
  blockBytes: number;
  /** The curve, for ECDSA and EdDSA. */
  crv?: Curve;
  /** A raw ECDSA signature r‖s is 2 × this many bytes. */
  coordinateBytes?: number;
  /** Parameters for crypto.subtle.importKey / generateKey. */
  importParams: RsaHashedImportParams | HmacImportParams | EcKeyImportParams | Algorithm_;
  /** Parameters for crypto.subtle.sign / verify. */
  signParams: RsaPssParams | EcdsaParams | Algorithm_;
  /** How a verifier checks a signature of this algorithm. */
  checked: string;
  /** What the verifier recomputes from the public key (or the secret) to compare, as a phrase. */
  recomputes: string;
  repeat: Repeatability;
}
type Algorithm_ = { name: string };

const HASH_SIZES: Record<HashName, { bytes: number; block: number }> = {
  'SHA-256': { bytes: 32, block: 64 },
  'SHA-384': { bytes: 48, block: 128 },
  'SHA-512': { bytes: 64, block: 128 },
};

const sizes = (hash: HashName) => ({ hash, hashBytes: HASH_SIZES[hash].bytes, blockBytes: HASH_SIZES[hash].block });

function hmac(alg: Algorithm, hash: HashName): AlgorithmInfo {
  return {
    alg, family: 'HMAC', name: `HMAC with ${hash}`, kty: 'oct', ...sizes(hash),
    importParams: { name: 'HMAC', hash }, signParams: { name: 'HMAC' },
    checked: 'The verifier holds the same secret, so it computes the HMAC of the signing input again and compares it with the signature, in constant time (RFC 7518 §3.2).',
    recomputes: 'the HMAC of the signing input with the shared secret',
    repeat: {
      randomized: false,
      same: 'HMAC has no randomness: the same secret and input always give the same MAC.',
      different: 'HMAC has no randomness, so these should have been equal.',
    },
  };
}

function rsaPkcs1(alg: Algorithm, hash: HashName): AlgorithmInfo {
  return {
    alg, family: 'RSA-PKCS1', name: `RSASSA-PKCS1-v1_5 with ${hash}`, kty: 'RSA', ...sizes(hash),
    importParams: { name: 'RSASSA-PKCS1-v1_5', hash }, signParams: { name: 'RSASSA-PKCS1-v1_5' },
    checked: 'The verifier computes s^e mod n with the public key, builds the padded block EM from the hash of the signing input itself, and compares the two (RFC 8017 §8.2.2).',
    recomputes: 'the padded block EM from the hash of the signing input',
    repeat: {
      randomized: false,
      same: 'The padding is fixed bytes around the hash, so the same key and input always give the same signature.',
      different: 'PKCS#1 v1.5 padding has no randomness, so these should have been equal.',
    },
  };
}

function rsaPss(alg: Algorithm, hash: HashName): AlgorithmInfo {
  const { hashBytes } = sizes(hash);
  return {
    alg, family: 'RSA-PSS', name: `RSASSA-PSS with ${hash}`, kty: 'RSA', ...sizes(hash),
    importParams: { name: 'RSA-PSS', hash }, signParams: { name: 'RSA-PSS', saltLength: hashBytes },
    checked: 'RSA-PSS mixes a fresh random salt into the encoded message. The verifier opens s^e mod n with the public key, reads the salt back out of the block, recomputes the hash of the message with that salt and compares it with the hash in the block (RFC 8017 §9.1.2). The salt is not lost; only the private key is needed to make the signature.',
    recomputes: 'the hash from the salt it reads back out of s^e mod n',
    repeat: {
      randomized: true,
      same: 'PSS mixes a fresh random salt into the padding every time; equal signatures would mean the salt repeated.',
      different: `PSS mixes a fresh random ${hashBytes}-byte salt into the padding every time, so each signature is new.`,
    },
  };
}

function ecdsa(alg: Algorithm, hash: HashName, crv: Curve, coordinateBytes: number): AlgorithmInfo {
  return {
    alg, family: 'ECDSA', name: `ECDSA on ${crv} with ${hash}`, kty: 'EC', ...sizes(hash), crv, coordinateBytes,
    importParams: { name: 'ECDSA', namedCurve: crv }, signParams: { name: 'ECDSA', hash },
    checked: 'ECDSA uses a fresh secret random number k for each signature, and r comes from k. The verifier does not need k: from the hash, s and the public key it computes a curve point, and its x-coordinate must give back r (FIPS 186-5 §6.4.2).',
    recomputes: 'r from the hash, s and the public key',
    repeat: {
      randomized: true,
      same: 'ECDSA picks a fresh random k for every signature; equal signatures would mean k repeated, which gives away the private key.',
      different: 'ECDSA picks a fresh random number k for every signature, and r comes from k, so both halves change.',
    },
  };
}

function eddsa(): AlgorithmInfo {
  return {
    alg: 'EdDSA', family: 'EdDSA', name: 'Ed25519', kty: 'OKP', ...sizes('SHA-512'), crv: 'Ed25519',
    importParams: { name: 'Ed25519' }, signParams: { name: 'Ed25519' },
    checked: 'Ed25519 signatures are deterministic, but making one needs the private key. The verifier checks an equation on the curve with the public key instead of recomputing the signature.',
    recomputes: 'a point on the curve from the signature, the hash and the public key',
    repeat: {
      randomized: false,
      same: 'Ed25519 derives its nonce from the private key and the message, so it is deterministic like RS256, yet only the private key can make it.',
      different: 'Ed25519 derives its nonce from the key and the message, so these should have been equal.',
    },
  };
}

const TABLE: Record<Algorithm, AlgorithmInfo> = {
  HS256: hmac('HS256', 'SHA-256'),
  HS384: hmac('HS384', 'SHA-384'),
  HS512: hmac('HS512', 'SHA-512'),
  RS256: rsaPkcs1('RS256', 'SHA-256'),
  RS384: rsaPkcs1('RS384', 'SHA-384'),
  RS512: rsaPkcs1('RS512', 'SHA-512'),
  PS256: rsaPss('PS256', 'SHA-256'),
  PS384: rsaPss('PS384', 'SHA-384'),
  PS512: rsaPss('PS512', 'SHA-512'),
  ES256: ecdsa('ES256', 'SHA-256', 'P-256', 32),
  ES384: ecdsa('ES384', 'SHA-384', 'P-384', 48),
  ES512: ecdsa('ES512', 'SHA-512', 'P-521', 66),
  EdDSA: eddsa(),
};

export function isAlgorithm(alg: unknown): alg is Algorithm {
  return typeof alg === 'string' && Object.hasOwn(TABLE, alg);
}

/** Looks an algorithm up; a missing alg, `none` and unknown names are errors, never a default family. */
export function algorithmInfo(alg: unknown): AlgorithmInfo {
  if (alg === undefined) {
    throw new JwtError('ERR_JOSE_NOT_SUPPORTED', `The header has no "alg" member, so it names no algorithm to sign or verify with. Supported: ${ALGORITHMS.join(', ')}.`, {
      where: { part: 'header' },
    });
  }
  if (!isAlgorithm(alg)) {
    const shown = typeof alg === 'string' ? `"${alg}"` : String(alg);
    const why = alg === 'none'
      ? '"none" means the token has no signature at all; it can be decoded, but never trusted.'
      : `Supported: ${ALGORITHMS.join(', ')}.`;
    throw new JwtError('ERR_JOSE_NOT_SUPPORTED', `The algorithm ${shown} is not supported. ${why}`, {
      where: { part: 'header' },
    });
  }
  return TABLE[alg];
}

/** The HMAC algorithm that uses `hash`: HS256 for SHA-256. */
export function hmacAlgorithm(hash: HashName): Algorithm {
  return ALGORITHMS.find((alg) => TABLE[alg].family === 'HMAC' && TABLE[alg].hash === hash)!;
}

/** The JWS algorithm of a WebCrypto key's algorithm (name, hash, curve), if JWS has one. */
export function algorithmOfWebCrypto(name: string, hash?: string, curve?: string): Algorithm | undefined {
  return ALGORITHMS.find((alg) => {
    const info = TABLE[alg];
    if (webCryptoName(info) !== name) return false;
    return info.family === 'ECDSA' ? info.crv === curve : info.family === 'EdDSA' || info.hash === hash;
  });
}

/** The WebCrypto algorithm name a key of this JWS algorithm has (key.algorithm.name). */
export function webCryptoName(info: AlgorithmInfo): string {
  return info.importParams.name;
}
