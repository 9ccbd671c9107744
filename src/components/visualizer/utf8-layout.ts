/**
 * Layout for the UTF-8 view: text split into code points with their byte ranges, what to draw for each
 * character, the marker bits of each byte, the summary line, and each character's cell width. Pure data in,
 * data out; the UTF-8 lengths come from the core.
 */
import { utf8Length } from '../../lib/jwt';
import type { Notation } from './byte-notation';

/**
 * A text as code points (not UTF-16 units), struct-of-arrays so a 64 KB text costs three typed arrays, not
 * tens of thousands of objects. Character i is `codePoints[i]`; it is `text.slice(textStart[i], textStart[i+1])`
 * and its UTF-8 bytes are `bytes.subarray(byteStart[i], byteStart[i+1])`.
 */
export interface CodePointLayout {
  count: number;
  codePoints: Uint32Array;
  /** count + 1 entries: UTF-16 offsets, the last being text.length. */
  textStart: Uint32Array;
  /** count + 1 entries: UTF-8 byte offsets, the last being the byte length. */
  byteStart: Uint32Array;
}

const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;

export function splitCodePoints(text: string): CodePointLayout {
  const codePoints = new Uint32Array(text.length);
  const textStart = new Uint32Array(text.length + 1);
  const byteStart = new Uint32Array(text.length + 1);
  let n = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    codePoints[n] = cp;
    textStart[n] = i;
    byteStart[n] = bytes;
    bytes += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
    n++;
  }
  textStart[n] = text.length;
  byteStart[n] = bytes;
  return {
    count: n,
    codePoints: codePoints.subarray(0, n),
    textStart: textStart.subarray(0, n + 1),
    byteStart: byteStart.subarray(0, n + 1),
  };
}


export type GlyphKind = 'plain' | 'space' | 'control' | 'mark' | 'invisible' | 'replaced';

export interface Glyph {
  /** What to draw: the character itself, or a visible stand-in. */
  text: string;
  kind: GlyphKind;
  /** For stand-ins: what the character is, in words. */
  note?: string;
}

/** What to draw for a character, so spaces, line breaks, combining marks and invisible ones can be seen. */
export function glyphOf(cp: number): Glyph {
  if (isSurrogate(cp)) {
    return { text: '\uFFFD', kind: 'replaced', note: 'a lone surrogate: UTF-8 cannot encode it, so U+FFFD is written instead' };
  }
  if (cp === 0x20) return { text: '␣', kind: 'space', note: 'a space' };
  if (cp === 0x0a) return { text: '↵', kind: 'control', note: 'a line break' };
  if (cp === 0x09) return { text: '⇥', kind: 'control', note: 'a tab' };
  if (cp < 0x20) return { text: String.fromCodePoint(0x2400 + cp), kind: 'control', note: 'a control character' };
  if (cp === 0x7f) return { text: '␡', kind: 'control', note: 'a control character' };
  const char = String.fromCodePoint(cp);
  if (/\p{Cc}/u.test(char)) return { text: '·', kind: 'control', note: 'a control character' };
  if (/\p{M}/u.test(char)) return { text: `◌${char}`, kind: 'mark', note: 'a combining mark: it joins the character before it' };
  if (/[\p{Cf}\p{Z}\p{Co}\p{Cn}]/u.test(char)) return { text: '·', kind: 'invisible', note: 'an invisible character' };
  return { text: char, kind: 'plain' };
}

/**
 * For each byte of a UTF-8 sequence of `length` bytes: how many leading bits are the sequence's marker
 * (0 for one byte; 110, 1110 or 11110 for the first of 2, 3 or 4; 10 for each continuation byte). The other
 * bits carry the code point.
 */
export function utf8MarkerBits(length: 1 | 2 | 3 | 4): number[] {
  if (length === 1) return [1];
  return [length + 1, ...Array<number>(length - 1).fill(2)];
}

/* Widths, in em of the view's font size. They assume a monospace font of about 0.6em per character. */

/** Width of one byte chip (bytes are drawn at 0.9em). */
export const BYTE_EM: Record<Notation, number> = { hex: 1.7, decimal: 2.3, binary: 5.1 };
export const BYTE_GAP_EM = 0.2;
/** Extra width of the box around a multi-byte character's bytes. */
export const BOX_EM = 0.6;
/** Cell padding, left plus right. */
export const CELL_PAD_EM = 0.5;
/** Gap between cells in a row. */
export const CELL_GAP_EM = 0.4;

/** Characters in codePointLabel(cp), without building the string. */
function labelLength(cp: number): number {
  return cp < 0x10000 ? 6 : cp < 0x100000 ? 7 : 8;
}

/** Width of a character's cell: wide enough for its code point label (0.85em) and its bytes side by side. */
export function charCellEm(cp: number, notation: Notation): number {
  const length = utf8Length(cp);
  const label = labelLength(cp) * 0.52 + 0.2;
  const bytes = length * BYTE_EM[notation] + (length - 1) * BYTE_GAP_EM + (length > 1 ? BOX_EM : 0);
  return Math.max(label, bytes) + CELL_PAD_EM;
}

export function charCellWidths(layout: CodePointLayout, notation: Notation): Float64Array {
  const widths = new Float64Array(layout.count);
  for (let i = 0; i < layout.count; i++) widths[i] = charCellEm(layout.codePoints[i]!, notation);
  return widths;
}
