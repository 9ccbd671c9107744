/**
 * The keys JWE accepts, checked against the key management algorithm before any use: a CryptoKey, raw bytes
 * (a symmetric key), a JWK, or a password string (PBES2). Each check names what was expected and what came.
 *
 * An RSA or EC key made for signing (chapter 9's RS256 keys are RSASSA-PKCS1-v1_5 CryptoKeys) works for
 * RSA-OAEP and ECDH-ES when it is extractable: the same numbers are imported again with the encryption
 * parameters, because WebCrypto binds each imported key to one algorithm.
 */
import { bytesAndBits } from '../../format';
import { base64urlDecode } from '../base64url';
import { utf8Encode } from '../bytes';
import { article, keyError, type AnyKeyAlgorithm } from '../keys/common';
import { describeKey } from '../keys/fit';
import type { ContentEncryptionInfo, KeyManagementInfo } from './algorithms';

/** What encrypt and decrypt accept as a key. */
export type JweKey = CryptoKey | Uint8Array | JsonWebKey | string;

export type JweUse = 'encrypt' | 'decrypt';

/** A symmetric key: its bytes when they can be read (for the trace), and/or a CryptoKey already imported. */
export interface SecretKey {
  bytes?: Uint8Array;
  cryptoKey?: CryptoKey;
  bits: number;
}

export type EcCurve = 'P-256' | 'P-384' | 'P-521';
const CURVES: readonly string[] = ['P-256', 'P-384', 'P-521'];

const mismatch = (message: string) => keyError('ERR_KEY_MISMATCH', message);
const invalid = (message: string) => keyError('ERR_KEY_INVALID', message);

function isCryptoKey(key: unknown): key is CryptoKey {
  return typeof CryptoKey !== 'undefined' && key instanceof CryptoKey;
}

function isJwk(key: unknown): key is JsonWebKey {
  return typeof key === 'object' && key !== null && !(key instanceof Uint8Array) && !isCryptoKey(key);
}

/** The key in words, for messages and the trace's key step. */
export function describeJweKey(key: JweKey): string {
  if (typeof key === 'string') return `a password of ${key.length} characters`;
  if (key instanceof Uint8Array) return `a key of ${bytesAndBits(key.length)}`;
  if (isCryptoKey(key)) {
    const a = key.algorithm as AnyKeyAlgorithm;
    if (key.type === 'secret') return `${article(a.name)} key of ${a.length} bits`;
    // describeKey speaks of signing; here the WebCrypto algorithm the key was made for is what matters.
    return `${describeKey(key).description.replace(/ \(made for [^)]*\)$/, '')} (made for ${a.name})`;
  }
  if (isJwk(key)) return `a JWK with kty ${JSON.stringify(key.kty)}${key.d ? ' (private)' : ''}`;
  return 'not a key';
}

/**
 * RFC 7517 §4.2 and §4.4: a JWK marked for signatures or for another algorithm is not used here. A dir key is
 * the content key itself, so its "alg" may name the enc it serves (RFC 7520 §5.6 marks one "A128GCM").
 */
function checkJwkMarks(jwk: JsonWebKey & { use?: string }, info: KeyManagementInfo, enc?: ContentEncryptionInfo): void {
  if (jwk.use !== undefined && jwk.use !== 'enc') {
    throw mismatch(`The JWK's "use" is ${JSON.stringify(jwk.use)}, but ${info.alg} encrypts: it needs "enc" (or no "use").`);
  }
  if (jwk.alg !== undefined && jwk.alg !== info.alg && !(info.family === 'dir' && jwk.alg === enc?.enc)) {
    throw mismatch(`The JWK's "alg" is ${JSON.stringify(jwk.alg)}, but it is being used for ${info.alg}; a key marked for one algorithm must not be used with another.`);
  }
}

function refuseOther(key: JweKey, info: KeyManagementInfo, needed: string): never {
  throw mismatch(`${info.alg} needs ${needed}, but this is ${describeJweKey(key)}.`);
}

async function importJwkFor(jwk: JsonWebKey, params: RsaHashedImportParams | EcKeyImportParams, usages: KeyUsage[], what: string): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('jwk', jwk, params, true, usages);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw keyError('ERR_JWK_INVALID', `WebCrypto cannot make ${what} from this JWK (${reason}).`, {}, error);
  }
}

