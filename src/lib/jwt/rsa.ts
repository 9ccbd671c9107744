/**
 * RSASSA-PKCS1-v1_5 (RFC 8017 §8.2, §9.2) spelled out: the DigestInfo, the padded message EM, and the
 * public-key operation s^e mod n with BigInt. WebCrypto does the private-key operation and gives every
 * verdict; these functions show what it did and check that the picture agrees with it.
 */
import type { AlgorithmInfo, HashName } from './algorithms';
import { buf, concatBytes, fromHex } from './bytes';
import { base64urlDecode } from './base64url';
import { JwtError } from './errors';
import type { RsaEncodeStep, RsaPublicStep, RsaSignStep } from './trace';

/** DER of DigestInfo up to the digest: SEQUENCE { SEQUENCE { hash OID, NULL }, OCTET STRING (len) }. */
export const DIGEST_INFO_PREFIX: Record<HashName, Uint8Array> = {
  'SHA-256': fromHex('3031300d060960864801650304020105000420'),
  'SHA-384': fromHex('3041300d060960864801650304020205000430'),
  'SHA-512': fromHex('3051300d060960864801650304020305000440'),
};

export function bytesToBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** Big-endian bytes of n, left-padded with zeros to `length`. */
export function bigIntToBytes(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0 && n > 0n; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/** base^exponent mod modulus by square-and-multiply. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  base %= modulus;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
    exponent >>= 1n;
  }
  return modulus === 1n ? 0n : result;
}

/** EMSA-PKCS1-v1_5 encoding of a digest for a modulus of `modulusBits`. */
export function encodePkcs1(hash: HashName, digest: Uint8Array, modulusBits: number): RsaEncodeStep {
  const k = Math.ceil(modulusBits / 8);
  const digestInfoPrefix = DIGEST_INFO_PREFIX[hash];
  const digestInfo = concatBytes(digestInfoPrefix, digest);
  const paddingBytes = k - digestInfo.length - 3;
  if (paddingBytes < 8) {
    throw new JwtError(
      'ERR_KEY_INVALID',
      `A ${modulusBits}-bit RSA key is too small for ${hash}: the padded message needs at least ${digestInfo.length + 11} bytes.`,
      { where: { part: 'key' } },
    );
  }
  const em = new Uint8Array(k);
  em[1] = 0x01;
  em.fill(0xff, 2, 2 + paddingBytes);
  em.set(digestInfo, 3 + paddingBytes);
  return { stage: 'rsa-encode', hash, digest, digestInfo, digestInfoPrefix, paddingBytes, em, modulusBits };
}

/** n and e of an RSA key, public or (extractable) private. */
export async function rsaPublicNumbers(key: CryptoKey): Promise<{ n: bigint; e: bigint; k: number }> {
  const jwk = await crypto.subtle.exportKey('jwk', key);
  const n = base64urlDecode(jwk.n ?? '', 'key');
  return { n: bytesToBigInt(n), e: bytesToBigInt(base64urlDecode(jwk.e ?? '', 'key')), k: n.length };
}

export async function rsaSignStep(
  info: AlgorithmInfo,
  privateKey: CryptoKey,
  encoded: RsaEncodeStep,
  signingInput: Uint8Array,
): Promise<RsaSignStep> {
  const signature = new Uint8Array(await crypto.subtle.sign(info.signParams, privateKey, buf(signingInput)));
  const { n, e } = await rsaPublicNumbers(privateKey);
  const m = bytesToBigInt(encoded.em);
  const s = bytesToBigInt(signature);
  const check = modPow(s, e, n);
  if (check !== m) {
    throw new JwtError(
      'ERR_TRACE_MISMATCH',
      'WebCrypto signed something other than the padded message shown here (s^e mod n ≠ m). This is a bug in the trace; the signature itself is WebCrypto\'s.',
    );
  }
  return { stage: 'rsa-sign', m, signature, s, n, e, check };
}

export async function rsaPublicStep(publicKey: CryptoKey, signature: Uint8Array): Promise<RsaPublicStep> {
  const { n, e, k } = await rsaPublicNumbers(publicKey);
  const s = bytesToBigInt(signature);
  const inRange = signature.length === k && s < n;
  const m = modPow(s, e, n);
  return { stage: 'rsa-public', signature, s, n, e, m, em: bigIntToBytes(m, k), inRange };
}
