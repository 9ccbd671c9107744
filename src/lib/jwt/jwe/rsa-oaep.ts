/** RSA-OAEP key encryption (RFC 7518 §4.3): WebCrypto encrypts the CEK to the recipient's public key. */
import { buf } from '../bytes';
import type { KeyManagementInfo } from './algorithms';
import type { RsaOaepStep } from './trace';

function base(info: KeyManagementInfo, key: CryptoKey, operation: 'wrap' | 'unwrap') {
  return {
    stage: 'rsa-oaep' as const,
    operation,
    alg: info.alg,
    hash: info.hash as 'SHA-1' | 'SHA-256',
    modulusBits: (key.algorithm as RsaHashedKeyAlgorithm).modulusLength,
  };
}

export async function rsaOaepWrap(info: KeyManagementInfo, publicKey: CryptoKey, cek: Uint8Array): Promise<RsaOaepStep> {
  const encryptedKey = new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, buf(cek)));
  return { ...base(info, publicKey, 'wrap'), cek, encryptedKey, ok: true };
}

/** `ok` false when OAEP decoding fails: the wrong private key, or a changed encrypted key. */
export async function rsaOaepUnwrap(info: KeyManagementInfo, privateKey: CryptoKey, encryptedKey: Uint8Array): Promise<RsaOaepStep> {
  try {
    const cek = new Uint8Array(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, privateKey, buf(encryptedKey)));
    return { ...base(info, privateKey, 'unwrap'), cek, encryptedKey, ok: true };
  } catch {
    return { ...base(info, privateKey, 'unwrap'), encryptedKey, ok: false };
  }
}
