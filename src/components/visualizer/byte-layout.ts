/**
 * Layout for the UTF-8 and base64url views: text split into code points with their byte ranges, bit strings,
 * which bytes feed which base64 characters, the summary lines, the row packing and the window of rows a
 * scroll container shows, and keyboard moves. Pure data in, data out: no Svelte, no DOM. The bytes and the
 * base64 groups come from the core; this module only arranges them for drawing.
 */
import { ALPHABET, base64urlGroups, toHex, type Base64Group } from '../../lib/jwt';

/* ------------------------------------------------------------------------------------------------------------
 * Numbers and bytes
 * --------------------------------------------------------------------------------------------------------- */

export type Notation = 'hex' | 'binary' | 'decimal';

export const NOTATIONS: readonly { value: Notation; label: string }[] = [
  { value: 'hex', label: 'Hex' },
  { value: 'binary', label: 'Binary' },
  { value: 'decimal', label: 'Decimal' },
];

/** The 256 byte values in hex, from the core's toHex. */
const HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => toHex(Uint8Array.of(b)));

/** `value` as `width` binary digits, most significant first. */
export function bitString(value: number, width: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** width) {
    throw new RangeError(`${value} does not fit in ${width} bits`);
  }
  return value.toString(2).padStart(width, '0');
}

export function formatByte(value: number, notation: Notation): string {
  switch (notation) {
    case 'hex': return HEX[value]!;
    case 'binary': return bitString(value, 8);
    case 'decimal': return String(value);
  }
}

const NUMBER = new Intl.NumberFormat('en-US');

