/** JWKs (RFC 7517, RFC 7518 §6, RFC 8037): checked member by member and imported, exported, and halved. */
import { algorithmInfo, algorithmOfWebCrypto, type Algorithm, type AlgorithmInfo, type KeyType } from '../algorithms';
import { base64urlDecode } from '../base64url';
import { JwtError, type Where } from '../errors';
import { assertExtractable, keyError, needs, type AnyKeyAlgorithm } from './common';

/** The base64url members each key type needs (RFC 7518 §6, RFC 8037 §2); the private ones only if `d` is present. */
const JWK_MEMBERS: Record<KeyType, { public: string[]; private: string[] }> = {
  oct: { public: ['k'], private: [] },
  RSA: { public: ['n', 'e'], private: ['d', 'p', 'q', 'dp', 'dq', 'qi'] },
  EC: { public: ['x', 'y'], private: ['d'] },
  OKP: { public: ['x'], private: ['d'] },
};

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Where a member's value (or its `index`-th character) is in the text the JWK came from, when it came from text. */
type LocateMember = (member: string, index?: number) => Partial<Where>;

/** Validates a JWK for `alg` and imports it: private keys for signing, public keys for verifying. */
export async function importJwk(jwk: unknown, alg: Algorithm): Promise<CryptoKey> {
  return importJwkAt(jwk, alg, () => ({}));
}

export async function importJwkAt(jwk: unknown, alg: Algorithm, locate: LocateMember): Promise<CryptoKey> {
  const info = algorithmInfo(alg);
  const fail = (message: string, member?: string) => keyError('ERR_JWK_INVALID', message, member ? locate(member) : {});
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw fail(`A JWK is a JSON object, but this is ${describeValue(jwk)}.`);
  const o = jwk as Record<string, unknown>;

  if (o.kty === undefined && Array.isArray(o.keys)) {
    throw fail(`This is a JWK Set (a "keys" array of ${o.keys.length} key${o.keys.length === 1 ? '' : 's'}), not one JWK; paste a single key, one of the objects inside "keys".`, 'keys');
  }
  if (o.kty === undefined) throw fail(`The JWK has no "kty" member; ${alg} needs kty "${info.kty}".`);
  if (o.kty !== info.kty) {
    throw fail(`${alg} needs ${needs(info)} (kty "${info.kty}"), but this JWK has kty ${JSON.stringify(o.kty)}.`, 'kty');
  }
  if (o.alg !== undefined && o.alg !== alg) {
    throw fail(`The JWK's "alg" member is ${JSON.stringify(o.alg)}, but the key is being used for ${alg}; a key marked for one algorithm must not be used with another.`, 'alg');
  }
  if (o.use !== undefined && o.use !== 'sig') {
    const why = o.use === 'enc' ? ': this key is meant for encryption' : '';
    throw fail(`The JWK's "use" member is ${JSON.stringify(o.use)}, but signatures need "sig"${why}.`, 'use');
  }
  if (info.crv && o.crv !== info.crv) {
    const given = o.crv === undefined ? 'has no "crv" member' : `has crv ${JSON.stringify(o.crv)}`;
    throw fail(`${alg} needs a key on the ${info.crv} curve (crv "${info.crv}"), but this JWK ${given}.`, 'crv');
  }
  if (o.oth !== undefined) throw fail('This RSA key has more than two primes (the "oth" member); WebCrypto does not support multi-prime RSA.', 'oth');

  const isPrivate = o.d !== undefined;
  const names = [...JWK_MEMBERS[info.kty].public, ...(isPrivate ? JWK_MEMBERS[info.kty].private : [])];
  const clean: Record<string, string> = info.crv ? { kty: info.kty, crv: info.crv } : { kty: info.kty };
  for (const name of names) clean[name] = jwkMember(o, name, info, isPrivate, locate);

  const usages = jwkUsages(o, info, isPrivate, locate);
  try {
    return await crypto.subtle.importKey('jwk', clean as JsonWebKey, info.importParams, true, usages);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw keyError('ERR_JWK_INVALID', `The JWK's members are well-formed, but WebCrypto cannot make ${needs(info)} from their values (${reason}).`, {}, error);
  }
}

/**
 * Why a JWK's public members would not import for `alg` (each present, a string, strict base64url, of the curve's
 * size), as a clause ("the JWK has no \"n\" member; …"), or undefined when they would. No WebCrypto call: a key
 * set checks every key this way when it is read, and imports only the one it selects.
 */
export function publicMembersProblem(jwk: Record<string, unknown>, alg: Algorithm): string | undefined {
  const info = algorithmInfo(alg);
  if (jwk.oth !== undefined) return 'it has more than two primes (the "oth" member), which WebCrypto does not support';
  try {
    for (const name of JWK_MEMBERS[info.kty].public) jwkMember(jwk, name, info, false, () => ({}));
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    return error.message.charAt(0).toLowerCase() + error.message.slice(1).replace(/\.$/, '');
  }
  return undefined;
}