/** The members of a JWK WebCrypto needs, without alg, use, key_ops and ext, which would bind it elsewhere. */
function bareJwk(jwk: JsonWebKey, isPrivate: boolean): JsonWebKey {
  const names = jwk.kty === 'RSA' ? ['n', 'e', ...(isPrivate ? ['d', 'p', 'q', 'dp', 'dq', 'qi'] : [])] : ['crv', 'x', 'y', ...(isPrivate ? ['d'] : [])];
  const out: Record<string, unknown> = { kty: jwk.kty };
  for (const name of names) if (jwk[name as keyof JsonWebKey] !== undefined) out[name] = jwk[name as keyof JsonWebKey];
  return out as JsonWebKey;
}

/** Which half of a pair each direction needs, and the words for a refusal. */
function checkKeyType(type: KeyType | 'private' | 'public', use: JweUse, described: string): void {
  if (use === 'encrypt' && type !== 'public') {
    throw mismatch(`Encrypting needs the recipient's public key, but this is ${described}. Keep the private key for decrypting.`);
  }
  if (use === 'decrypt' && type !== 'private') {
    throw mismatch(`Decrypting needs the recipient's private key, but this is ${described}: a public key can only encrypt.`);
  }
}

/** RSA-OAEP keys: 2048 bits at least (RFC 7518 §4.3), imported for OAEP with the algorithm's hash. */
export async function rsaOaepKey(key: JweKey, info: KeyManagementInfo, use: JweUse): Promise<CryptoKey> {
  const params: RsaHashedImportParams = { name: 'RSA-OAEP', hash: info.hash! };
  const usage: KeyUsage = use === 'encrypt' ? 'encrypt' : 'decrypt';
  let jwk: JsonWebKey;
  if (isCryptoKey(key)) {
    const a = key.algorithm as AnyKeyAlgorithm;
    const described = describeJweKey(key);
    if (!a.name.startsWith('RSA')) refuseOther(key, info, 'an RSA key');
    checkKeyType(key.type, use, described);
    checkModulus(a.modulusLength ?? 0, info);
    if (a.name === 'RSA-OAEP' && a.hash?.name === info.hash && key.usages.includes(usage)) return key;
    if (!key.extractable) {
      throw mismatch(`This RSA key was imported for ${a.name}${a.hash ? ` with ${a.hash.name}` : ''} and cannot be exported, so it cannot be imported again for ${info.alg} (RSA-OAEP with ${info.hash}). Import it for ${info.alg}, or make it extractable.`);
    }
    jwk = await crypto.subtle.exportKey('jwk', key);
  } else if (isJwk(key)) {
    if (key.kty !== 'RSA') throw mismatch(`${info.alg} needs an RSA key (kty "RSA"), but this JWK has kty ${JSON.stringify(key.kty)}.`);
    checkJwkMarks(key, info);
    checkKeyType(key.d === undefined ? 'public' : 'private', use, describeJweKey(key));
    jwk = key;
  } else {
    refuseOther(key, info, "an RSA key (the recipient's public key to encrypt, its private key to decrypt)");
  }
  const imported = await importJwkFor(bareJwk(jwk, use === 'decrypt'), params, [usage], `an ${info.alg} key`);
  checkModulus((imported.algorithm as RsaHashedKeyAlgorithm).modulusLength, info);
  return imported;
}

function checkModulus(bits: number, info: KeyManagementInfo): void {
  if (bits < 2048) throw invalid(`This RSA key has ${bits} bits; ${info.alg} needs a key of 2048 bits or more (RFC 7518 §4.3).`);
}

/**
 * The symmetric key of AES-KW, AES-GCMKW or dir. A CryptoKey must have been made for that very use: an
 * AES-KW key is never taken for AES-GCMKW, nor the reverse. Raw bytes and JWKs ("kty": "oct") fit any.
 */
