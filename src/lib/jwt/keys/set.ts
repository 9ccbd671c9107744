/**
 * JWK Sets (RFC 7517 §5): read strictly, every key checked as a JWK is, and the one key that can verify a token
 * chosen by the token's kid and algorithm. A key this verifier cannot use stays in the set, marked with the
 * reason (RFC 7517 §5: a reader ignores such keys); selection refuses a token no key fits, and a token several
 * keys fit, since it cannot tell which one signed. jose refuses several too, but lets its caller try each in turn.
 */
import { algorithmInfo, type Algorithm, type AlgorithmInfo } from '../algorithms';
import { JwtError, type Where } from '../errors';
import { lineColumn, parseJsonObject, type JsonMember, type ParsedObject } from '../json';
import type { KeyRejection, KeySelectStep, KeySetKeyView } from '../trace';
import { article, needs } from './common';
import { verifyChoosing, type JwsVerifyOptions, type JwsVerifyResult, type VerifyOptions, type VerifyResult } from '../verify';
import { describeValue, importJwk, PRIVATE_MEMBERS, publicMembersProblem } from './jwk';

export interface KeySetEntry {
  /** Position in the set's "keys" array, from 0. */
  index: number;
  /** The key's members as given. */
  jwk: Readonly<Record<string, unknown>>;
  /** Why this verifier can never use the key, as a clause ("kty \"XYZ\" is not …"); undefined for a usable key. */
  unusable?: string;
}

/** A JWK Set as read by `parseKeySet`: every key, usable or not, and what deserves a word. */
export interface KeySet {
  entries: readonly KeySetEntry[];
  /** Things that do not stop the set from being used: a kid used twice, a private key published. */
  warnings: readonly string[];
}

/** What selecting a key for a token came to: the traced step, and the key imported for the token's algorithm. */
export interface KeySelection {
  step: KeySelectStep;
  key?: CryptoKey;
  error?: JwtError;
}

/**
 * Verifies a JWT as `verify` does, with the key chosen from a JWK Set by the header's kid and alg: a `key-select`
 * step before the `key` step, and a token no key fits (ERR_JWKS_NO_MATCHING_KEY), or several
 * (ERR_JWKS_MULTIPLE_MATCHING_KEYS), refused there. A sibling of `verify`, so that only pages that use sets load this.
 */
export async function verifyWithKeySet(token: string, set: KeySet, options: VerifyOptions): Promise<VerifyResult> {
  return verifyChoosing(token, (header, alg) => selectKey(set, header, alg), options, true);
}

/** `verifyJws` (a JWS whose payload may be any bytes, no claims) with the key chosen from a JWK Set. */
export async function verifyJwsWithKeySet(token: string, set: KeySet, options: JwsVerifyOptions): Promise<JwsVerifyResult> {
  const { payload: _claims, ...result } = await verifyChoosing(token, (header, alg) => selectKey(set, header, alg), options, false);
  return result;
}

type Locate = (member: string) => Partial<Where>;

function setError(message: string, where: Partial<Where> = {}): JwtError {
  return new JwtError('ERR_JWKS_INVALID', message, { where: { part: 'key', ...where } });
}

/**
 * Reads a JWK Set from its JSON text (strictly: a member written twice is refused, with both places) or from
 * a value already parsed. A malformed set throws ERR_JWKS_INVALID; a key that cannot be used does not.
 */
export function parseKeySet(input: unknown): KeySet {
  if (typeof input !== 'string') return readSet(input, () => ({}));
  if (input.trim() === '') throw setError('There is no key set here yet: paste a JWK Set, {"keys": [ … ]}.');
  let parsed: ParsedObject;
  try {
    parsed = parseJsonObject(input, 'payload');
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    // The JSON parser names the part of a token it was given; this text is a key set.
    const message = error.message.replace(/\b([Tt])he payload\b/g, '$1he JWK Set');
    const where: Where = { ...error.where, part: 'key' };
    const related: Where | undefined = error.related && { ...error.related, part: 'key' };
    throw new JwtError('ERR_JWKS_INVALID', message, { where, related, member: error.member, cause: error });
  }
  return readSet(parsed.value, (member) => memberPlace(input, parsed.members, member));
}

