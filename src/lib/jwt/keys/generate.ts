/** Fresh keys: random HMAC secrets and key pairs, extractable so the tutorial can show what is inside. */
import { algorithmInfo, type Algorithm } from '../algorithms';
import { keyError } from './common';

export function generateSecret(alg: Algorithm): Uint8Array {
  const info = algorithmInfo(alg);
  if (info.family !== 'HMAC') {
    throw keyError('ERR_KEY_MISMATCH', `${alg} uses a key pair, not a shared secret; use generateKeyPair('${alg}').`);
  }
  return crypto.getRandomValues(new Uint8Array(info.hashBytes));
}

/** A fresh key pair for `alg`, extractable; RSA keys use e = 65537. */
export async function generateKeyPair(alg: Algorithm, { modulusLength = 2048 }: { modulusLength?: number } = {}): Promise<CryptoKeyPair> {
  const info = algorithmInfo(alg);
  if (info.family === 'HMAC') {
    throw keyError('ERR_KEY_MISMATCH', `${alg} uses one shared secret, not a key pair; use generateSecret('${alg}').`);
  }
  const params = info.kty === 'RSA' ? { ...info.importParams, modulusLength, publicExponent: Uint8Array.of(1, 0, 1) } : info.importParams;
  return (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
}