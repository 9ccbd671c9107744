/**
 * Layout for the HMAC and comparison views and the secret field: rows of bytes, the worked XOR example,
 * the key-length meter, where two byte strings differ, and reading a secret from what the learner typed.
 * Pure data in, data out: no Svelte here, and nothing the core computes is computed again. Bytes and
 * verdicts come from the trace; this module only arranges them for drawing.
 */
import {
  JwtError, algorithmInfo, findInvalidUtf8, checkHmacSecret, secretFromBase64url, secretFromText, utf8Decode,
  type Algorithm, type HashName,
} from '../../lib/jwt';

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

const hex2 = (b: number) => b.toString(16).padStart(2, '0');

function offsetLabels(length: number, perRow: number): (offset: number) => string {
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
      const cell: ByteCell = { index, value, hex: hex2(value), padding: paddingFrom !== undefined && index >= paddingFrom };
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

/** Where a trailing run of `value` starts (the length when there is none): in K⊕ipad, what the zero padding became. */
export function trailingRunStart(bytes: Uint8Array, value: number): number {
  let i = bytes.length;
  while (i > 0 && bytes[i - 1] === value) i--;
  return i;
}

export const IPAD = 0x36;
export const OPAD = 0x5c;

export interface XorExample {
  index: number;
  /** The key-block byte, read back from the padded byte: padded ⊕ pad. */
  keyByte: number;
  pad: number;
  /** The byte in the trace. */
  result: number;
  /** The key byte as a character, when it is printable ASCII. */
  keyChar?: string;
  /** "73 ⊕ 36 = 45" */
  text: string;
  /** ["73", "36", "45"] */
  hex: [string, string, string];
  /** The same in bits, for a second line: ["0111 0011", "0011 0110", "0100 0101"]. */
  bits: [string, string, string];
}

const bits8 = (b: number) => {
  const s = b.toString(2).padStart(8, '0');
  return `${s.slice(0, 4)} ${s.slice(4)}`;
};

/**
 * One worked byte of K⊕pad. The trace holds K⊕pad, not K; since x ⊕ p ⊕ p = x, the key byte is read back
 * from it, so the example always shows the trace's own byte as the result.
 */
export function xorExample(padded: Uint8Array, pad: number, index = 0): XorExample | undefined {
  const result = padded[index];
  if (result === undefined) return undefined;
  const keyByte = result ^ pad;
  return {
    index, keyByte, pad, result,
    text: `${hex2(keyByte)} ⊕ ${hex2(pad)} = ${hex2(result)}`,
    hex: [hex2(keyByte), hex2(pad), hex2(result)],
    ...(keyByte >= 0x20 && keyByte <= 0x7e && { keyChar: String.fromCharCode(keyByte) }),
    bits: [bits8(keyByte), bits8(pad), bits8(result)],
  };
}

/** "HS256" for SHA-256: the JWS name of HMAC with that hash. */
export function hmacAlgorithm(hash: HashName): Algorithm {
  return `HS${hash.slice(4)}` as Algorithm;
}

export interface KeyMeter {
  keyBytes: number;
  minimumBytes: number;
  blockBytes: number;
  /** Fill of the bar, 0–1; the scale runs to the block size, where keys start being hashed. */
  fraction: number;
  /** Where the minimum sits on the same scale, 0–1. */
  minimumAt: number;
  /** The key is longer than the block (the bar is full and the key is hashed first). */
  overflow: boolean;
  weak: boolean;
  /** "Too short" or "Long enough": the state in words, never colour alone. */
  verdict: string;
  /** "12 bytes (96 bits) — HS256 needs at least 32 bytes (256 bits)" */
  text: string;
}

const bytesAndBits = (n: number) => `${n} byte${n === 1 ? '' : 's'} (${n * 8} bits)`;

/** The key-length meter against RFC 7518 §3.2's minimum, scaled to the hash's block size. */
export function keyMeter(keyBytes: number, minimumBytes: number, blockBytes: number, hash: HashName): KeyMeter {
  const weak = keyBytes < minimumBytes;
  return {
    keyBytes, minimumBytes, blockBytes,
    fraction: Math.min(keyBytes / blockBytes, 1),
    minimumAt: minimumBytes / blockBytes,
    overflow: keyBytes > blockBytes,
    weak,
    verdict: weak ? 'Too short' : 'Long enough',
    text: `${bytesAndBits(keyBytes)} — ${hmacAlgorithm(hash)} needs at least ${bytesAndBits(minimumBytes)}`,
  };
}

/** The hash length in bytes for an HMAC hash, from the core's table. */
export function hashBytes(hash: HashName): number {
  return algorithmInfo(hmacAlgorithm(hash)).hashBytes;
}

// Comparing two byte strings

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
        expected: e === undefined ? undefined : hex2(e),
        received: r === undefined ? undefined : hex2(r),
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

// The secret field

export type SecretEncoding = 'utf8' | 'base64url';

export interface SecretReading {
  bytes?: Uint8Array;
  /** Why the text gives no usable secret, in the core's words. */
  error?: string;
  code?: JwtError['code'];
  /** Index of the offending character in the text, for a bad base64url character. */
  index?: number;
  /** The text is a public key (PEM or JWK): the core names this the algorithm-confusion attack. */
  confusion?: boolean;
  /** In UTF-8 mode: the number of bytes the same text would give read as base64url, if it is valid base64url. */
  alsoBase64url?: number;
}

/**
 * Turns what the learner typed into the secret's bytes with the core's functions. An error comes back as
 * data; the text is never changed. Secrets that are really keys (a pasted PEM or JWK) are refused with the
 * core's explanation of the algorithm-confusion attack.
 */
export function readSecret(text: string, encoding: SecretEncoding): SecretReading {
  let bytes: Uint8Array;
  try {
    bytes = encoding === 'utf8' ? secretFromText(text) : secretFromBase64url(text);
    checkHmacSecret(bytes);
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    const reading: SecretReading = { error: error.message, code: error.code, index: error.where?.index };
    if (error.code === 'ERR_KEY_MISMATCH' && error.message.includes('algorithm-confusion')) reading.confusion = true;
    return reading;
  }
  const reading: SecretReading = { bytes };
  if (encoding === 'utf8' && text.length >= 16 && /^[A-Za-z0-9_-]+$/.test(text)) {
    try {
      reading.alsoBase64url = secretFromBase64url(text).length;
    } catch {
      // Not base64url after all: no hint.
    }
  }
  return reading;
}
