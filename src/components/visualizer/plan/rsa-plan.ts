/**
 * The RSA stages performed (RSASSA-PKCS1-v1_5, RFC 8017 §8.2, §9.2), one planner per stage:
 * - rsa-encode: the digest wraps into a DigestInfo, then 00 01, FF padding, 00 and the DigestInfo fill a block
 *   as long as the modulus: EM;
 * - rsa-sign: EM read as the number m; WebCrypto's s = m^d mod n (d never leaves it, so the trace has no d);
 *   the page's check s^e mod n = m;
 * - rsa-public: the signature read as s; s^e mod n; m′ written back as bytes, EM′, and read for its shape.
 * Each beat names the learner's values by their ends (a 2048-bit number has 512 hex digits; the view below
 * shows them all). EM's parts come from the core's emShape; the arithmetic from the trace.
 */
import { emShape, type EmPart, type EmShape, type RsaEncodeStep, type RsaPublicStep, type RsaSignStep } from '../../../lib/jwt';
import { bigHex, count, plural } from '../../../lib/format';
import { byteEnds, exponentText, hexEnds, offsetRange } from '../rsa-layout';
import type { Beat } from './beats';

/** How left-to-right square-and-multiply raises to e: one squaring per bit of e, one multiplication per 1 bit. */
export function squareAndMultiply(e: bigint): { bits: string; squarings: number; multiplications: number } {
  const bits = e.toString(2);
  return { bits, squarings: bits.length, multiplications: bits.split('').filter((b) => b === '1').length };
}

/** "0x1FFFFF…1F8E2A, 2033 bits", its size written as the view below writes it. */
function numberText(n: bigint): string {
  return `0x${hexEnds(n)}, ${bigHex(n).bits} bits`;
}

function powerText(e: bigint): string {
  const { bits, squarings, multiplications } = squareAndMultiply(e);
  return `e = ${exponentText(e)} is ${bits} in binary, so square-and-multiply takes ${plural(squarings, 'squaring')} and ${plural(multiplications, 'multiplication')} mod n`;
}

export type RsaEncodeBeatKind = 'digest' | 'digest-info' | 'frame' | 'padding' | 'tail' | 'done';

export interface RsaEncodeBeat extends Beat {
  kind: RsaEncodeBeatKind;
  /** EM's parts, as the core reads them (the same in every beat). */
  parts: readonly EmPart[];
  /** How many of them are in place once this beat is over: 00 and 01, then the padding, then 00 and the DigestInfo. */
  placed: number;
}

export function rsaEncodePlan(step: RsaEncodeStep): readonly RsaEncodeBeat[] {
  const shape = emShape(step.em);
  const k = step.em.length;
  if (!shape.ok) {
    // encodePkcs1 builds EM by the RFC, so this does not happen; the stage still shows its result.
    return [{ kind: 'done', parts: [], placed: 0, caption: `EM: ${plural(k, 'byte')}.` }];
  }
  const { parts } = shape;
  const [, , padding, separator, digestInfo] = parts as [EmPart, EmPart, EmPart, EmPart, EmPart];
  const prefix = step.digestInfoPrefix;
  return [
    {
      kind: 'digest', parts, placed: 0,
      caption: `The ${step.hash} digest of the signing input: ${plural(step.digest.length, 'byte')}, ${byteEnds(step.digest)}.`,
    },
    {
      kind: 'digest-info', parts, placed: 0,
      caption: `A ${prefix.length}-byte DER prefix (${byteEnds(prefix)}) names ${step.hash} and announces ${plural(step.digest.length, 'byte')} of digest: with the digest, a ${step.digestInfo.length}-byte DigestInfo.`,
    },
    {
      kind: 'frame', parts, placed: 2,
      caption: `EM is as long as the ${step.modulusBits}-bit modulus: k = ${count(k)} bytes. It starts 00 01: a leading zero, then block type 01, a signature.`,
    },
    {
      kind: 'padding', parts, placed: 3, length: 1.5,
      caption: `${plural(step.paddingBytes, 'byte')} of FF fill the block, ${offsetRange(padding.offset, padding.bytes.length)}: the key's size sets how many, not the message.`,
    },
    {
      kind: 'tail', parts, placed: 5,
      caption: `00 at ${offsetRange(separator.offset, 1)} ends the padding, and the DigestInfo takes the last ${plural(digestInfo.bytes.length, 'byte')}, ${offsetRange(digestInfo.offset, digestInfo.bytes.length)}.`,
    },
    {
      kind: 'done', parts, placed: 5,
      caption: `EM = 00 01 ‖ FF × ${count(step.paddingBytes)} ‖ 00 ‖ DigestInfo: ${plural(k, 'byte')}, what the private key works on.`,
    },
  ];
}

