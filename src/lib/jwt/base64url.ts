/**
 * base64url (RFC 4648 §5) as JWS uses it (RFC 7515 §2): no padding, no whitespace, and, when decoding,
 * nothing a strict verifier would not accept. Errors say which character, where, and what was expected.
 */
import { plural } from '../format';
import { JwtError, describeChar, type Part } from './errors';

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/** The value 0…63 a base64url character stands for, -1 for a character outside the alphabet. */
export function base64urlValue(char: string): number {
  const code = char.charCodeAt(0);
  return code < 128 ? VALUES[code]! : -1;
}

export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

const PART_NAMES: Record<Part, string> = {
  token: 'the text',
  header: 'the header segment',
  payload: 'the payload segment',
  signature: 'the signature segment',
  key: 'the key',
  'encrypted-key': 'the encrypted key',
  iv: 'the initialization vector',
  ciphertext: 'the ciphertext',
  tag: 'the authentication tag',
};

function whyNotInAlphabet(char: string): string {
  if (char === '=') return 'base64url in a JWT has no "=" padding: drop it from the end';
  if (char === '+') return '"+" belongs to standard base64; base64url writes "-" instead';
  if (char === '/') return '"/" belongs to standard base64; base64url writes "_" instead';
  if (/\s/.test(char)) return 'base64url text has no spaces or line breaks';
  if (char === '.') return 'a dot separates the segments of a token, it cannot be inside one';
  return 'base64url uses only A–Z, a–z, 0–9, "-" and "_"';
}

/**
 * Strict decode. Rejects characters outside the URL alphabet (padding, "+", "/", whitespace), lengths that
 * no byte string encodes to (1 more than a multiple of 4), and non-canonical endings (unused bits set).
 */
export function base64urlDecode(text: string, part: Part = 'key'): Uint8Array<ArrayBuffer> {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || VALUES[code] === -1) {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      throw new JwtError(
        'ERR_BASE64URL_INVALID',
        `Character ${i + 1} of ${PART_NAMES[part]} is ${describeChar(char)}: ${whyNotInAlphabet(char)}.`,
        { where: { part, index: i, char } },
      );
    }
  }
  if (text.length % 4 === 1) {
    throw new JwtError(
      'ERR_BASE64URL_INVALID',
      `${capitalize(PART_NAMES[part])} has ${plural(text.length, 'character')}, one more than a multiple of 4: no bytes encode to that length, so a character is missing or extra.`,
      { where: { part, index: text.length - 1, char: text[text.length - 1] } },
    );
  }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < text.length; i += 4) {
    const n = (val(text, i) << 18) | (val(text, i + 1) << 12) | (val(text, i + 2) << 6) | val(text, i + 3);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = text.length - i;
  if (rest > 0) {
    const n = (val(text, i) << 18) | (val(text, i + 1) << 12) | (rest === 3 ? val(text, i + 2) << 6 : 0);
    out[o++] = n >> 16;
    if (rest === 3) out[o++] = (n >> 8) & 255;
    // The last character carries bits that belong to no byte; a canonical encoder sets them to zero.
    const unusedMask = rest === 2 ? 0x0f : 0x03;
    const last = text.length - 1;
    const lastValue = val(text, last);
    if ((lastValue & unusedMask) !== 0) {
      const canonical = ALPHABET[lastValue & ~unusedMask]!;
      throw new JwtError(
        'ERR_BASE64URL_INVALID',
        `The last character of ${PART_NAMES[part]}, "${text[last]}", has bits set that belong to no byte; the canonical encoding of these bytes ends in "${canonical}".`,
        { where: { part, index: last, char: text[last] } },
      );
    }
  }
  return out;
}

function val(text: string, i: number): number {
  return VALUES[text.charCodeAt(i)]!;
}

function capitalize(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** One group of the 3-bytes-to-4-characters picture a widget draws. */
export interface Base64Group {
  /** Up to three input bytes. */
  bytes: number[];
  /** The 6-bit values, two to four of them. */
  sextets: number[];
  /** The characters written, one per sextet. */
  chars: string;
  /** Zero bits added at the end to fill the last sextet (0, 2 or 4). */
  paddingBits: number;
  /** The "=" characters standard base64 would add here and base64url drops (0, 1 or 2). */
  droppedPadding: number;
}

/** Splits an encoding into its groups, for drawing; base64urlEncode stays the fast path. */
export function base64urlGroups(bytes: Uint8Array): Base64Group[] {
  const groups: Base64Group[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = Array.from(bytes.subarray(i, i + 3));
    const n = ((chunk[0] ?? 0) << 16) | ((chunk[1] ?? 0) << 8) | (chunk[2] ?? 0);
    const count = chunk.length + 1;
    const sextets = [n >> 18, (n >> 12) & 63, (n >> 6) & 63, n & 63].slice(0, count);
    groups.push({
      bytes: chunk,
      sextets,
      chars: sextets.map((s) => ALPHABET[s]).join(''),
      paddingBits: count * 6 - chunk.length * 8,
      droppedPadding: 4 - count,
    });
  }
  return groups;
}
