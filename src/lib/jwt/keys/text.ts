/** A key pasted as text: a PEM block or a JWK as JSON, with errors placed in that text. */
import type { Algorithm } from '../algorithms';
import { JwtError, type Where } from '../errors';
import { lineColumn, parseJsonObject, type JsonMember, type ParsedObject } from '../json';
import { keyError } from './common';
import { importJwkAt } from './jwk';
import { importPem } from './pem';

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