/** 1234 → "1,234": counts of a 64 KB input stay readable. */
export function count(n: number): string {
  return n < 1000 ? String(n) : NUMBER.format(n);
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : words}`;
}

/* ------------------------------------------------------------------------------------------------------------
 * Text → UTF-8
 * --------------------------------------------------------------------------------------------------------- */

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

/**
 * Bytes UTF-8 needs for a code point. A lone surrogate (half of a UTF-16 pair, which UTF-8 cannot encode)
 * counts 3: TextEncoder writes U+FFFD in its place, which is 3 bytes.
 */
export function utf8Length(cp: number): 1 | 2 | 3 | 4 {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

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

/** How many characters need more than one byte. */
export function multiByteCount(layout: CodePointLayout): number {
  let n = 0;
  for (let i = 0; i < layout.count; i++) if (layout.byteStart[i + 1]! - layout.byteStart[i]! > 1) n++;
  return n;
}

/** "U+00EB": at least four hex digits, upper case, as Unicode writes code points. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
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

/** "27 characters → 27 bytes" or "24 characters → 30 bytes: 2 characters need more than one byte". */
export function utf8Summary(characters: number, bytes: number, multiByte: number): string {
  const head = `${plural(characters, 'character')} → ${plural(bytes, 'byte')}`;
  if (multiByte === 0) return head;
  return `${head}: ${plural(multiByte, 'character')} ${multiByte === 1 ? 'needs' : 'need'} more than one byte`;
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

/* ------------------------------------------------------------------------------------------------------------
 * Bytes → base64url
 * --------------------------------------------------------------------------------------------------------- */

/** Byte k of a group (bits 8k…8k+7 of 24) and sextet j (bits 6j…6j+5) share bits when their ranges overlap. */
const overlaps = (byte: number, sextet: number) => 8 * byte < 6 * sextet + 6 && 6 * sextet < 8 * byte + 8;

/** The sextets (hence characters) of a group that byte k feeds, among the `sextets` the group has. */
export function sextetsOfByte(byte: number, sextets = 4): number[] {
  return [0, 1, 2, 3].filter((j) => j < sextets && overlaps(byte, j));
}

/** The bytes of a group that sextet j takes bits from, among the `bytes` the group has. */
export function bytesOfSextet(sextet: number, bytes = 3): number[] {
  return [0, 1, 2].filter((k) => k < bytes && overlaps(k, sextet));
}

export interface Bit {
  bit: 0 | 1;
  /** Index of the byte in the group this bit comes from; -1 for a zero padding bit. */
  byte: number;
  sextet: number;
}

/** The bits of a group: the bytes' bits, then the zero bits that fill the last sextet. One per sextet bit. */
export function groupBits(group: Base64Group): Bit[] {
  const bits: Bit[] = [];
  const total = group.sextets.length * 6;
  for (let i = 0; i < total; i++) {
    const byte = Math.floor(i / 8);
    const value = byte < group.bytes.length ? ((group.bytes[byte]! >> (7 - (i % 8))) & 1) as 0 | 1 : 0;
    bits.push({ bit: value, byte: byte < group.bytes.length ? byte : -1, sextet: Math.floor(i / 6) });
  }
  return bits;
}

/** The character standard base64 (RFC 4648 §4) writes for a value; it differs from base64url only at 62 and 63. */
export function standardChar(value: number): string {
  if (value === 62) return '+';
  if (value === 63) return '/';
  return ALPHABET[value]!;
}

/** Number of 3-byte groups (the last may be shorter) a byte string splits into. */
export function groupCount(bytes: number): number {
  return Math.ceil(bytes / 3);
}

/**
 * Group `index` of base64urlGroups(bytes), computed by the core from that group's bytes alone, so a view
 * asks only for the groups on screen instead of splitting 64 KB into twenty thousand objects.
 */
export function groupAt(bytes: Uint8Array, index: number): Base64Group {
  if (!Number.isInteger(index) || index < 0 || index >= groupCount(bytes.length)) {
    throw new RangeError(`group ${index} is outside 0…${groupCount(bytes.length) - 1}`);
  }
  return base64urlGroups(bytes.subarray(3 * index, 3 * index + 3))[0]!;
}

/** For each value 0…63, whether its character occurs in a base64url text. */
export function usedValues(text: string): boolean[] {
  const used = new Array<boolean>(64).fill(false);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? VALUE_OF[code]! : -1;
    if (value !== -1) used[value] = true;
  }
  return used;
}

/** Character code → base64url value, -1 for a character outside the alphabet. */
const VALUE_OF = new Int8Array(128).fill(-1);
for (let v = 0; v < ALPHABET.length; v++) VALUE_OF[ALPHABET.charCodeAt(v)] = v;

/** True when a base64url text has a "-" or "_" (values 62 and 63), the two places it differs from base64. */
export function usesUrlOnlyChars(text: string): boolean {
  return text.includes('-') || text.includes('_');
}

/** Base64 characters a byte string encodes to, without padding. */
export function base64Length(bytes: number): number {
  return Math.ceil((bytes * 4) / 3);
}

/**
 * "27 bytes → 36 characters (9 groups of 3 bytes; no padding needed)", or for a length that is not a
 * multiple of three, what the last group is, how many zero bits fill it and how many "=" are dropped.
 */
export function base64Summary(bytes: number): string {
  const head = `${plural(bytes, 'byte')} → ${plural(base64Length(bytes), 'character')}`;
  if (bytes === 0) return `${head}: nothing to encode`;
  const full = Math.floor(bytes / 3);
  const rest = bytes % 3;
  const groups = full === 0 ? '' : `${plural(full, 'group')} of 3 bytes`;
  if (rest === 0) return `${head} (${groups}; no padding needed)`;
  const last = `${full === 0 ? 'one group' : 'a last group'} of ${plural(rest, 'byte')}`;
  const zeroBits = rest === 1 ? 4 : 2;
  const dropped = rest === 1 ? 'the two “=” standard base64 adds are dropped' : 'the “=” standard base64 adds is dropped';
  return `${head} (${groups ? `${groups} and ` : ''}${last}: ${zeroBits} zero bits fill its last character, and ${dropped})`;
}

/* Base64 group widths and heights, in em of the view's font size. */

/** Width of one bit column (bits are drawn at 0.85em, about 0.51em wide). */
export const BIT_EM = 0.6;
/** A group: 24 bit columns plus padding and border. */
export const GROUP_EM = 24 * BIT_EM + 0.7;
export const GROUP_GAP_EM = 0.8;

/** How many items of `itemPx` fit side by side in `widthPx` with `gapPx` between them; at least one. */
export function perRow(widthPx: number, itemPx: number, gapPx: number): number {
  if (!(itemPx > 0)) return 1;
  return Math.max(1, Math.floor((widthPx + gapPx) / (itemPx + gapPx)));
}

/* ------------------------------------------------------------------------------------------------------------
 * Rows and windowing
 * --------------------------------------------------------------------------------------------------------- */

/**
 * Packs items of the given widths into rows no wider than `rowWidth`, in order, with `gap` between items.
 * Returns the row starts plus a final entry equal to the item count: row r holds items
 * `starts[r]` … `starts[r+1] - 1`. Every row holds at least one item, even one wider than the row.
 */
export function packRows(widths: ArrayLike<number>, rowWidth: number, gap: number): Uint32Array {
  const starts: number[] = [];
  let used = Infinity;
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i]!;
    if (used + gap + w > rowWidth + 1e-9) {
      starts.push(i);
      used = w;
    } else {
      used += gap + w;
    }
  }
  starts.push(widths.length);
  return Uint32Array.from(starts);
}

/** Number of rows in a packing from packRows. */
export const rowCount = (starts: Uint32Array) => starts.length - 1;

/** The row that holds item `index` (binary search over the row starts). */
export function rowOf(starts: Uint32Array, index: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface RowRange {
  /** First row to draw. */
  first: number;
  /** One past the last row to draw. */
  end: number;
}

/**
 * The rows of height `rowHeight` to draw for a scroll container scrolled to `scrollTop` and `viewport` high:
 * those on screen plus `overscan` above and below, clamped to 0…rows.
 */
export function visibleRows(scrollTop: number, viewport: number, rowHeight: number, rows: number, overscan = 2): RowRange {
  if (rows <= 0 || !(rowHeight > 0)) return { first: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.max(0, Math.min(rows - 1, Math.floor(top / rowHeight)) - overscan);
  const end = Math.min(rows, Math.ceil((top + Math.max(0, viewport)) / rowHeight) + overscan);
  return { first, end: Math.max(end, first + 1) };
}

/** The scrollTop that brings row `row` fully into view, moving as little as possible. */
export function scrollToRow(row: number, rowHeight: number, scrollTop: number, viewport: number): number {
  if (rowOnScreen(row, scrollTop, viewport, rowHeight)) return scrollTop;
  const top = row * rowHeight;
  if (top < scrollTop) return top;
  return Math.max(0, top + rowHeight - viewport);
}

/**
 * The scroll position that shows the span `start`…`start + size` (e.g. a cell's left edge and width), moving as
 * little as possible; a span larger than the viewport is shown from its start.
 */
export function scrollToSpan(start: number, size: number, scroll: number, viewport: number): number {
  if (start < scroll || size > viewport) return Math.max(0, start);
  if (start + size > scroll + viewport) return start + size - viewport;
  return scroll;
}

/** The first row wholly on screen (or the last row, when none is): where focus lands if its item scrolled away. */
export function firstVisibleRow(scrollTop: number, rowHeight: number, rows: number): number {
  if (rows <= 0 || !(rowHeight > 0)) return 0;
  return Math.min(rows - 1, Math.max(0, Math.ceil(scrollTop / rowHeight - 1e-6)));
}

/** Whether row `row` is wholly on screen. */
export function rowOnScreen(row: number, scrollTop: number, viewport: number, rowHeight: number): boolean {
  return row * rowHeight >= scrollTop - 1e-6 && (row + 1) * rowHeight <= scrollTop + viewport + 1e-6;
}

/** A byte grid's measures, in em of its font size (ByteGrid.svelte draws them; the views lay out rows with them). */
export interface GridGeometry {
  /** Height of a row, its padding included. */
  rowEm: number;
  /** Padding above and below the items of a row. */
  rowPadEm: number;
  /** The grid's greatest height: more rows scroll inside it. */
  maxEm: number;
  /** Horizontal padding of the rows, left plus right. */
  padEm: number;
  /** Gap between the items of a row. */
  gapEm: number;
}

/** Where a keyboard move landed: the item's row, and its left edge and width within the row, in em. */
export interface GridSpot {
  row: number;
  x: number;
  width: number;
}

/** How many whole rows a page (Page Up / Page Down) moves: at least one. */
export function rowsPerPage(viewport: number, rowHeight: number): number {
  return rowHeight > 0 ? Math.max(1, Math.floor(viewport / rowHeight)) : 1;
}

/* ------------------------------------------------------------------------------------------------------------
 * Keyboard
 * --------------------------------------------------------------------------------------------------------- */

export interface NavKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** Left edge of item `index` within its row, in the units of `widths`. */
export function xOf(starts: Uint32Array, widths: ArrayLike<number>, gap: number, index: number): number {
  let x = 0;
  for (let i = starts[rowOf(starts, index)]!; i < index; i++) x += widths[i]! + gap;
  return x;
}

/** The item of row `row` under the horizontal position `x` (its centre nearest to x). */
function itemAt(starts: Uint32Array, widths: ArrayLike<number>, gap: number, row: number, x: number): number {
  let best = starts[row]!;
  let bestDistance = Infinity;
  let left = 0;
  for (let i = starts[row]!; i < starts[row + 1]!; i++) {
    const distance = Math.abs(left + widths[i]! / 2 - x);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
    left += widths[i]! + gap;
  }
  return best;
}

/**
 * Arrow-key movement over items packed in rows: ←/→ the previous/next item (across rows), ↑/↓ the item
 * above/below (nearest by position), Home/End the row's first/last, Ctrl+Home/End the very first/last,
 * Page Up/Down `pageRows` rows. Returns the new index, or undefined for a key that is not a move.
 */
export function moveInRows(
  event: NavKey, index: number, starts: Uint32Array, widths: ArrayLike<number>, gap: number, pageRows: number,
): number | undefined {
  const items = starts[starts.length - 1]!;
  if (items === 0) return undefined;
  const clamp = (i: number) => Math.min(Math.max(i, 0), items - 1);
  const current = clamp(index);
  const row = rowOf(starts, current);
  const rows = rowCount(starts);
  const vertical = (to: number) => {
    const target = Math.min(Math.max(to, 0), rows - 1);
    if (target === row) return current;
    const x = xOf(starts, widths, gap, current) + widths[current]! / 2;
    return itemAt(starts, widths, gap, target, x);
  };
  const ctrl = event.ctrlKey === true || event.metaKey === true;
  switch (event.key) {
    case 'ArrowLeft': return clamp(current - 1);
    case 'ArrowRight': return clamp(current + 1);
    case 'ArrowUp': return vertical(row - 1);
    case 'ArrowDown': return vertical(row + 1);
    case 'PageUp': return vertical(row - pageRows);
    case 'PageDown': return vertical(row + pageRows);
    case 'Home': return ctrl ? 0 : starts[row]!;
    case 'End': return ctrl ? items - 1 : starts[row + 1]! - 1;
    default: return undefined;
  }
}

/** Where the keyboard is in the base64 view: a byte, or a character of the output. */
export interface Base64Position {
  lane: 'byte' | 'char';
  /** Index in the whole byte string, or in the whole base64url text. */
  index: number;
}

/**
 * Keyboard movement in the base64 view, where each group shows its bytes above its characters and
 * `groupsPerRow` groups share a row: ←/→ along the bytes or the characters, ↓ from a byte to the first
 * character it feeds and from a character to the bytes of the group below, ↑ the reverse, Home/End the row's
 * first/last, Ctrl+Home/End the very first/last, Page Up/Down `pageRows` rows.
 */
export function moveInBase64(
  event: NavKey, at: Base64Position, byteCount: number, groupsPerRow: number, pageRows: number,
): Base64Position | undefined {
  const charCount = base64Length(byteCount);
  if (byteCount === 0) return undefined;
  const size = at.lane === 'byte' ? byteCount : charCount;
  const per = at.lane === 'byte' ? 3 : 4;
  const index = Math.min(Math.max(at.index, 0), size - 1);
  const group = Math.floor(index / per);
  const groups = Math.ceil(byteCount / 3);
  const row = Math.floor(group / groupsPerRow);
  const rows = Math.ceil(groups / groupsPerRow);
  const lane = (l: Base64Position['lane'], i: number): Base64Position => ({
    lane: l,
    index: Math.min(Math.max(i, 0), (l === 'byte' ? byteCount : charCount) - 1),
  });
  /** The same lane in the group `rowsDown` rows further, at the same place within the group. */
  const otherRow = (rowsDown: number) => {
    const targetRow = Math.min(Math.max(row + rowsDown, 0), rows - 1);
    const targetGroup = Math.min(group + (targetRow - row) * groupsPerRow, groups - 1);
    return lane(at.lane, targetGroup * per + (index % per));
  };
  const ctrl = event.ctrlKey === true || event.metaKey === true;
  const rowFirstGroup = row * groupsPerRow;
  const rowLastGroup = Math.min(groups, rowFirstGroup + groupsPerRow) - 1;
  switch (event.key) {
    case 'ArrowLeft': return lane(at.lane, index - 1);
    case 'ArrowRight': return lane(at.lane, index + 1);
    case 'ArrowDown':
      if (at.lane === 'byte') return lane('char', group * 4 + sextetsOfByte(index % 3)[0]!);
      if (row === rows - 1) return lane('char', index);
      return lane('byte', Math.min(group + groupsPerRow, groups - 1) * 3 + bytesOfSextet(index % 4)[0]!);
    case 'ArrowUp':
      if (at.lane === 'char') return lane('byte', group * 3 + bytesOfSextet(index % 4)[0]!);
      if (row === 0) return lane('byte', index);
      return lane('char', (group - groupsPerRow) * 4 + sextetsOfByte(index % 3)[0]!);
    case 'PageUp': return otherRow(-pageRows);
    case 'PageDown': return otherRow(pageRows);
    case 'Home': return ctrl ? lane(at.lane, 0) : lane(at.lane, rowFirstGroup * per);
    case 'End': return ctrl ? lane(at.lane, size - 1) : lane(at.lane, rowLastGroup * per + per - 1);
    default: return undefined;
  }
}
