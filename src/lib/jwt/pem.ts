/**
 * PEM armour (RFC 7468): a BEGIN line, standard base64 (RFC 4648 §4, with "+", "/" and "=" padding) broken
 * into lines, and a matching END line. Parsing is strict and every error names the line and character.
 */
import { base64urlDecode, base64urlEncode } from './base64url';
import { codePointCount } from '../text';
import { JwtError, describeChar, type Where } from './errors';

export interface Pem {
  label: string;
  der: Uint8Array;
}

/** Standard base64 with padding. */
export function base64Encode(bytes: Uint8Array): string {
  const text = base64urlEncode(bytes).replace(/[-_]/g, (c) => (c === '-' ? '+' : '/'));
  return text + '='.repeat((4 - (text.length % 4)) % 4);
}

/** Strict standard base64: the alphabet, "=" padding to a multiple of 4 and nothing else, not even whitespace. */
export function base64Decode(text: string): Uint8Array {
  // Characters are counted in code points, as the learner sees them (an emoji is one).
  const at = (i: number) => ({ place: `Character ${codePointCount(text, 0, i) + 1}`, where: { part: 'key' as const, index: i } });
  return decodeBase64Chars(text, at);
}

/** Where a character of the base64 body is, for messages. */
type Locate = (i: number) => { place: string; where: Where };

function decodeBase64Chars(chars: string, locate: Locate): Uint8Array {
  const charAt = (i: number) => String.fromCodePoint(chars.codePointAt(i)!);
  const fail = (i: number, message: string): never => {
    const { place, where } = locate(i);
    throw new JwtError('ERR_KEY_INVALID', `${place} ${message}`, { where: { ...where, char: charAt(i) } });
  };
  let padding = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = charAt(i);
    if (c === '=') {
      padding++;
      continue;
    }
    if (padding > 0) fail(i, `is ${describeChar(c)} after "=" padding; padding may only close the base64 text.`);
    if (!/[A-Za-z0-9+/]/.test(c)) fail(i, `is ${describeChar(c)}: ${whyNotBase64(c)}.`);
  }
  const last = chars.length - 1;
  if (chars.length % 4 !== 0) {
    fail(last, `ends the base64 text after ${chars.length} characters; base64 comes in groups of 4, so "=" padding or a character is missing, or one is extra.`);
  }
  if (padding > 2) fail(chars.length - padding, 'starts more than two "=": base64 pads with at most two.');

  const data = chars.slice(0, chars.length - padding).replace(/[+/]/g, (c) => (c === '+' ? '-' : '_'));
  try {
    return base64urlDecode(data, 'key');
  } catch {
    // The alphabet and length are checked above, so only the last character's unused bits can be wrong.
    return fail(data.length - 1, 'has bits set that belong to no byte, so this is not how these bytes are encoded; was a character changed?');
  }
}

function whyNotBase64(char: string): string {
  if (char === '-' || char === '_') return `"${char}" belongs to base64url; PEM uses standard base64, which writes "+" and "/"`;
  return 'PEM holds only standard base64 (A–Z, a–z, 0–9, "+", "/", and "=" at the end)';
}

const LABEL = /^[\x21-\x2c\x2e-\x7e]+(?:[- ][\x21-\x2c\x2e-\x7e]+)*$/;

interface Line {
  number: number;
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = breaks.exec(text); ; m = breaks.exec(text)) {
    const end = m ? m.index : text.length;
    lines.push({ number: lines.length + 1, start, text: text.slice(start, end) });
    if (!m) return lines;
    start = m.index + m[0].length;
  }
}

/**
 * An error about a whole line; `at` (a UTF-16 offset in it) marks where on it, by default its first character
 * that is not a space. The column counts code points, as the learner sees them.
 */
function lineError(line: Line, message: string, at = Math.max(line.text.search(/\S/), 0)): JwtError {
  return new JwtError('ERR_KEY_INVALID', `Line ${line.number} ${message}`, {
    where: { part: 'key', line: line.number, column: codePointCount(line.text, 0, at) + 1, index: line.start + at },
  });
}

