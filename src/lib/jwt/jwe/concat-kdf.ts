/**
 * The Concat KDF of NIST SP 800-56A §5.8.1 as RFC 7518 §4.6.2 uses it, written out: SHA-256 over
 * counter ‖ Z ‖ OtherInfo, as many rounds as the key needs, truncated to keydatalen bits.
 */
import { buf, concatBytes, utf8Encode } from '../bytes';
import type { ConcatKdfRound } from './trace';

function uint32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

/** A 32-bit big-endian length, then the bytes: how each OtherInfo field is written. */
function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  return concatBytes(uint32(bytes.length), bytes);
}

export interface ConcatKdfResult {
  algorithmIdBytes: Uint8Array;
  partyUInfo: Uint8Array;
  partyVInfo: Uint8Array;
  suppPubInfo: Uint8Array;
  otherInfo: Uint8Array;
  rounds: ConcatKdfRound[];
  derivedKey: Uint8Array;
}

export async function concatKdf(z: Uint8Array, algorithmId: string, apu: Uint8Array, apv: Uint8Array, keyDataLen: number): Promise<ConcatKdfResult> {
  const algorithmIdBytes = lengthPrefixed(utf8Encode(algorithmId));
  const partyUInfo = lengthPrefixed(apu);
  const partyVInfo = lengthPrefixed(apv);
  const suppPubInfo = uint32(keyDataLen);
  const otherInfo = concatBytes(algorithmIdBytes, partyUInfo, partyVInfo, suppPubInfo);
  const rounds: ConcatKdfRound[] = [];
  for (let counter = 1; counter <= Math.ceil(keyDataLen / 256); counter++) {
    const input = concatBytes(uint32(counter), z, otherInfo);
    rounds.push({ counter, input, digest: new Uint8Array(await crypto.subtle.digest('SHA-256', buf(input))) });
  }
  const derivedKey = concatBytes(...rounds.map((r) => r.digest)).subarray(0, keyDataLen / 8);
  return { algorithmIdBytes, partyUInfo, partyVInfo, suppPubInfo, otherInfo, rounds, derivedKey };
}
