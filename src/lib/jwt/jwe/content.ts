/**
 * Content encryption (RFC 7518 §5): AES-GCM as WebCrypto does it, and AES-CBC with HMAC-SHA-2 composed by hand
 * as encrypt-then-MAC (§5.2), with every intermediate value kept for the trace.
 */
import { buf, concatBytes, firstDifference } from '../bytes';
import { JwtError } from '../errors';
import type { ContentEncryptionInfo } from './algorithms';
import { importAes } from './aes';
import type { CbcDecryptStep, CbcHmacEncryptStep, CbcHmacMac, CbcHmacTagStep, GcmDecryptStep, GcmEncryptStep } from './trace';

const AES_BLOCK = 16;

/** PKCS#7 padding (RFC 5652 §6.3): n bytes of value n, 1 ≤ n ≤ 16, so there is always at least one. */
function pkcs7Padding(length: number): Uint8Array {
  const n = AES_BLOCK - (length % AES_BLOCK);
  return new Uint8Array(n).fill(n);
}

/** The AAD's length in bits as a 64-bit big-endian integer (RFC 7518 §5.2.2.1 step 4). */
function aadLength(aad: Uint8Array): Uint8Array {
  const al = new Uint8Array(8);
  new DataView(al.buffer).setBigUint64(0, BigInt(aad.length) * 8n);
  return al;
}

/** Compares in time that depends only on the length, so a forger learns nothing from how long it took. */
function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** MAC_KEY is the CEK's first half, ENC_KEY its second (RFC 7518 §5.2.2.1 step 1); then the HMAC over AAD ‖ IV ‖ C ‖ AL. */
async function cbcHmacMac(info: ContentEncryptionInfo, cek: Uint8Array, iv: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Promise<CbcHmacMac> {
  const half = cek.length / 2;
  const macKey = cek.subarray(0, half);
  const encKey = cek.subarray(half);
  const al = aadLength(aad);
  const macInput = concatBytes(aad, iv, ciphertext, al);
  const hash = info.hash!;
  const key = await crypto.subtle.importKey('raw', buf(macKey), { name: 'HMAC', hash }, false, ['sign']);
  const hmac = new Uint8Array(await crypto.subtle.sign('HMAC', key, buf(macInput)));
  return { enc: info.enc, hash, macKey, encKey, al, macInput, hmac };
}

function traceMismatch(what: string): JwtError {
  return new JwtError('ERR_TRACE_MISMATCH', `The padding computed here and ${what} disagree. This is a bug in the trace; WebCrypto's result stands.`);
}

export async function encryptGcm(info: ContentEncryptionInfo, cek: Uint8Array, iv: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Promise<GcmEncryptStep> {
  const key = await importAes(cek, 'AES-GCM', ['encrypt'], info.enc);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: buf(iv), additionalData: buf(aad), tagLength: 128 }, key, buf(plaintext)));
  // WebCrypto appends the 16-byte tag to the ciphertext; JWE carries them as two parts.
  const split = sealed.length - info.tagBytes;
  return { stage: 'gcm-encrypt', enc: info.enc, plaintext, ciphertext: sealed.subarray(0, split), tag: sealed.subarray(split) };
}

export async function decryptGcm(info: ContentEncryptionInfo, cek: Uint8Array, iv: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array): Promise<GcmDecryptStep> {
  const key = await importAes(cek, 'AES-GCM', ['decrypt'], info.enc);
  const step: GcmDecryptStep = { stage: 'gcm-decrypt', enc: info.enc, ciphertext, tag, ok: false };
  try {
    const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: buf(iv), additionalData: buf(aad), tagLength: 128 }, key, buf(concatBytes(ciphertext, tag)));
    return { ...step, plaintext: new Uint8Array(opened), ok: true };
  } catch {
    // WebCrypto says only OperationError: the tag did not match this header, IV, ciphertext and key.
    return step;
  }
}

/** `check`: also confirm, with a second AES-CBC call, that WebCrypto padded exactly as computed here (for the trace). */
export async function encryptCbcHmac(info: ContentEncryptionInfo, cek: Uint8Array, iv: Uint8Array, aad: Uint8Array, plaintext: Uint8Array, check = false): Promise<CbcHmacEncryptStep> {
  const encKey = cek.subarray(cek.length / 2);
  const key = await importAes(encKey, 'AES-CBC', ['encrypt'], info.enc);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: buf(iv) }, key, buf(plaintext)));
  const padding = pkcs7Padding(plaintext.length);
  const paddedPlaintext = concatBytes(plaintext, padding);
  if (check) {
    // Encrypting the padded plaintext gives the same blocks, plus one block of fresh padding at the end.
    const again = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: buf(iv) }, key, buf(paddedPlaintext)));
    if (ciphertext.length !== paddedPlaintext.length || firstDifference(again.subarray(0, ciphertext.length), ciphertext) !== -1) {
      throw traceMismatch("the padding WebCrypto's AES-CBC added");
    }
  }
  const mac = await cbcHmacMac(info, cek, iv, aad, ciphertext);
  return { stage: 'cbc-hmac-encrypt', ...mac, plaintext, padding, paddedPlaintext, ciphertext, tag: mac.hmac.subarray(0, info.tagBytes) };
}

/** The tag is checked first, in constant time; nothing is decrypted unless it matches (RFC 7518 §5.2.2.2). */
export async function checkCbcHmacTag(info: ContentEncryptionInfo, cek: Uint8Array, iv: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array): Promise<CbcHmacTagStep> {
  const mac = await cbcHmacMac(info, cek, iv, aad, ciphertext);
  const computedTag = mac.hmac.subarray(0, info.tagBytes);
  return { stage: 'cbc-hmac-tag', ...mac, computedTag, receivedTag: tag, ok: equalInConstantTime(computedTag, tag) };
}

/** Only after the tag matched. Undefined if WebCrypto finds bad padding, which a genuine sender never produces. */
export async function decryptCbc(info: ContentEncryptionInfo, cek: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Promise<CbcDecryptStep | undefined> {
  const key = await importAes(cek.subarray(cek.length / 2), 'AES-CBC', ['decrypt'], info.enc);
  let plaintext: Uint8Array;
  try {
    plaintext = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: buf(iv) }, key, buf(ciphertext)));
  } catch {
    return undefined;
  }
  const padding = pkcs7Padding(plaintext.length);
  if (plaintext.length + padding.length !== ciphertext.length) throw traceMismatch('the padding WebCrypto removed');
  return { stage: 'cbc-decrypt', enc: info.enc, ciphertext, plaintext, padding };
}