/** Reads the BEGIN or END line `line` may be; undefined if it is neither. */
function armourLine(line: Line): { kind: 'BEGIN' | 'END'; label: string } | undefined {
  const text = line.text.trim();
  const kind = text.includes('-----BEGIN') ? 'BEGIN' : text.includes('-----END') ? 'END' : undefined;
  if (!kind) return undefined;
  const m = new RegExp(`^-----${kind} (.+)-----$`).exec(text);
  if (!m || !LABEL.test(m[1]!)) {
    throw lineError(line, `should read "-----${kind} <label>-----", like "-----${kind} PUBLIC KEY-----", with five dashes on each side.`);
  }
  return { kind, label: m[1]! };
}

/** Parses exactly one PEM block; blank lines may surround it, nothing else. */
export function parsePem(text: string): Pem {
  const lines = splitLines(text);
  if (!lines.some((l) => l.text.includes('-----BEGIN'))) {
    throw new JwtError('ERR_KEY_INVALID', 'There is no BEGIN line: a PEM key starts with a line like "-----BEGIN PUBLIC KEY-----".', {
      where: { part: 'key' },
    });
  }

  let begin: { line: Line; label: string } | undefined;
  let body = '';
  /** For each UTF-16 unit of the body, where it is: its line, its column in code points, its offset on the line. */
  const positions: { line: Line; column: number; offset: number }[] = [];
  for (const line of lines) {
    const armour = armourLine(line);
    if (!begin) {
      if (armour?.kind === 'BEGIN') begin = { line, label: armour.label };
      else if (armour) throw lineError(line, 'is an END line, but no BEGIN line comes before it.');
      else if (line.text.trim() !== '') throw lineError(line, 'comes before the BEGIN line; paste only the PEM block, from "-----BEGIN" to "-----END".');
      continue;
    }
    if (armour?.kind === 'BEGIN') {
      throw lineError(line, `begins another PEM block before line ${begin.line.number}'s "${begin.label}" block has ended; paste one key at a time.`);
    }
    if (armour) {
      if (armour.label !== begin.label) {
        throw lineError(line, `ends a "${armour.label}" block, but line ${begin.line.number} began a "${begin.label}" block; the labels must match.`);
      }
      if (body === '') throw lineError(line, 'ends the block, but there is no base64 between the BEGIN and END lines.');
      const after = lines.slice(line.number).find((l) => l.text.trim() !== '');
      if (after) throw lineError(after, 'comes after the END line; paste one PEM block and nothing else.');
      const at: Locate = (i) => {
        const { line: l, column, offset } = positions[i]!;
        return { place: `Line ${l.number}, character ${column}`, where: { part: 'key', line: l.number, column, index: l.start + offset } };
      };
      return { label: begin.label, der: decodeBase64Chars(body, at) };
    }
    if (/^(Proc-Type|DEK-Info):/.test(line.text)) {
      throw lineError(line, `is a header ("${line.text.trim()}"): this key is encrypted with a password in the old OpenSSL format. Decrypt it first (openssl pkey -in key.pem -out plain.pem) and paste the result.`);
    }
    let column = 0;
    let offset = 0;
    for (const char of line.text) {
      column++;
      if (!/\s/.test(char)) {
        body += char;
        // Both units of an emoji are at the same place.
        for (let u = 0; u < char.length; u++) positions.push({ line, column, offset });
      }
      offset += char.length;
    }
  }
  const last = lines[lines.length - 1]!;
  // The mark goes just past the last character, where the END line should have come.
  throw lineError(last, `ends the text, but the "-----END ${begin!.label}-----" line that closes line ${begin!.line.number}'s BEGIN is missing.`, last.text.length);
}

/** Armours DER bytes as PEM with 64-character lines, as OpenSSL and jose write it. */
export function toPem(label: string, der: Uint8Array): string {
  const lines = base64Encode(der).match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n');
}