export type RsaSignBeatKind = 'm' | 's' | 'power' | 'check';

export interface RsaSignBeat extends Beat {
  kind: RsaSignBeatKind;
}

export function rsaSignPlan(step: RsaSignStep): readonly RsaSignBeat[] {
  const holds = step.check === step.m;
  return [
    {
      kind: 'm',
      caption: `EM's ${plural(step.signature.length, 'byte')} read as one big-endian number: m = ${numberText(step.m)} (EM's leading 00 adds nothing).`,
    },
    {
      kind: 's',
      caption: `WebCrypto computes s = m^d mod n with the private exponent d, which never leaves it: s = ${numberText(step.s)}.`,
    },
    {
      kind: 'power', length: 1.5,
      caption: `The page checks with the public key, with BigInt: ${powerText(step.e)}.`,
    },
    {
      kind: 'check',
      caption: holds
        ? `sᵉ mod n = 0x${hexEnds(step.check)} = m: WebCrypto signed exactly this EM.`
        : `sᵉ mod n = 0x${hexEnds(step.check)}, which is not m.`,
    },
  ];
}

export type RsaPublicBeatKind = 's' | 'range' | 'power' | 'bytes' | 'shape';

export interface RsaPublicBeat extends Beat {
  kind: RsaPublicBeatKind;
  /** EM′'s shape as the core reads it (the same in every beat). */
  shape: EmShape;
}

export function rsaPublicPlan(step: RsaPublicStep): readonly RsaPublicBeat[] {
  const shape = emShape(step.em);
  const k = step.em.length;
  const s: RsaPublicBeat = {
    kind: 's', shape,
    caption: `The signature's ${plural(step.signature.length, 'byte')} read as one number: s = ${numberText(step.s)}.`,
  };
  if (!step.inRange) {
    return [
      s,
      {
        kind: 'range', shape,
        caption: step.signature.length !== k
          ? `With this key a signature is exactly ${plural(k, 'byte')}, and this one has ${count(step.signature.length)}: WebCrypto refuses it without computing anything.`
          : 's is not below the modulus n: no private key makes such a signature, and WebCrypto refuses it without computing anything.',
      },
    ];
  }
  return [
    s,
    {
      kind: 'power', shape, length: 1.5,
      caption: `m′ = sᵉ mod n, on this page with BigInt: ${powerText(step.e)}. m′ = ${numberText(step.m)}.`,
    },
    {
      kind: 'bytes', shape,
      caption: `m′ written as k = ${count(k)} bytes, the modulus size: EM′ = ${byteEnds(step.em, 4, 2)}.`,
    },
    {
      kind: 'shape', shape,
      caption: shape.ok
        ? `EM′ has an encoded message's shape: 00 01, FF × ${count(shape.paddingBytes)}, 00, a ${shape.digestInfo.length}-byte DigestInfo. Next, the verifier builds EM itself and compares.`
        : `EM′ is not an encoded message: ${shape.problem} A changed signature or another key gives such noise.`,
    },
  ];
}
