/**
 * Keys for every JWS algorithm, all through WebCrypto: secrets, JWKs (RFC 7517, 7518 §6, 8037), PEM,
 * generation, export, thumbprints (RFC 7638), and the checks that a key fits an algorithm before it is used.
 * Keys are extractable on purpose: the tutorial shows what is inside them.
 */
import { algorithmInfo, isAlgorithm, webCryptoName, type Algorithm, type AlgorithmInfo, type KeyType } from './algorithms';
import { base64urlDecode, base64urlEncode } from './base64url';
import { buf, findInvalidUtf8, utf8Decode, utf8Encode } from './bytes';
import {
  OID_NAMES, derBitString, derInteger, derNull, derOctetString, derOid, derSequence, readDer, type DerNode,
} from './der';
import { JwtError, type ErrorCode, type Where } from './errors';
import { lineColumn, parseJsonObject, type JsonMember, type ParsedObject } from './json';
import { parsePem, toPem } from './pem';

export type KeyInput = CryptoKey | Uint8Array;

export interface KeyDescription {
  /** e.g. "an RSA public key, 2048 bits", "an HMAC secret of 12 bytes (96 bits)". */
  description: string;
  kty: KeyType;
  bits: number;
  isPrivate: boolean;
}

/** The fields of CryptoKey.algorithm across the key types used here. */
interface AnyKeyAlgorithm {
  name: string;
  hash?: { name: string };
  namedCurve?: string;
  modulusLength?: number;
  length?: number;
}

const RSA_OID = '1.2.840.113549.1.1.1';
const RSA_PSS_OID = '1.2.840.113549.1.1.10';
const EC_OID = '1.2.840.10045.2.1';
const ED25519_OID = '1.3.101.112';
const CURVE_OIDS: Record<string, string> = { 'P-256': '1.2.840.10045.3.1.7', 'P-384': '1.3.132.0.34', 'P-521': '1.3.132.0.35' };
const CURVE_BITS: Record<string, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521 };
const CURVE_ALGORITHMS: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };

const CONFUSION =
  'Using a public key as an HMAC secret is the algorithm-confusion attack: anyone who has the public key could forge tokens.';

function keyError(code: ErrorCode, message: string, where: Partial<Where> = {}, cause?: unknown): JwtError {
  return new JwtError(code, message, { where: { part: 'key', ...where }, cause });
}

/** What an algorithm needs, for messages: "an RSA public key", "a P-256 EC key", "a shared secret". */
function needs(info: AlgorithmInfo, usage?: 'sign' | 'verify'): string {
  const kind = usage === 'sign' ? 'private key' : usage === 'verify' ? 'public key' : 'key';
  switch (info.family) {
    case 'HMAC': return 'a shared secret';
    case 'ECDSA': return `a ${info.crv} EC ${kind}`;
    case 'EdDSA': return `an Ed25519 ${kind}`;
    default: return `an RSA ${kind}`;
  }
}

// Secrets

export function secretFromText(text: string): Uint8Array {
  return utf8Encode(text);
}

/** Strict base64url; an error names the character and its place in the key. */
export function secretFromBase64url(text: string): Uint8Array {
  return base64urlDecode(text, 'key');
}

