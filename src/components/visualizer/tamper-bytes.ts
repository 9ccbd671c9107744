/**
 * Where a change made in tamper mode lands in the bytes: for each segment whose text changed, its decoded
 * bytes before and after the change and which of them differ (a character of base64url carries 6 bits, so
 * one changed character changes one byte or two neighbours). A segment that no longer decodes says why, in the
 * decoder's words. Pure data in, data out: decoding is the core's strict base64url.
 */
import { base64urlDecode, isJwtError, partsOf, PART_TITLES, type Part } from '../../lib/jwt';
import { compareRows, diffPositions } from './compare-layout';

export interface ChangedSegment {
  /** 0-based place of the segment among the token's dot-separated segments. */
  index: number;
  /** What the segment is ("Payload", "Signature"), or "Segment 4" in a token of no known shape. */
  title: string;
  /** The segment's bytes as typed and as changed; absent where that text is not base64url. */
  before?: Uint8Array;
  after?: Uint8Array;
  /** Offsets of the bytes that differ (when both decode). */
  differing: number[];
  /** Why the changed text does not decode, in the decoder's words. */
  problem?: string;
}

type Decoded = { bytes: Uint8Array; problem?: undefined } | { bytes?: undefined; problem: string };

function decodeSegment(text: string, part: Part): Decoded {
  try {
    return { bytes: base64urlDecode(text, part) };
  } catch (error) {
    if (!isJwtError(error)) throw error;
    return { problem: error.message };
  }
}

/** The segments of `token` whose text differs from `original`'s segment at the same place, decoded both ways. */
export function changedSegments(token: string, original: string): ChangedSegment[] {
  if (token === original) return [];
  const now = token.split('.');
  const before = original.split('.');
  const parts = partsOf(now.length);
  const changed: ChangedSegment[] = [];
  for (let index = 0; index < now.length; index++) {
    const text = now[index]!;
    const typed = before[index];
    if (typed === undefined || text === typed) continue;
    const part = parts[index];
    const title = part ? PART_TITLES[part] : `Segment ${index + 1}`;
    const was = decodeSegment(typed, part ?? 'token');
    const is = decodeSegment(text, part ?? 'token');
    changed.push({
      index,
      title,
      before: was.bytes,
      after: is.bytes,
      differing: was.bytes && is.bytes ? diffPositions(was.bytes, is.bytes) : [],
      problem: is.problem,
    });
  }
  return changed;
}

export interface ChangedByte {
  index: number;
  /** Hex of the byte before and after the change; absent past the end of that side. */
  before?: string;
  after?: string;
  /** The byte as a character, when it is printable ASCII (a header's or payload's JSON). */
  beforeChar?: string;
  afterChar?: string;
  differs: boolean;
}

/** A printable ASCII byte as its character. */
function asciiChar(b: number | undefined): string | undefined {
  return b !== undefined && b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : undefined;
}

/**
 * The rows of `perRow` bytes that hold the first differing bytes of a changed segment (at most `maxRows`, so a
 * change in a 200 KB payload draws a few cells), and how many differing bytes lie outside them.
 */
export function changedRows(segment: ChangedSegment, perRow = 8, maxRows = 2): { rows: { offset: number; cells: ChangedByte[] }[]; more: number } {
  const { before, after, differing } = segment;
  if (!before || !after) return { rows: [], more: 0 };
  const offsets = [...new Set(differing.map((d) => d - (d % perRow)))].slice(0, maxRows);
  const rows = offsets.map((offset) => {
    const [b, a] = [before.subarray(offset, offset + perRow), after.subarray(offset, offset + perRow)];
    const cells = compareRows(b, a, -1, perRow)[0]?.cells ?? [];
    return {
      offset,
      cells: cells.map((cell, k): ChangedByte => ({
        index: offset + k,
        before: cell.expected,
        after: cell.received,
        beforeChar: asciiChar(b[k]),
        afterChar: asciiChar(a[k]),
        differs: cell.differs,
      })),
    };
  });
  const shown = rows.reduce((n, row) => n + row.cells.filter((c) => c.differs).length, 0);
  return { rows, more: differing.length - shown };
}
