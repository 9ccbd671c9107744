/**
 * Layout for the comparison view: where two byte strings differ, in rows and in words, and what a naive
 * compare would have done. Pure data in, data out: the verdict comes from the trace.
 */
import { hexByte } from '../../lib/format';
import { offsetLabels } from './byte-rows';

/** Every position where the two differ; positions only one of them has count as differing. */
export function diffPositions(expected: Uint8Array, received: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(expected.length, received.length); i++) {
    if (expected[i] !== received[i]) out.push(i);
  }
  return out;
}

/** Sorted positions as 1-based ranges in words: [0,1,2,5] → "bytes 1–3 and 6". */
export function describePositions(positions: readonly number[]): string {
  if (positions.length === 0) return 'no bytes';
  const ranges: string[] = [];
  let start = positions[0]!;
  let prev = start;
  const flush = () => ranges.push(start === prev ? `${start + 1}` : `${start + 1}–${prev + 1}`);
  for (const p of positions.slice(1)) {
    if (p === prev + 1) {
      prev = p;
      continue;
    }
    flush();
    start = prev = p;
  }
  flush();
  const list = ranges.length === 1 ? ranges[0]! : `${ranges.slice(0, -1).join(', ')} and ${ranges.at(-1)}`;
  const single = positions.length === 1;
  return `${single ? 'byte' : 'bytes'} ${list}`;
}

export interface CompareCell {
  index: number;
  /** Hex of the expected byte, or undefined past its end. */
  expected?: string;
  received?: string;
  differs: boolean;
  first: boolean;
}

export interface CompareRow {
  offset: number;
  label: string;
  cells: CompareCell[];
}

/** The two byte strings aligned in rows, each position marked as equal or differing. */
export function compareRows(expected: Uint8Array, received: Uint8Array, firstDifference: number, perRow = 8): CompareRow[] {
  const length = Math.max(expected.length, received.length);
  const label = offsetLabels(length, perRow);
  const rows: CompareRow[] = [];
  for (let offset = 0; offset < length; offset += perRow) {
    const cells: CompareCell[] = [];
    for (let index = offset; index < Math.min(offset + perRow, length); index++) {
      const e = expected[index];
      const r = received[index];
      cells.push({
        index,
        expected: e === undefined ? undefined : hexByte(e),
        received: r === undefined ? undefined : hexByte(r),
        differs: e !== r,
        first: index === firstDifference,
      });
    }
    rows.push({ offset, label: label(offset), cells });
  }
  return rows;
}

/** "A naive compare would have stopped after 3 of 32 bytes", or what it would have done instead. */
export function naiveCompareText(examined: number, expectedLength: number, receivedLength: number, equal: boolean): string {
  if (expectedLength !== receivedLength) {
    return `A naive compare would have stopped before looking at any byte: the lengths differ (${expectedLength} and ${receivedLength} bytes).`;
  }
  if (equal || examined >= expectedLength) {
    return `A naive compare would have looked at all ${expectedLength} bytes, because they all match.`;
  }
  return `A naive compare would have stopped after ${examined} of ${expectedLength} bytes.`;
}

/** Where a byte stands against the compare's cursor: passed, under the cursor in this beat, or not reached. */
export type CursorState = 'done' | 'now' | 'ahead';

export interface CursorCell extends CompareCell {
  state: CursorState;
}

/**
 * The row of `perRow` bytes a compare scene shows for a beat whose cursor passes over bytes [from, to): the row
 * of the last byte it reaches (the first row when it reaches none), each byte marked by where it stands.
 */
export function cursorRow(
  expected: Uint8Array,
  received: Uint8Array,
  { from, to }: { from: number; to: number },
  perRow = 8,
): { offset: number; cells: CursorCell[] } {
  const offset = Math.floor(Math.max(to - 1, 0) / perRow) * perRow;
  const row = compareRows(expected.subarray(offset, offset + perRow), received.subarray(offset, offset + perRow), -1, perRow)[0];
  const cells = (row?.cells ?? []).map((cell): CursorCell => {
    const index = cell.index + offset;
    return { ...cell, index, state: index < from ? 'done' : index < to ? 'now' : 'ahead' };
  });
  return { offset, cells };
}