/** Refuses secrets that are really asymmetric keys pasted as text: the algorithm-confusion mistake. */
export function checkHmacSecret(bytes: Uint8Array): void {
  if (bytes.length === 0) {
    throw keyError('ERR_KEY_INVALID', 'The secret is empty; HMAC needs a secret at least as long as its hash output.');
  }
  const text = findInvalidUtf8(bytes) === -1 ? utf8Decode(bytes, 'key').trim() : '';
  if (text.includes('-----BEGIN')) {
    const label = /-----BEGIN ([^-]+)-----/.exec(text)?.[1] ?? '';
    if (label.includes('PRIVATE')) {
      throw keyError('ERR_KEY_MISMATCH', `This secret is a private key in PEM form ("${label}"). HMAC needs a shared secret; a private key signs with an RS, PS, ES or EdDSA algorithm.`);
    }
    const what = label === 'CERTIFICATE' ? 'a certificate (which holds a public key)' : 'a public key';
    throw keyError('ERR_KEY_MISMATCH', `This secret is ${what} in PEM form. ${CONFUSION}`);
  }
  const jwk = text.startsWith('{') ? parseJsonOrUndefined(text) : undefined;
  if (typeof jwk === 'object' && jwk !== null && ['RSA', 'EC', 'OKP'].includes((jwk as { kty?: unknown }).kty as string)) {
    const kty = (jwk as { kty: string }).kty;
    if ('d' in jwk) {
      throw keyError('ERR_KEY_MISMATCH', `This secret is the JSON text of an ${kty} private key (a JWK). HMAC needs a shared secret; a private key signs with an RS, PS, ES or EdDSA algorithm.`);
    }
    throw keyError('ERR_KEY_MISMATCH', `This secret is the JSON text of an ${kty} public key (a JWK). ${CONFUSION}`);
  }
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function generateSecret(alg: Algorithm): Uint8Array {
  const info = algorithmInfo(alg);
  if (info.family !== 'HMAC') {
    throw keyError('ERR_KEY_MISMATCH', `${alg} uses a key pair, not a shared secret; use generateKeyPair('${alg}').`);
  }
  return crypto.getRandomValues(new Uint8Array(info.hashBytes));
}

// JWK

/** The base64url members each key type needs (RFC 7518 §6, RFC 8037 §2); the private ones only if `d` is present. */
const JWK_MEMBERS: Record<KeyType, { public: string[]; private: string[] }> = {
  oct: { public: ['k'], private: [] },
  RSA: { public: ['n', 'e'], private: ['d', 'p', 'q', 'dp', 'dq', 'qi'] },
  EC: { public: ['x', 'y'], private: ['d'] },
  OKP: { public: ['x'], private: ['d'] },
};

function describeValue(value: unknown): string {
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

async function importJwkAt(jwk: unknown, alg: Algorithm, locate: LocateMember): Promise<CryptoKey> {
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
function algorithmOfKey(key: CryptoKey): Algorithm | undefined {
  const a = key.algorithm as AnyKeyAlgorithm;
  const bits = a.hash?.name.replace('SHA-', '');
  const names: Record<string, string | undefined> = {
    HMAC: `HS${bits}`,
    'RSASSA-PKCS1-v1_5': `RS${bits}`,
    'RSA-PSS': `PS${bits}`,
    ECDSA: CURVE_ALGORITHMS[a.namedCurve ?? ''],
    Ed25519: 'EdDSA',
  };
  const name = names[a.name];
  return isAlgorithm(name) ? name : undefined;
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

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;

/** The public half of an RSA, EC or OKP JWK; "key_ops" goes too, since it described the private key. */
export function publicJwk(jwk: JsonWebKey): JsonWebKey {
  if (jwk.kty === 'oct') throw keyError('ERR_JWK_INVALID', 'A shared secret (kty "oct") has no public part: whoever can verify can also sign.');
  const out: JsonWebKey = { ...jwk };
  for (const name of PRIVATE_MEMBERS) delete out[name];
  delete out.key_ops;
  return out;
}

/** The members RFC 7638 §3.2 hashes, already in lexicographic order. */
const THUMBPRINT_MEMBERS: Record<KeyType, string[]> = {
  RSA: ['e', 'kty', 'n'],
  EC: ['crv', 'kty', 'x', 'y'],
  OKP: ['crv', 'kty', 'x'],
  oct: ['k', 'kty'],
};

/** The text RFC 7638 §3 hashes: the required members only, in lexicographic order, as JSON without whitespace. */
export function thumbprintInput(jwk: JsonWebKey): string {
  const o = jwk as Record<string, unknown>;
  const kty = o.kty;
  if (typeof kty !== 'string' || !Object.hasOwn(THUMBPRINT_MEMBERS, kty)) {
    throw keyError('ERR_JWK_INVALID', `A thumbprint needs kty "RSA", "EC", "OKP" or "oct", but this JWK has kty ${JSON.stringify(kty)}.`);
  }
  const members = THUMBPRINT_MEMBERS[kty as KeyType].map((name) => {
    if (typeof o[name] !== 'string') throw keyError('ERR_JWK_INVALID', `A thumbprint of a kty "${kty}" key needs the "${name}" member as a string.`);
    return [name, o[name]];
  });
  return JSON.stringify(Object.fromEntries(members));
}

/** RFC 7638 thumbprint: SHA-256 over thumbprintInput, base64url. */
export async function thumbprint(jwk: JsonWebKey): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', buf(utf8Encode(thumbprintInput(jwk))));
  return base64urlEncode(new Uint8Array(digest));
}

// PEM

/** Reads a PEM key for `alg`: SPKI or PKCS#8, and PKCS#1 RSA keys, which are wrapped into those first. */
export async function importPem(pem: string, alg: Algorithm): Promise<CryptoKey> {
  const info = algorithmInfo(alg);
  if (info.family === 'HMAC') {
    throw keyError('ERR_KEY_MISMATCH', `${alg} needs a shared secret, not a PEM key. ${CONFUSION}`);
  }
  const { label, der } = parsePem(pem);
  const { format, body } = pemBody(label, der);
  const { oid, curve } = keyAlgorithm(readPemDer(body, label), format, label);
  if (oid === RSA_PSS_OID && info.kty === 'RSA') {
    throw keyError('ERR_KEY_INVALID', 'This PEM holds an RSA key restricted to RSA-PSS (OID 1.2.840.113549.1.1.10). WebCrypto reads RSA keys only as plain rsaEncryption keys; export the key in that form, which works for PS256 as well.');
  }
  const fits = info.kty === 'RSA' ? oid === RSA_OID
    : info.family === 'ECDSA' ? oid === EC_OID && curve === CURVE_OIDS[info.crv!]
    : oid === ED25519_OID;
  if (!fits) throw keyError('ERR_KEY_MISMATCH', `This PEM holds ${pemKeyKind(oid, curve)}, but ${alg} needs ${needs(info)}.`);

  try {
    return await crypto.subtle.importKey(format, buf(body), info.importParams, true, [format === 'spki' ? 'verify' : 'sign']);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw keyError('ERR_KEY_INVALID', `The PEM is well-formed, but WebCrypto cannot read the key inside it (${reason}).`, {}, error);
  }
}

/** Reads the DER of a PEM block; when it is cut short, says that the base64 is likely incomplete. */
function readPemDer(der: Uint8Array, label: string): DerNode {
  try {
    return readDer(der);
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    const short = /remain|ends here|ends first/.test(error.message)
      ? ' The bytes stop before the key does: was part of the base64 lost when it was copied?'
      : '';
    throw keyError('ERR_KEY_INVALID', `The base64 of this ${label} block decodes to ${der.length} bytes, but they are not well-formed DER. ${error.message}${short}`, {}, error);
  }
}

/** The DER WebCrypto reads for a PEM label, and in which format. */
function pemBody(label: string, der: Uint8Array): { format: 'spki' | 'pkcs8'; body: Uint8Array } {
  switch (label) {
    case 'PUBLIC KEY': return { format: 'spki', body: der };
    case 'PRIVATE KEY': return { format: 'pkcs8', body: der };
    case 'RSA PUBLIC KEY': return { format: 'spki', body: spkiFromPkcs1(der) };
    case 'RSA PRIVATE KEY': return { format: 'pkcs8', body: pkcs8FromPkcs1(der) };
    default: throw keyError('ERR_KEY_INVALID', unsupportedLabel(label));
  }
}

function unsupportedLabel(label: string): string {
  switch (label) {
    case 'CERTIFICATE':
      return 'This is a certificate, not a key. Paste the public key inside it instead: "openssl x509 -in cert.pem -pubkey -noout" prints it as a PUBLIC KEY block.';
    case 'ENCRYPTED PRIVATE KEY':
      return 'This private key is encrypted with a password, which WebCrypto cannot open. Decrypt it first ("openssl pkey -in key.pem -out plain.pem") and paste the PRIVATE KEY block.';
    case 'EC PRIVATE KEY':
      return 'This is an EC private key in the older SEC 1 form. Convert it to PKCS#8 ("openssl pkey -in key.pem -out pkcs8.pem") and paste the PRIVATE KEY block.';
    default:
      return `A "${label}" block is not a key format read here. Paste a PUBLIC KEY, PRIVATE KEY, RSA PUBLIC KEY or RSA PRIVATE KEY block.`;
  }
}

/** "a" or "an" as the name is spoken: an RSASSA-PSS key, an X25519 key, a P-256 key. */
function article(name: string): string {
  return /^[AEIOURX]/.test(name) ? `an ${name}` : `a ${name}`;
}

/** The `index`-th element inside `parent`, which must have the tag `tagName`; `role` names it for messages. */
function child(parent: DerNode, index: number, tagName: string, role: string, label: string): DerNode {
  const node = parent.children?.[index];
  if (!node) {
    const end = parent.offset + parent.headerLength + parent.length;
    throw keyError('ERR_KEY_INVALID', `This ${label} ends at byte ${end}, where ${role} (${article(tagName)}) should follow.`);
  }
  if (node.tagName !== tagName) {
    throw keyError('ERR_KEY_INVALID', `At byte ${node.offset}, this ${label} should hold ${role} (${article(tagName)}), but it has ${article(node.tagName)}.`);
  }
  return node;
}

/**
 * The algorithm OID (and curve OID) of an SPKI (SEQUENCE { AlgorithmIdentifier, BIT STRING }) or PKCS#8
 * (SEQUENCE { INTEGER version, AlgorithmIdentifier, OCTET STRING, … }) structure.
 */
function keyAlgorithm(root: DerNode, format: 'spki' | 'pkcs8', label: string): { oid: string; curve?: string } {
  if (root.tagName !== 'SEQUENCE') {
    throw keyError('ERR_KEY_INVALID', `A ${label} block holds a SEQUENCE, but this one holds ${article(root.tagName)}.`);
  }
  const first = format === 'spki' ? 0 : 1;
  if (format === 'pkcs8') child(root, 0, 'INTEGER', 'the version', label);
  const algorithmId = child(root, first, 'SEQUENCE', 'the algorithm identifier', label);
  child(root, first + 1, format === 'spki' ? 'BIT STRING' : 'OCTET STRING', 'the key itself', label);
  const oid = child(algorithmId, 0, 'OBJECT IDENTIFIER', 'the algorithm', label).oid!;
  return { oid, curve: algorithmId.children?.[1]?.oid };
}

function pemKeyKind(oid: string, curve: string | undefined): string {
  if (oid === RSA_OID) return 'an RSA key';
  if (oid === EC_OID) return `${article(curve && OID_NAMES[curve] ? OID_NAMES[curve] : 'unknown-curve')} EC key`;
  const name = OID_NAMES[oid];
  return name ? `${article(name)} key` : `a key of an unknown kind (algorithm OID ${oid})`;
}

/** AlgorithmIdentifier { rsaEncryption, NULL } (RFC 8017 Appendix A.1). */
function rsaAlgorithmId(): Uint8Array {
  return derSequence(derOid(RSA_OID), derNull());
}

/** Checks that PKCS#1 DER is a SEQUENCE of exactly the INTEGERs `roles` names (RFC 8017 Appendix A.1). */
function checkPkcs1(der: Uint8Array, label: string, roles: string[]): DerNode {
  const root = readPemDer(der, label);
  if (root.tagName !== 'SEQUENCE') {
    throw keyError('ERR_KEY_INVALID', `An ${label} block holds a SEQUENCE, but this one holds ${article(root.tagName)}.`);
  }
  roles.forEach((role, i) => child(root, i, 'INTEGER', role, label));
  if (root.children!.length > roles.length) {
    throw keyError('ERR_KEY_INVALID', `This ${label} has ${root.children!.length} elements, but ${roles.length} are expected; keys with more than two primes are not supported by WebCrypto.`);
  }
  return root;
}

function spkiFromPkcs1(der: Uint8Array): Uint8Array {
  checkPkcs1(der, 'RSA PUBLIC KEY', ['the modulus n', 'the public exponent e']);
  return derSequence(rsaAlgorithmId(), derBitString(der));
}

function pkcs8FromPkcs1(der: Uint8Array): Uint8Array {
  const roles = ['the version', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'];
  const root = checkPkcs1(der, 'RSA PRIVATE KEY', roles);
  const version = root.children![0]!;
  if (version.length !== 1 || version.value[0] !== 0) {
    throw keyError('ERR_KEY_INVALID', `At byte ${version.offset}, this RSA PRIVATE KEY has version ${version.value[0]}; only version 0 (two primes) is supported.`);
  }
  return derSequence(derInteger(0), rsaAlgorithmId(), derOctetString(der));
}

/** SPKI "PUBLIC KEY" for a public key, PKCS#8 "PRIVATE KEY" for a private one. */
export async function exportPem(key: CryptoKey): Promise<string> {
  if (key.type === 'secret') throw keyError('ERR_KEY_MISMATCH', 'An HMAC secret has no PEM form; export it as a JWK or as base64url.');
  assertExtractable(key);
  const [format, label] = key.type === 'private' ? ['pkcs8', 'PRIVATE KEY'] as const : ['spki', 'PUBLIC KEY'] as const;
  return toPem(label, new Uint8Array(await crypto.subtle.exportKey(format, key)));
}

function assertExtractable(key: CryptoKey): void {
  if (!key.extractable) {
    throw keyError('ERR_KEY_INVALID', 'This key was created as not extractable, so WebCrypto will not show what is inside it.');
  }
}

// Keys as text

/**
 * A key pasted as text, for `alg`: a PEM block, or a JWK as JSON. A JSON error names its line and column,
 * and an error in a JWK member points at that member's value in the text.
 */
export async function importKeyText(text: string, alg: Algorithm): Promise<CryptoKey> {
  const first = text.search(/\S/);
  if (first === -1) {
    throw keyError('ERR_KEY_INVALID', 'There is no key here yet: paste a PEM block (from "-----BEGIN" to "-----END") or a JWK ({ … }).');
  }
  if (!'{["'.includes(text[first]!)) return importPem(text, alg);
  const { value, members } = parseJwkText(text);
  return importJwkAt(value, alg, (member, index) => memberPlace(text, members, member, index));
}

function parseJwkText(text: string): ParsedObject {
  try {
    return parseJsonObject(text, 'payload');
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    // The JSON parser names the part of a token it was given; this text is a JWK.
    const message = error.message.replace(/\b([Tt])he payload\b/g, '$1he JWK');
    const where: Where = { ...error.where, part: 'key' };
    const related: Where | undefined = error.related && { ...error.related, part: 'key' };
    throw new JwtError(error.code, message, { where, related, cause: error });
  }
}

/** Where a member's value starts in the text, or its `index`-th character when the string has no escapes. */
function memberPlace(text: string, members: JsonMember[], member: string, index?: number): Partial<Where> {
  const found = members.find((m) => m.key === member);
  if (!found) return {};
  const raw = text.slice(found.valueStart, found.valueEnd);
  const at = index !== undefined && raw.startsWith('"') && !raw.includes('\\') ? found.valueStart + 1 + index : found.valueStart;
  return { index: at, ...lineColumn(text, at) };
}

// Generation

/** A fresh key pair for `alg`, extractable; RSA keys use e = 65537. */
export async function generateKeyPair(alg: Algorithm, { modulusLength = 2048 }: { modulusLength?: number } = {}): Promise<CryptoKeyPair> {
  const info = algorithmInfo(alg);
  if (info.family === 'HMAC') {
    throw keyError('ERR_KEY_MISMATCH', `${alg} uses one shared secret, not a key pair; use generateSecret('${alg}').`);
  }
  const params = info.kty === 'RSA' ? { ...info.importParams, modulusLength, publicExponent: Uint8Array.of(1, 0, 1) } : info.importParams;
  return (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
}

// Describing and checking

function secretDescription(bytes: number): KeyDescription {
  const size = bytes === 1 ? '1 byte' : `${bytes} bytes`;
  return { description: `an HMAC secret of ${size} (${bytes * 8} bits)`, kty: 'oct', bits: bytes * 8, isPrivate: true };
}

export function describeKey(key: KeyInput): KeyDescription {
  if (key instanceof Uint8Array) return secretDescription(key.length);
  const a = key.algorithm as AnyKeyAlgorithm;
  if (a.name === 'HMAC') return secretDescription((a.length ?? 0) / 8);
  const isPrivate = key.type !== 'public';
  const visibility = key.type === 'private' ? 'private' : 'public';
  // Keys made for encryption or key agreement can still be handed in by mistake; say so.
  const purpose = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA', 'Ed25519'].includes(a.name) ? '' : ` (made for ${a.name}, not for signing)`;
  if (a.name.startsWith('RSA')) {
    const bits = a.modulusLength ?? 0;
    return { description: `an RSA ${visibility} key, ${bits} bits${purpose}`, kty: 'RSA', bits, isPrivate };
  }
  if (a.name === 'ECDSA' || a.name === 'ECDH') {
    const crv = a.namedCurve ?? 'unknown-curve';
    return { description: `${article(crv)} EC ${visibility} key${purpose}`, kty: 'EC', bits: CURVE_BITS[crv] ?? 0, isPrivate };
  }
  if (/^(Ed|X)(25519|448)$/.test(a.name)) {
    return { description: `${article(a.name)} ${visibility} key${purpose}`, kty: 'OKP', bits: a.name.endsWith('448') ? 448 : 256, isPrivate };
  }
  const bits = a.length ?? 0;
  return { description: `${article(a.name)} key${purpose}`, kty: 'oct', bits, isPrivate };
}

/** Weak keys are flagged, not refused: the tutorial lets a learner see what a weak key does. */
export function keyWarnings(key: KeyInput, alg: Algorithm): string[] {
  const info = algorithmInfo(alg);
  const { kty, bits } = describeKey(key);
  if (info.family === 'HMAC' && kty === 'oct' && bits < info.hashBytes * 8) {
    return [
      `This secret is ${bits / 8} bytes; ${alg} needs at least ${info.hashBytes} bytes (${info.hashBytes * 8} bits), as long as its hash output (RFC 7518 §3.2). A short secret can be found by trying guesses against a single token, offline.`,
    ];
  }
  if (info.kty === 'RSA' && kty === 'RSA' && bits < 2048) {
    return [`This RSA key has ${bits} bits; RFC 7518 §3.3 requires at least 2048 bits. Smaller keys are no longer considered safe.`];
  }
  return [];
}

/** Refuses a key that cannot do `usage` for `alg`, naming what was expected and what was given. */
export function assertKeyFits(key: KeyInput, alg: Algorithm, usage: 'sign' | 'verify'): void {
  const info = algorithmInfo(alg);
  const mismatch = (message: string) => keyError('ERR_KEY_MISMATCH', message);
  if (key instanceof Uint8Array) {
    if (info.family !== 'HMAC') {
      throw mismatch(`${alg} needs ${needs(info, usage)}, but this is a byte string, a shared secret as HMAC (HS256, HS384, HS512) uses.`);
    }
    checkHmacSecret(key);
    return;
  }

  const given = describeKey(key);
  const a = key.algorithm as AnyKeyAlgorithm;
  const madeFor = algorithmOfKey(key);
  if (a.name !== webCryptoName(info)) {
    if (info.kty === 'RSA' && given.kty === 'RSA' && madeFor) {
      // The same RSA key works for both schemes, but WebCrypto binds each imported key to one.
      throw mismatch(`${alg} needs a key imported for ${webCryptoName(info)}, but this key (${given.description}) was imported for ${a.name} (${madeFor}). Import it again for ${alg}.`);
    }
    const attack = info.family === 'HMAC' && key.type === 'public' ? ` ${CONFUSION}` : '';
    throw mismatch(`${alg} needs ${needs(info, usage)}, but this is ${given.description}.${attack}`);
  }
  if (a.hash && a.hash.name !== info.hash) {
    throw mismatch(`This key was imported for ${a.hash.name}${madeFor ? ` (${madeFor})` : ''}, but ${alg} uses ${info.hash}. WebCrypto binds a key to one hash; import it again for ${alg}.`);
  }
  if (info.crv && a.namedCurve !== undefined && a.namedCurve !== info.crv) {
    throw mismatch(`${alg} needs ${needs(info, usage)}, but this is ${given.description}.`);
  }
  const wanted = info.family === 'HMAC' ? 'secret' : usage === 'sign' ? 'private' : 'public';
  if (key.type !== wanted) {
    throw mismatch(usage === 'sign'
      ? `Signing needs the private key, but this is ${given.description}: a public key can only verify.`
      : `Verifying needs the public key, but this is ${given.description}. The private key stays with the signer; give the verifier the public key.`);
  }
  if (!key.usages.includes(usage)) {
    throw mismatch(`This key may only ${key.usages.join(' and ') || 'do nothing'}, but it is being used to ${usage}.`);
  }
}
