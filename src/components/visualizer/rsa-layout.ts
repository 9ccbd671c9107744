/**
 * Words for the RSA views: byte offsets, the public exponent, and numbers and bytes by their two ends. The
 * encoded message's parts come from the core's emLayout; big numbers in hex from src/lib/format.ts.
 */
import type { EmPart } from '../../lib/jwt';
import { bigHex, count, hexByte } from '../../lib/format';

/** Offsets from `offset` for `length` bytes, as "offset 4" or "offsets 4–12". */
export function offsetRange(offset: number, length: number): string {
  return length <= 1 ? `offset ${offset}` : `offsets ${offset}–${offset + length - 1}`;
}

/** A public exponent the way people say it: 65537 (0x10001). */
export function exponentText(e: bigint): string {
  return `${e} (0x${bigHex(e).hex})`;
}

/** A big number by its two ends in hex, "1FFF…8E2A": a caption or a scene names it; the view below shows every digit. */
export function hexEnds(n: bigint, digits = 4): string {
  const { hex } = bigHex(n);
  return hex.length <= 2 * digits + 2 ? hex : `${hex.slice(0, digits)}…${hex.slice(-digits)}`;
}

/** Bytes by their two ends, "5F 32 A0 … 8E 11", for a caption or a scene that has no room for all of them. */
export function byteEnds(bytes: Uint8Array, head = 3, tail = 2): string {
  const hex = (part: Uint8Array) => Array.from(part, (b) => hexByte(b, true)).join(' ');
  return bytes.length <= head + tail + 1 ? hex(bytes) : `${hex(bytes.subarray(0, head))} … ${hex(bytes.subarray(bytes.length - tail))}`;
}

/** An encoded message's part as a block of a bar: its byte when it is one ("00"), "FF × 202", "DigestInfo". */
export function emPartText(part: EmPart): string {
  if (part.name === 'padding') return `FF × ${count(part.bytes.length)}`;
  if (part.name === 'digest-info') return 'DigestInfo';
  return byteEnds(part.bytes);
}
