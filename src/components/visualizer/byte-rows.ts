/**
 * Bytes in rows with their offsets, for the monospace byte grids of the HMAC and RSA views, and bytes shown
 * as text when they are text. Pure data in, data out.
 */
import { hexByte } from '../../lib/format';
import { findInvalidUtf8, utf8Decode } from '../../lib/jwt';

export interface ByteCell {
  /** 0-based position in the whole byte string. */
  index: number;
  value: number;
  hex: string;
  /** The byte as a character, when it is printable ASCII and the caller asked for characters. */
  char?: string;
  /** True for bytes at or after `paddingFrom`: the zero padding (or what became of it). */
  padding: boolean;
}

export interface ByteRow {
  /** 0-based offset of the row's first byte. */
  offset: number;
  /** The offset as text, right-aligned to the width of the largest offset. */
  label: string;
  cells: ByteCell[];
}

export interface RowOptions {
  /** Bytes per row; the views use 8 and let CSS pair two rows into 16 where there is room. */
  perRow?: number;
  /** Index of the first padding byte, if the bytes end in padding. */
  paddingFrom?: number;
  /** Show printable ASCII bytes as characters too. */
  chars?: boolean;
}

/** Offsets as text, right-aligned to the width of the largest row offset. */
export function offsetLabels(length: number, perRow: number): (offset: number) => string {
  const last = Math.max(0, Math.floor((length - 1) / perRow) * perRow);
  const width = String(last).length;
  return (offset) => String(offset).padStart(width, ' ');
}

/** Splits bytes into rows with their offsets, for a monospace grid. An empty string gives no rows. */
export function byteRows(bytes: Uint8Array, { perRow = 8, paddingFrom, chars = false }: RowOptions = {}): ByteRow[] {
  if (!Number.isInteger(perRow) || perRow < 1) throw new RangeError(`perRow must be a positive integer, not ${perRow}`);
  const label = offsetLabels(bytes.length, perRow);
  const rows: ByteRow[] = [];
  for (let offset = 0; offset < bytes.length; offset += perRow) {
    const cells: ByteCell[] = [];
    for (let index = offset; index < Math.min(offset + perRow, bytes.length); index++) {
      const value = bytes[index]!;
      const cell: ByteCell = { index, value, hex: hexByte(value), padding: paddingFrom !== undefined && index >= paddingFrom };
      if (chars && value >= 0x20 && value <= 0x7e) cell.char = String.fromCharCode(value);
      cells.push(cell);
    }
    rows.push({ offset, label: label(offset), cells });
  }
  return rows;
}

/** The bytes as text, if they are valid UTF-8 with nothing invisible or unprintable in them; otherwise undefined. */
export function printableText(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0 || findInvalidUtf8(bytes) !== -1) return undefined;
  const text = utf8Decode(bytes);
  // Control characters, lone surrogates, private-use and unassigned code points have no glyph to show.
  return /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u.test(text) ? undefined : text;
}
