/**
 * Tamper mode's characters: a window of a token's characters, each with the part it is in and whether it
 * differs from the token as typed, and the change a press makes. Characters are code points, so an emoji
 * pasted into a token is one character, as it is in the decoder's "Character 12 of the header segment" (the
 * first character outside base64url comes after ASCII only, so both count the same). A change replaces one
 * code point with one code point, so every character keeps its number while the learner tampers. Each scan
 * stops at the window's end: a 200 KB token costs little per keystroke when the window is at its start.
 */
import { ALPHABET, partsOf, type TokenPart } from '../../lib/jwt';
import { codePointOffset } from '../../lib/text';

export interface TamperCell {
  /** The character's number in the token, from 0, in code points. */
  index: number;
  char: string;
  part: TokenPart | 'dot' | 'extra';
  /** It differs from the token as typed. */
  changed: boolean;
}

/** The code point at UTF-16 offset `at`, as a string of one or two units. */
function charAt(text: string, at: number): string {
  const code = text.codePointAt(at);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** The cells of characters `from` to `to` (not included), compared with `original` at the same numbers. */
export function tamperCells(token: string, original: string, from: number, to: number): TamperCell[] {
  const parts = partsOf(token.split('.').length);
  const cells: TamperCell[] = [];
  let piece = 0;
  let at = 0;
  let atOriginal = 0;
  for (let index = 0; index < to && at < token.length; index++) {
    const char = charAt(token, at);
    const before = charAt(original, atOriginal);
    if (index >= from) {
      const part = char === '.' ? 'dot' : (parts[piece] ?? 'extra');
      cells.push({ index, char, part, changed: char !== before });
    }
    if (char === '.') piece++;
    at += char.length;
    atOriginal += before.length;
  }
  return cells;
}

/** How many characters of token differ from original's at the same number (or have none there). */
export function changedCount(token: string, original: string): number {
  if (token === original) return 0;
  let changed = 0;
  let atOriginal = 0;
  for (let at = 0; at < token.length; ) {
    const char = charAt(token, at);
    const before = charAt(original, atOriginal);
    if (char !== before) changed++;
    at += char.length;
    atOriginal += before.length;
  }
  return changed;
}

/**
 * The token after a press on character `index`: a changed character goes back to the original's, any other
 * becomes the next base64url character (one outside the alphabet becomes "A"). A dot stays: it is not data.
 */
export function flip(token: string, original: string, index: number): string {
  const at = codePointOffset(token, index);
  const char = charAt(token, at);
  if (char === '' || char === '.') return token;
  const before = charAt(original, codePointOffset(original, index));
  const next = before !== '' && before !== char ? before : ALPHABET[(ALPHABET.indexOf(char) + 1) % ALPHABET.length]!;
  return token.slice(0, at) + next + token.slice(at + char.length);
}
