/**
 * What the key modules share: the error every key problem becomes, the algorithm-confusion warning, and the
 * words for what an algorithm needs.
 */
import type { AlgorithmInfo, KeyType } from '../algorithms';
import { JwtError, type ErrorCode, type Where } from '../errors';

export type KeyInput = CryptoKey | Uint8Array;

export interface KeyDescription {
  /** e.g. "an RSA public key, 2048 bits", "an HMAC secret of 12 bytes (96 bits)". */
  description: string;
  kty: KeyType;
  bits: number;
  isPrivate: boolean;
}

/** The fields of CryptoKey.algorithm across the key types used here. */
export interface AnyKeyAlgorithm {
  name: string;
  hash?: { name: string };
  namedCurve?: string;
  modulusLength?: number;
  length?: number;
}

export const CONFUSION =
  'Using a public key as an HMAC secret is the algorithm-confusion attack: anyone who has the public key could forge tokens.';

export function keyError(code: ErrorCode, message: string, where: Partial<Where> = {}, cause?: unknown): JwtError {
  return new JwtError(code, message, { where: { part: 'key', ...where }, cause });
}

/** A refusal that is the algorithm-confusion attack: marked on the error, so callers need not read its words. */
export function confusionError(message: string): JwtError {
  return new JwtError('ERR_KEY_MISMATCH', `${message} ${CONFUSION}`, { where: { part: 'key' }, attack: 'algorithm-confusion' });
}

/** What an algorithm needs, for messages: "an RSA public key", "a P-256 EC key", "a shared secret". */
export function needs(info: AlgorithmInfo, usage?: 'sign' | 'verify'): string {
  const kind = usage === 'sign' ? 'private key' : usage === 'verify' ? 'public key' : 'key';
  switch (info.family) {
    case 'HMAC': return 'a shared secret';
    case 'ECDSA': return `a ${info.crv} EC ${kind}`;
    case 'EdDSA': return `an Ed25519 ${kind}`;
    default: return `an RSA ${kind}`;
  }
}

/** "a" or "an" as the name is spoken: an RSASSA-PSS key, an X25519 key, a P-256 key. */
export function article(name: string): string {
  return /^[AEIOURX]/.test(name) ? `an ${name}` : `a ${name}`;
}

export function assertExtractable(key: CryptoKey): void {
  if (!key.extractable) {
    throw keyError('ERR_KEY_INVALID', 'This key was created as not extractable, so WebCrypto will not show what is inside it.');
  }
}
