/**
 * Layout for the base64url view: which bytes feed which characters, a group's bits, the summary line, group
 * widths, and keyboard moves between a group's bytes and its characters. Pure data in, data out; the groups
 * and the alphabet come from the core.
 */
import { ALPHABET, base64urlGroups, base64urlValue, type Base64Group } from '../../lib/jwt';
import type { NavKey } from './rows-layout';

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
    const value = base64urlValue(text[i]!);
    if (value !== -1) used[value] = true;
  }
  return used;
}

/** True when a base64url text has a "-" or "_" (values 62 and 63), the two places it differs from base64. */
export function usesUrlOnlyChars(text: string): boolean {
  return text.includes('-') || text.includes('_');
}

/** Base64 characters a byte string encodes to, without padding. */
export function base64Length(bytes: number): number {
  return Math.ceil((bytes * 4) / 3);
}

/* Base64 group widths and heights, in em of the view's font size. */

/** Width of one bit column (bits are drawn at 0.85em, about 0.51em wide). */
export const BIT_EM = 0.6;
/** A group: 24 bit columns plus padding and border. */
export const GROUP_EM = 24 * BIT_EM + 0.7;
export const GROUP_GAP_EM = 0.8;

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
