/**
 * Reading a PKCS#1 v1.5 encoded message (RFC 8017 §9.2: EM = 00 01 FF…FF 00 ‖ DigestInfo) back into its parts
 * from its bytes, or saying at which byte it stops looking like one. No DER here: the stage explanations need
 * only the shape, and pages that never draw a DigestInfo do not download the DER reader (pkcs1.ts adds it).
 */
import { hexByte } from '../format';

export type EmPartName = 'zero' | 'type' | 'padding' | 'separator' | 'digest-info';

export interface EmPart {
  name: EmPartName;
  label: string;
  /** 0-based offset of the part's first byte in EM. */
  offset: number;
  bytes: Uint8Array;
}

export type EmShape =
  | { ok: true; parts: EmPart[]; paddingBytes: number; digestInfo: Uint8Array }
  | { ok: false; problem: string; offset: number };

const hex = (b: number) => hexByte(b, true);

/** RFC 8017 §9.2 asks for at least 8 bytes of FF. */
const MIN_PADDING = 8;

/** Reads EM's parts from its bytes, or says at which byte it stops looking like an encoded message. */
export function emShape(em: Uint8Array): EmShape {
  const expect = (offset: number, wanted: number, role: string): EmShape | undefined =>
    em[offset] === wanted ? undefined : {
      ok: false,
      offset,
      problem: em[offset] === undefined
        ? `EM ends after ${em.length} bytes, before ${role}.`
        : `Byte ${offset + 1} (offset ${offset}) is ${hex(em[offset]!)}, where an encoded message has ${hex(wanted)} (${role}).`,
    };
  const head = expect(0, 0x00, 'the leading zero') ?? expect(1, 0x01, 'block type 1: a signature');
  if (head) return head;
  let end = 2;
  while (em[end] === 0xff) end++;
  const paddingBytes = end - 2;
  const separator = expect(end, 0x00, `the zero that ends the padding, after ${paddingBytes} bytes of FF`);
  if (separator) return separator;
  if (paddingBytes < MIN_PADDING) {
    return { ok: false, offset: 2, problem: `The padding is only ${paddingBytes} bytes of FF; PKCS#1 v1.5 requires at least ${MIN_PADDING}.` };
  }
  const digestInfo = em.subarray(end + 1);
  const parts: EmPart[] = [
    { name: 'zero', label: 'Leading zero: keeps m below n', offset: 0, bytes: em.subarray(0, 1) },
    { name: 'type', label: 'Block type 01: a signature', offset: 1, bytes: em.subarray(1, 2) },
    { name: 'padding', label: `Padding: ${paddingBytes} bytes of FF`, offset: 2, bytes: em.subarray(2, end) },
    { name: 'separator', label: 'Zero: the padding ends', offset: end, bytes: em.subarray(end, end + 1) },
    { name: 'digest-info', label: `DigestInfo (${digestInfo.length} bytes)`, offset: end + 1, bytes: digestInfo },
  ];
  return { ok: true, parts, paddingBytes, digestInfo };
}
