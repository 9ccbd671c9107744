/**
 * Spare bits at the end of base64url text (RFC 4648 §3.5). Each character carries 6 bits; when the byte
 * count is not a multiple of 3, the last character carries bits that belong to no byte. A canonical
 * encoder sets them to zero, a strict decoder refuses them set, and a lenient decoder ignores them: then
 * every character that differs from the last one only in those bits (its "twins") decodes to the same bytes.
 */
import { ALPHABET } from './jwt';

export interface LastCharacter {
  /** Its index in the text. */
  index: number;
  char: string;
  /** Its 6-bit value in the base64url alphabet. */
  value: number;
  /** How many of its low bits belong to no byte: 0, 2 or 4. */
  spareBits: number;
  /** The character with the same byte bits and the spare bits zero: what an encoder writes. */
  canonical: string;
  /** Every other character with the same byte bits: each decodes leniently to the same bytes. */
  twins: string[];
}

/** Spare bits in the last character of base64url text of this length (no padding), or undefined if no bytes encode to it. */
export function spareBitCount(length: number): number | undefined {
  return ([0, undefined, 4, 2] as const)[length % 4];
}

/**
 * The last character of base64url text and its twins, computed from the alphabet. Undefined for empty text,
 * for a last character outside the alphabet, or for a length no bytes encode to.
 */
export function lastCharacter(text: string): LastCharacter | undefined {
  const spareBits = spareBitCount(text.length);
  const index = text.length - 1;
  const char = text[index];
  const value = char === undefined ? -1 : ALPHABET.indexOf(char);
  if (spareBits === undefined || value < 0) return undefined;
  const spareMask = (1 << spareBits) - 1;
  const base = value & ~spareMask;
  const family = Array.from({ length: spareMask + 1 }, (_, spare) => ALPHABET[base | spare]!);
  return { index, char: char!, value, spareBits, canonical: family[0]!, twins: family.filter((c) => c !== char) };
}

/** The text with its last character replaced. */
export function withLastCharacter(text: string, char: string): string {
  return text.slice(0, -1) + char;
}

/**
 * The text a lenient decoder effectively reads: the last character with its spare bits cleared. Strict
 * decoding of the result gives the bytes a lenient decoder gets from the original.
 */
export function canonicalEnding(text: string): string {
  const last = lastCharacter(text);
  return last === undefined ? text : withLastCharacter(text, last.canonical);
}

/** Why a token's signature has no last character to swap for its twins, in words; undefined when it has one. */
export function noLastCharacterReason(token: string): string | undefined {
  const segments = token.split('.');
  const signature = segments[2];
  if (signature === undefined) return `This token has ${segments.length} ${segments.length === 1 ? 'segment' : 'segments'}, so no signature segment: a signed token has three, separated by two dots.`;
  if (lastCharacter(signature)) return undefined;
  if (signature === '') return 'The signature segment is empty: there is no last character to swap.';
  const char = signature.at(-1)!;
  if (!ALPHABET.includes(char)) return `The signature's last character "${char}" is not a base64url character.`;
  return `The signature segment has ${signature.length} characters: no bytes encode to that length in base64url (one character too many or too few).`;
}