export async function secretKey(key: JweKey, info: KeyManagementInfo, enc: ContentEncryptionInfo): Promise<SecretKey> {
  const wantBits = info.family === 'dir' ? enc.cekBytes * 8 : info.kwBits!;
  const sizeError = (bits: number) => {
    const what = info.family === 'dir'
      ? `dir uses the key itself as ${enc.enc}'s content key, which is ${bytesAndBits(enc.cekBytes)}`
      : `${info.alg} needs a ${wantBits}-bit key`;
    return invalid(`This key is ${bytesAndBits(bits / 8)}, but ${what}.`);
  };
  if (key instanceof Uint8Array) {
    if (key.length * 8 !== wantBits) throw sizeError(key.length * 8);
    return { bytes: key, bits: wantBits };
  }
  if (isCryptoKey(key)) {
    const a = key.algorithm as AnyKeyAlgorithm;
    if (key.type !== 'secret') refuseOther(key, info, 'a symmetric key');
    if (info.family === 'dir') {
      if (!key.extractable) throw mismatch(`dir needs the key's bytes to use them as ${enc.enc}'s content key, but this CryptoKey cannot be exported. Give the key as bytes or as a JWK.`);
      const bytes = new Uint8Array(await crypto.subtle.exportKey('raw', key));
      if (bytes.length * 8 !== wantBits) throw sizeError(bytes.length * 8);
      return { bytes, bits: wantBits };
    }
    const wantName = info.family === 'AES-KW' ? 'AES-KW' : 'AES-GCM';
    if (a.name !== wantName) {
      throw mismatch(`${info.alg} needs ${wantName === 'AES-KW' ? 'an AES-KW' : 'an AES-GCM'} key, but this is ${describeJweKey(key)}. An AES key is bound to one use: AES key wrap and AES-GCM key wrap never share a key.`);
    }
    if (a.length !== wantBits) throw sizeError(a.length ?? 0);
    const needed: KeyUsage[] = info.family === 'AES-KW' ? ['wrapKey', 'unwrapKey'] : ['encrypt', 'decrypt'];
    if (!needed.some((u) => key.usages.includes(u))) throw mismatch(`This key may only ${key.usages.join(' and ') || 'do nothing'}, but ${info.alg} needs ${needed.join(' or ')}.`);
    const bytes = key.extractable ? new Uint8Array(await crypto.subtle.exportKey('raw', key)) : undefined;
    return { cryptoKey: key, bits: wantBits, ...(bytes && { bytes }) };
  }
  if (isJwk(key)) {
    if (key.kty !== 'oct') throw mismatch(`${info.alg} needs a symmetric key (kty "oct"), but this JWK has kty ${JSON.stringify(key.kty)}.`);
    checkJwkMarks(key, info, enc);
    if (typeof key.k !== 'string') throw keyError('ERR_JWK_INVALID', 'The JWK has no "k" member (the key bytes, base64url).');
    const bytes = base64urlDecode(key.k, 'key');
    if (bytes.length * 8 !== wantBits) throw sizeError(bytes.length * 8);
    return { bytes, bits: wantBits };
  }
  refuseOther(key, info, 'a symmetric key (bytes, a JWK with kty "oct", or an AES CryptoKey)');
}

/** ECDH keys on P-256, P-384 or P-521; an extractable ECDSA key of the same curve is imported again for ECDH. */
export async function ecdhKey(key: JweKey, info: KeyManagementInfo, use: JweUse): Promise<{ key: CryptoKey; crv: EcCurve }> {
  const usages: KeyUsage[] = use === 'decrypt' ? ['deriveBits'] : [];
  let jwk: JsonWebKey;
  if (isCryptoKey(key)) {
    const a = key.algorithm as AnyKeyAlgorithm;
    if (a.name !== 'ECDH' && a.name !== 'ECDSA') refuseOther(key, info, 'an EC key on P-256, P-384 or P-521');
    checkKeyType(key.type, use, describeJweKey(key));
    if (!CURVES.includes(a.namedCurve ?? '')) throw mismatch(`${info.alg} here uses P-256, P-384 or P-521, but this key is on ${a.namedCurve}.`);
    if (a.name === 'ECDH') return { key, crv: a.namedCurve as EcCurve };
    if (!key.extractable) throw mismatch(`This EC key was imported for ECDSA and cannot be exported, so it cannot be imported again for ECDH. Import it for ECDH, or make it extractable.`);
    jwk = await crypto.subtle.exportKey('jwk', key);
  } else if (isJwk(key)) {
    if (key.kty !== 'EC') throw mismatch(`${info.alg} needs an EC key (kty "EC"), but this JWK has kty ${JSON.stringify(key.kty)}.`);
    if (!CURVES.includes(key.crv ?? '')) throw mismatch(`${info.alg} here uses P-256, P-384 or P-521, but this JWK has crv ${JSON.stringify(key.crv)}.`);
    checkJwkMarks(key, info);
    checkKeyType(key.d === undefined ? 'public' : 'private', use, describeJweKey(key));
    jwk = key;
  } else {
    refuseOther(key, info, "an EC key (the recipient's public key to encrypt, its private key to decrypt)");
  }
  const crv = jwk.crv as EcCurve;
  return { key: await importJwkFor(bareJwk(jwk, use === 'decrypt'), { name: 'ECDH', namedCurve: crv }, usages, `an ECDH key on ${crv}`), crv };
}

/** PBES2 takes a password: text (used as UTF-8) or bytes. */
export function passwordBytes(key: JweKey, info: KeyManagementInfo): Uint8Array {
  const bytes = typeof key === 'string' ? utf8Encode(key) : key instanceof Uint8Array ? key : refuseOther(key, info, 'a password (text or bytes)');
  if (bytes.length === 0) throw invalid(`${info.alg} needs a password, but this one is empty.`);
  return bytes;
}