/** The RSA private members WebCrypto needs besides n, e and d (RFC 7518 §6.3.2). */
const RSA_CRT_MEMBERS = ['p', 'q', 'dp', 'dq', 'qi'];

/** One base64url member, present, a string, strictly encoded, and of the size the curve requires. */
function jwkMember(o: Record<string, unknown>, name: string, info: AlgorithmInfo, isPrivate: boolean, locate: LocateMember): string {
  const value = o[name];
  if (value === undefined) {
    if (info.kty === 'RSA' && isPrivate && RSA_CRT_MEMBERS.includes(name)) {
      throw keyError('ERR_JWK_INVALID', `This RSA private key has "d" but no "${name}"; WebCrypto also needs the CRT members p, q, dp, dq and qi. Export the key again with all of them.`);
    }
    const all = [...(info.crv ? ['crv'] : []), ...JWK_MEMBERS[info.kty].public, ...(isPrivate ? JWK_MEMBERS[info.kty].private : [])];
    const list = all.map((m) => `"${m}"`);
    throw keyError('ERR_JWK_INVALID', `The JWK has no "${name}" member; ${needs(info)} needs ${list.slice(0, -1).join(', ')} and ${list.at(-1)}.`);
  }
  if (typeof value !== 'string') {
    throw keyError('ERR_JWK_INVALID', `The JWK's "${name}" member must be a base64url string, but it is ${describeValue(value)}.`, locate(name));
  }
  let bytes: Uint8Array;
  try {
    bytes = base64urlDecode(value, 'key');
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    // base64url's message speaks of "the key"; here the place is one member of it.
    const message = error.message.replace(/([Tt])he key\b/, `$1he JWK's "${name}" member`);
    const { index, char } = error.where ?? {};
    throw keyError('ERR_JWK_INVALID', message, { index, char, ...locate(name, index) }, error);
  }
  if (bytes.length === 0) throw keyError('ERR_JWK_INVALID', `The JWK's "${name}" member is empty.`, locate(name));
  const size = info.kty === 'OKP' ? 32 : info.coordinateBytes;
  if (size !== undefined && bytes.length !== size) {
    throw keyError('ERR_JWK_INVALID', `The JWK's "${name}" member is ${bytes.length} bytes, but on ${info.crv} it must be exactly ${size} bytes.`, locate(name));
  }
  return value;
}

/** The operations to import for; a "key_ops" member (RFC 7517 §4.3) may narrow them. */
function jwkUsages(o: Record<string, unknown>, info: AlgorithmInfo, isPrivate: boolean, locate: LocateMember): KeyUsage[] {
  const wanted: KeyUsage[] = info.family === 'HMAC' ? ['sign', 'verify'] : isPrivate ? ['sign'] : ['verify'];
  if (o.key_ops === undefined) return wanted;
  if (!Array.isArray(o.key_ops)) throw keyError('ERR_JWK_INVALID', `The JWK's "key_ops" member must be an array, but it is ${describeValue(o.key_ops)}.`, locate('key_ops'));
  const allowed = wanted.filter((u) => (o.key_ops as unknown[]).includes(u));
  if (allowed.length === 0) {
    throw keyError('ERR_JWK_INVALID', `The JWK's "key_ops" member allows ${JSON.stringify(o.key_ops)}, but this key would be used to ${wanted.join(' or ')}.`, locate('key_ops'));
  }
  return allowed;
}

/** The JWS algorithm a WebCrypto key was made for, if it is one of ours. */
export function algorithmOfKey(key: CryptoKey): Algorithm | undefined {
  const a = key.algorithm as AnyKeyAlgorithm;
  return algorithmOfWebCrypto(a.name, a.hash?.name, a.namedCurve);
}

/** The JWK of a key, without WebCrypto's "key_ops" and "ext", with the JWS "alg" it was made for. */
export async function exportJwk(key: CryptoKey): Promise<JsonWebKey> {
  assertExtractable(key);
  const jwk = await crypto.subtle.exportKey('jwk', key);
  delete jwk.key_ops;
  delete jwk.ext;
  delete jwk.alg;
  const alg = algorithmOfKey(key);
  return { kty: jwk.kty, ...jwk, ...(alg && { alg }) };
}

export const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;

/** The public half of an RSA, EC or OKP JWK; "key_ops" goes too, since it described the private key. */
export function publicJwk(jwk: JsonWebKey): JsonWebKey {
  if (jwk.kty === 'oct') throw keyError('ERR_JWK_INVALID', 'A shared secret (kty "oct") has no public part: whoever can verify can also sign.');
  const out: JsonWebKey = { ...jwk };
  for (const name of PRIVATE_MEMBERS) delete out[name];
  delete out.key_ops;
  return out;
}