/** RFC 7638 thumbprints: the required members of a JWK, sorted, without whitespace, hashed. */
import type { KeyType } from '../algorithms';
import { base64urlEncode } from '../base64url';
import { buf, utf8Encode } from '../bytes';
import { keyError } from './common';

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