/**
 * AES key wrap (RFC 3394, RFC 7518 §4.4), also the last stage of ECDH-ES+AxxxKW and PBES2. WebCrypto wraps
 * only CryptoKeys, so the CEK travels as an extractable HMAC key, which accepts any length.
 */
import { buf } from '../bytes';
import type { KeyManagementAlgorithm } from './algorithms';
import { importAes } from './aes';
import type { SecretKey } from './keys';
import type { AesKwStep } from './trace';

const CEK_CARRIER: HmacImportParams = { name: 'HMAC', hash: 'SHA-256' };

async function kekKey(kek: SecretKey, alg: KeyManagementAlgorithm): Promise<CryptoKey> {
  return kek.cryptoKey ?? importAes(kek.bytes!, 'AES-KW', ['wrapKey', 'unwrapKey'], alg);
}

function base(alg: KeyManagementAlgorithm, kek: SecretKey) {
  return { stage: 'aes-kw' as const, alg, kekBits: kek.bits, ...(kek.bytes && { kek: kek.bytes }) };
}

export async function aesKwWrap(alg: KeyManagementAlgorithm, kek: SecretKey, cek: Uint8Array): Promise<AesKwStep> {
  const wrapping = await kekKey(kek, alg);
  const carrier = await crypto.subtle.importKey('raw', buf(cek), CEK_CARRIER, true, ['sign']);
  const wrappedKey = new Uint8Array(await crypto.subtle.wrapKey('raw', carrier, wrapping, 'AES-KW'));
  return { ...base(alg, kek), cek, wrappedKey, ok: true };
}

/** `ok` false when RFC 3394's integrity check fails: the wrong key, or a changed encrypted key. */
export async function aesKwUnwrap(alg: KeyManagementAlgorithm, kek: SecretKey, wrappedKey: Uint8Array): Promise<AesKwStep> {
  const wrapping = await kekKey(kek, alg);
  try {
    const carrier = await crypto.subtle.unwrapKey('raw', buf(wrappedKey), wrapping, 'AES-KW', CEK_CARRIER, true, ['sign']);
    return { ...base(alg, kek), cek: new Uint8Array(await crypto.subtle.exportKey('raw', carrier)), wrappedKey, ok: true };
  } catch {
    return { ...base(alg, kek), wrappedKey, ok: false };
  }
}
