/**
 * Predict then reveal: how many base64url characters a JSON text becomes. Every number in the feedback is
 * computed with the core's encoder, so the exercise cannot disagree with what the visualizer shows.
 */
import { base64urlEncode, utf8Encode } from '../jwt';
import { count, plural } from '../format';
import type { Feedback } from './feedback';
import { readWholeNumber } from '../whole-number';

/** Base64url characters for `n` bytes, without padding, as the core writes them. */
export function encodedLength(n: number): number {
  return base64urlEncode(new Uint8Array(n)).length;
}

/** The arithmetic of one encoding: full 3-byte groups, bytes left over and the characters those make. */
export function lengthWorking(text: string): { bytes: number; groups: number; left: number; leftChars: number; chars: number; encoded: string } {
  const bytes = utf8Encode(text);
  const encoded = base64urlEncode(bytes);
  const groups = Math.floor(bytes.length / 3);
  const left = bytes.length % 3;
  return { bytes: bytes.length, groups, left, leftChars: encodedLength(left), chars: encoded.length, encoded };
}

/** Hints, from the idea to the arithmetic, each computed for this text. */
export function lengthHints(text: string): string[] {
  const w = lengthWorking(text);
  return [
    'Base64url reads the bytes three at a time, and each group of 3 bytes becomes 4 characters.',
    `${plural(w.bytes, 'byte')} are ${plural(w.groups, 'full group')} of 3 (${count(w.groups * 3)} bytes) and ${plural(w.left, 'byte')} left over.`,
    w.left === 0
      ? 'Nothing is left over, so there is no short last group.'
      : `The ${plural(w.left, 'byte')} left over become ${plural(w.leftChars, 'character')}, and a JWT adds no = padding after them.`,
  ];
}

/** Bytes that encode to exactly `length` characters, or undefined if no byte count does. */
function bytesFor(length: number): number | undefined {
  for (let n = Math.floor((length * 3) / 4); n <= length; n++) if (encodedLength(n) === length) return n;
  return undefined;
}

export function checkLengthPrediction(text: string, answer: string): Feedback {
  const guess = readWholeNumber(answer);
  if (guess === undefined) return { kind: 'invalid', message: 'Type a whole number of characters, for example 40.' };
  const w = lengthWorking(text);
  const working = `${plural(w.groups, 'full group')} make ${count(w.groups * 4)} characters${w.left === 0 ? '' : `, and the ${plural(w.left, 'byte')} left over make ${count(w.leftChars)} more`}: ${count(w.chars)} in all.`;
  if (guess === w.chars) return { kind: 'solved', message: `Right: ${count(w.chars)} characters. ${working}` };
  if (guess === w.bytes) {
    return { kind: 'wrong', message: `${count(guess)} is the number of bytes. Base64url writes 4 characters for every 3 bytes, so the text is about a third longer than the bytes.` };
  }
  const padded = 4 * Math.ceil(w.bytes / 3);
  if (guess === padded) {
    return { kind: 'wrong', message: `${count(guess)} is the length in plain base64, with = padding up to a multiple of 4. A JWT drops the padding, so the last group is shorter.` };
  }
  if (guess % 4 === 1) {
    return { kind: 'wrong', message: `No base64url text is ${count(guess)} characters long: one character on its own carries 6 bits, less than a byte, so a length is never a multiple of 4 plus 1.` };
  }
  const implied = bytesFor(guess);
  const direction = guess < w.chars ? 'too few' : 'too many';
  return {
    kind: 'wrong',
    message: `${count(guess)} is ${direction}: it is the length for ${plural(implied ?? 0, 'byte')}, and this payload has ${count(w.bytes)}. Count 4 characters for every 3 bytes.`,
  };
}