function memberPlace(text: string, members: JsonMember[], member: string): Partial<Where> {
  const found = members.find((m) => m.key === member);
  return found ? { index: found.valueStart, ...lineColumn(text, found.valueStart) } : {};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readSet(value: unknown, locate: Locate): KeySet {
  if (!isObject(value)) throw setError(`A JWK Set is a JSON object, {"keys": [ … ]}, but this is ${describeValue(value)}.`);
  const keys = value.keys;
  if (keys === undefined) {
    throw setError(value.kty !== undefined
      ? 'This is a single JWK, not a JWK Set: put it inside a set, {"keys": [ … ]}.'
      : 'The JWK Set has no "keys" member; a set is {"keys": [ … ]}.');
  }
  if (!Array.isArray(keys)) throw setError(`The JWK Set's "keys" member must be an array of keys, but it is ${describeValue(keys)}.`, locate('keys'));
  const entries = keys.map((jwk: unknown, index): KeySetEntry => {
    if (!isObject(jwk)) throw setError(`Key ${index + 1} in the set is ${describeValue(jwk)}, but each key in a JWK Set is a JSON object.`, locate('keys'));
    const unusable = unusableReason(jwk);
    return unusable === undefined ? { index, jwk } : { index, jwk, unusable };
  });
  return { entries, warnings: setWarnings(entries) };
}

/** The signature algorithm whose JWK rules check a key of this type and curve, or why there is none. */
function representative(jwk: Record<string, unknown>): { alg: Algorithm } | { unusable: string } {
  const { kty, crv } = jwk;
  const noCurve = { unusable: 'it has no "crv" member, so its curve is unknown' };
  switch (kty) {
    case 'RSA': return { alg: 'RS256' };
    case 'oct': return { alg: 'HS256' };
    case 'EC': {
      const alg = ({ 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' } as const)[crv as string];
      if (alg) return { alg };
      return crv === undefined ? noCurve : { unusable: `crv ${JSON.stringify(crv)} is not a curve JWS signs with (P-256, P-384, P-521)` };
    }
    case 'OKP':
      if (crv === 'Ed25519') return { alg: 'EdDSA' };
      if (crv === 'X25519' || crv === 'X448') return { unusable: `crv ${JSON.stringify(crv)} is for key agreement (ECDH-ES), not for signatures` };
      return crv === undefined ? noCurve : { unusable: `crv ${JSON.stringify(crv)} is not supported here (Ed25519 is)` };
    case undefined: return { unusable: 'it has no "kty" member, so its type is unknown' };
    default: return { unusable: `kty ${JSON.stringify(kty)} is not a key type this verifier supports (RSA, EC, OKP, oct)` };
  }
}

/** Why this verifier can never use the key, whatever the token; undefined when it can. */
function unusableReason(jwk: Record<string, unknown>): string | undefined {
  if (jwk.kid !== undefined && typeof jwk.kid !== 'string') return `its "kid" is ${describeValue(jwk.kid)}, but a kid is a string`;
  const kind = representative(jwk);
  if ('unusable' in kind) return kind.unusable;
  const privateMembers = jwk.kty === 'oct' ? [] : PRIVATE_MEMBERS.filter((m) => m !== 'oth' && jwk[m] !== undefined);
  if (privateMembers.length > 0) {
    return `it holds the private key (${privateMembers.map((m) => `"${m}"`).join(', ')}), and a verifier's set must hold public keys only`;
  }
  return publicMembersProblem(jwk, kind.alg);
}

function setWarnings(entries: readonly KeySetEntry[]): string[] {
  const warnings: string[] = [];
  const published = entries.filter((e) => e.unusable?.startsWith('it holds the private key'));
  if (published.length > 0) {
    warnings.push(`${published.length === 1 ? `${capital(nameOf(published[0]!.jwk.kid, published[0]!.index))} holds` : `${published.length} keys hold`} a private key. A set handed to verifiers must never contain one: whoever reads it can sign tokens.`);
  }
  // RFC 7517 §4.5: distinct kids within a set, unless the keys are of different types.
  const seen = new Map<string, number[]>();
  for (const e of entries) {
    if (e.unusable || typeof e.jwk.kid !== 'string') continue;
    const id = `${String(e.jwk.kty)}\u0000${e.jwk.kid}`;
    seen.set(id, [...(seen.get(id) ?? []), e.index]);
  }
  for (const [id, indices] of seen) {
    if (indices.length < 2) continue;
    const kid = id.slice(id.indexOf('\u0000') + 1);
    warnings.push(`Keys ${listText(indices.map((i) => String(i + 1)))} share kid ${JSON.stringify(kid)}; RFC 7517 asks for distinct kids within a set, so a token with this kid cannot say which key signed it.`);
  }
  return warnings;
}

/** "the key with kid \"a\"", or "key 2 (no kid)". */
function nameOf(kid: unknown, index: number): string {
  return typeof kid === 'string' ? `the key with kid ${JSON.stringify(kid)}` : `key ${index + 1} (no kid)`;
}

/** Shorter, for lists: "kid \"a\"", "key 2". */
function shortName(view: KeySetKeyView): string {
  return typeof view.kid === 'string' ? `kid ${JSON.stringify(view.kid)}` : `key ${view.index + 1}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listText(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** What a key is, in words: "an RSA key", "a P-384 EC key", "an Ed25519 key", "a shared secret (kty \"oct\")". */
function kindOf(jwk: Readonly<Record<string, unknown>>): string {
  switch (jwk.kty) {
    case 'RSA': return 'an RSA key';
    case 'EC': return `${article(String(jwk.crv))} EC key`;
    case 'OKP': return `${article(String(jwk.crv))} key`;
    default: return 'a shared secret (kty "oct")';
  }
}

/** Whether a usable key can verify this token, and if not, why (the first rule it breaks). */
function judge(entry: KeySetEntry, kid: unknown, info: AlgorithmInfo): KeySetKeyView {
  const { jwk, index } = entry;
  const base = { index, kid: jwk.kid, kty: jwk.kty, alg: jwk.alg };
  const reject = (rejectedBy: KeyRejection, reason: string): KeySetKeyView => ({ ...base, candidate: false, rejectedBy, reason });
  if (entry.unusable) return reject('unusable', `is skipped: ${entry.unusable}`);
  if (kid !== undefined && jwk.kid !== kid) return reject('kid', jwk.kid === undefined ? 'has no kid' : `has kid ${JSON.stringify(jwk.kid)}`);
  if (jwk.kty !== info.kty) return reject('kty', `is ${kindOf(jwk)}, but the token asks for ${info.alg}`);
  if (info.crv && jwk.crv !== info.crv) return reject('crv', `is ${kindOf(jwk)}, but ${info.alg} needs ${needs(info)}`);
  if (jwk.alg !== undefined && jwk.alg !== info.alg) {
    return reject('alg', `is marked for ${JSON.stringify(jwk.alg)} (its "alg"), but the token asks for ${info.alg}`);
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') {
    return reject('use', jwk.use === 'enc' ? 'is for encryption (use: enc)' : `has use ${JSON.stringify(jwk.use)}, but signatures need "sig"`);
  }
  const ops = jwk.key_ops;
  if (ops !== undefined && !(Array.isArray(ops) && ops.includes('verify'))) {
    return reject('key_ops', Array.isArray(ops)
      ? `may only ${ops.length ? ops.map((o) => JSON.stringify(o)).join(', ') : 'do nothing'} (its key_ops), not "verify"`
      : `has key_ops that are ${describeValue(ops)}, not a list of operations`);
  }
  return { ...base, candidate: true };
}

/**
 * Chooses the key of `set` that can verify a token with this protected header, whose algorithm `alg` the
 * verifier has already allowed: the usable keys with the header's kid (when it has one), of the type and curve
 * the algorithm needs, whose own alg, use and key_ops (when stated) allow it. Exactly one must remain.
 */
export async function selectKey(set: KeySet, header: Record<string, unknown>, alg: Algorithm): Promise<KeySelection> {
  const info = algorithmInfo(alg);
  const kid = header.kid;
  const keys = set.entries.map((entry) => judge(entry, kid, info));
  const candidates = keys.filter((k) => k.candidate);
  const step = (ok: boolean, chosen: number, message: string): KeySelectStep => ({ stage: 'key-select', kid, alg, keys, chosen, ok, message });
  const refuse = (code: 'ERR_JWKS_NO_MATCHING_KEY' | 'ERR_JWKS_MULTIPLE_MATCHING_KEYS' | 'ERR_JWK_INVALID', message: string, chosen = -1): KeySelection => ({
    step: step(false, chosen, message),
    error: new JwtError(code, message, { where: { part: 'key' } }),
  });

  if (candidates.length === 0) return refuse('ERR_JWKS_NO_MATCHING_KEY', noMatch(keys, kid, alg));
  if (candidates.length > 1) {
    const names = listText(candidates.map(shortName));
    return refuse('ERR_JWKS_MULTIPLE_MATCHING_KEYS', typeof kid === 'string'
      ? `${candidates.length} keys in the set have kid ${JSON.stringify(kid)} and fit ${alg} (keys ${listText(candidates.map((c) => String(c.index + 1)))}): the verifier cannot tell which one signed, so it refuses. Keys of one type in a set need distinct kids.`
      : `The token has no kid, and ${candidates.length} keys in the set fit ${alg} (${names}): the token should carry a kid to say which one signed it.`);
  }
  const only = candidates[0]!;
  const name = nameOf(only.kid, only.index);
  try {
    const key = await importJwk(set.entries[only.index]!.jwk, alg);
    const message = typeof kid === 'string'
      ? `${capital(name)} matches the token's kid and fits ${alg}.`
      : `The token has no kid; ${name} is the only key in the set that fits ${alg}.`;
    return { step: step(true, only.index, message), key };
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    return refuse('ERR_JWK_INVALID', `${capital(name)} is the one that fits, but it cannot be used: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`, only.index);
  }
}

/** Why no key fits, in the learner's terms: the kid nobody has, or what is wrong with the keys that have it. */
function noMatch(keys: readonly KeySetKeyView[], kid: unknown, alg: Algorithm): string {
  if (keys.length === 0) return 'The key set is empty: there is no key to verify with.';
  if (kid !== undefined && typeof kid !== 'string') return `The header's kid is ${describeValue(kid)}, but a kid is a string: no key can match it.`;
  const named = (k: KeySetKeyView) => `${nameOf(k.kid, k.index)} ${k.reason}`;
  if (typeof kid === 'string') {
    const withKid = keys.filter((k) => k.kid === kid);
    if (withKid.length === 0) {
      const kids = [...new Set(keys.flatMap((k) => (typeof k.kid === 'string' ? [JSON.stringify(k.kid)] : [])))];
      return `No key in the set has kid ${JSON.stringify(kid)}; ${kids.length ? `the set has ${listText(kids)}` : 'none of its keys has a kid'}.`;
    }
    if (withKid.length === 1) return `${capital(named(withKid[0]!))}.`;
    return `No key with kid ${JSON.stringify(kid)} can verify this ${alg} token: ${withKid.map((k) => `key ${k.index + 1} ${k.reason}`).join('; ')}.`;
  }
  const shown = keys.slice(0, 3).map(named);
  const more = keys.length > 3 ? `; and ${keys.length - 3} more` : '';
  return `No key in the set can verify this ${alg} token: ${shown.join('; ')}${more}.`;
}
