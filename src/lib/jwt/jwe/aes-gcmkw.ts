/** AES-GCM key wrap (RFC 7518 §4.7): the CEK encrypted with AES-GCM; its IV and tag go in the header. */
import { buf, concatBytes } from '../bytes';
import type { KeyManagementAlgorithm } from './algorithms';
import { importAes } from './aes';
import type { SecretKey } from './keys';
import type { AesGcmKwStep } from './trace';

const TAG_BYTES = 16;

async function kekKey(kek: SecretKey, alg: KeyManagementAlgorithm): Promise<CryptoKey> {
  return kek.cryptoKey ?? importAes(kek.bytes!, 'AES-GCM', ['encrypt', 'decrypt'], alg);
}

function base(alg: KeyManagementAlgorithm, kek: SecretKey, iv: Uint8Array, tag: Uint8Array) {
  return { stage: 'aes-gcmkw' as const, alg, kekBits: kek.bits, ...(kek.bytes && { kek: kek.bytes }), iv, tag };
}

export async function aesGcmKwWrap(alg: KeyManagementAlgorithm, kek: SecretKey, cek: Uint8Array, iv: Uint8Array): Promise<AesGcmKwStep> {
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: buf(iv), tagLength: 128 }, await kekKey(kek, alg), buf(cek)));
  const split = sealed.length - TAG_BYTES;
  return { ...base(alg, kek, iv, sealed.subarray(split)), cek, encryptedKey: sealed.subarray(0, split), ok: true };
}

/** `ok` false when the GCM tag does not match: the wrong key, or a changed encrypted key, iv or tag. */
export async function aesGcmKwUnwrap(alg: KeyManagementAlgorithm, kek: SecretKey, encryptedKey: Uint8Array, iv: Uint8Array, tag: Uint8Array): Promise<AesGcmKwStep> {
  const key = await kekKey(kek, alg);
  try {
    const cek = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: buf(iv), tagLength: 128 }, key, buf(concatBytes(encryptedKey, tag))));
    return { ...base(alg, kek, iv, tag), cek, encryptedKey, ok: true };
  } catch {
    return { ...base(alg, kek, iv, tag), encryptedKey, ok: false };
  }
}
