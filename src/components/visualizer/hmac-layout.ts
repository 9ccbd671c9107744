/**
 * Layout for the HMAC view: what the zero padding became in K⊕ipad and K⊕opad, one worked XOR byte, and the
 * key-length meter. Pure data in, data out: the bytes come from the trace, the constants and sizes from the core.
 */
import { byteBits, bytesAndBits, hexByte } from '../../lib/format';
import { algorithmInfo, hmacAlgorithm, type HashName, type HmacKeyStep } from '../../lib/jwt';

/** Where a trailing run of `value` starts (the length when there is none): in K⊕ipad, what the zero padding became. */
export function trailingRunStart(bytes: Uint8Array, value: number): number {
  let i = bytes.length;
  while (i > 0 && bytes[i - 1] === value) i--;
  return i;
}

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
    text: `${hexByte(keyByte)} ⊕ ${hexByte(pad)} = ${hexByte(result)}`,
    hex: [hexByte(keyByte), hexByte(pad), hexByte(result)],
    ...(keyByte >= 0x20 && keyByte <= 0x7e && { keyChar: String.fromCharCode(keyByte) }),
    bits: [byteBits(keyByte), byteBits(pad), byteBits(result)],
  };
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

/** How many bytes at the start of the key block are key (or the long key's hash); the rest is zero padding. */
export function keyBlockUsed(step: HmacKeyStep): number {
  return step.keyWasHashed ? hashBytes(step.hash) : step.key.length;
}
