/**
 * Words for the RSA views: byte offsets and the public exponent. The encoded message's parts come from the
 * core's emLayout; big numbers in hex from src/lib/format.ts.
 */
import { bigHex } from '../../lib/format';

/** Offsets from `offset` for `length` bytes, as "offset 4" or "offsets 4–12". */
export function offsetRange(offset: number, length: number): string {
  return length <= 1 ? `offset ${offset}` : `offsets ${offset}–${offset + length - 1}`;
}

/** A public exponent the way people say it: 65537 (0x10001). */
export function exponentText(e: bigint): string {
  return `${e} (0x${bigHex(e).hex})`;
}
