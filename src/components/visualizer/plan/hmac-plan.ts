/**
 * The three HMAC stages performed (RFC 2104). Key: the key (or, when longer than the block, its hash) drops
 * into the block and zero bytes fill the rest. Inner and outer: the block is XORed with ipad or opad, the first
 * key byte worked out in bits, the other key bytes swept, the first padding zero worked out and the rest swept;
 * then the message (or the inner hash) joins, the hash takes it all in and gives the inner hash (or the MAC,
 * which WebCrypto's own answer confirms). At most nine beats whatever the lengths: a sweep stands for the
 * bytes not shown one by one. Every value comes from the trace; the key byte of a XOR is read back from it.
 */
import { count, hexPreview, plural } from '../../../lib/format';
import {
  IPAD, OPAD, firstDifference, hmacAlgorithm, type HashName, type HmacInnerStep, type HmacKeyStep, type HmacOuterStep,
} from '../../../lib/jwt';
import { describePositions } from '../compare-layout';
import { keyBlockUsed, trailingRunStart, xorExample } from '../hmac-layout';
import type { Beat } from './beats';

export type HmacKeyBeat = Beat & { kind: 'key' | 'consume' | 'emit' | 'drop' | 'zeros' };

/** A beat of K⊕ipad or K⊕opad and the hash of it with what follows it. */
export type HmacPadBeat = Beat & (
  /** Bytes [from, to) of the block XOR the pad; a single byte is worked out in bits. */
  | { kind: 'xor'; from: number; to: number }
  | { kind: 'join' | 'consume' | 'emit' | 'agree' }
);

/** A sweep over many bytes plays a little longer than one byte. */
const SWEEP = 1.5;

export function hmacKeyPlan(step: HmacKeyStep): readonly HmacKeyBeat[] {
  const used = keyBlockUsed(step);
  const block = step.blockBytes;
  const key = step.key.length === 0 ? 'The key is empty' : `The key is ${plural(step.key.length, 'byte')} (${hexPreview(step.key)})`;
  const beats: HmacKeyBeat[] = [];
  if (step.keyWasHashed) {
    const hash = step.keyBlock.subarray(0, used);
    beats.push(
      { kind: 'key', caption: `${key}: longer than the ${block}-byte ${step.hash} block.` },
      { kind: 'consume', caption: `So ${step.hash} takes in all ${count(step.key.length)} bytes of the key…` },
      { kind: 'emit', caption: `…and gives its ${used}-byte hash, ${hexPreview(hash)}, which stands in for the key (RFC 2104 §2).` },
    );
  } else {
    beats.push({ kind: 'key', caption: `${key}, and the ${step.hash} block has ${block} empty places.` });
  }
  const what = step.keyWasHashed ? 'hash' : 'key';
  beats.push(
    {
      kind: 'drop',
      caption: used === 0
        ? 'No key bytes drop into the block: the key is empty.'
        : `The ${plural(used, `${what} byte`)} drop${used === 1 ? 's' : ''} into ${placesText(0, used)} of the block.`,
    },
    {
      kind: 'zeros',
      caption: used < block
        ? `${capital(plural(block - used, 'zero byte'))} fill the rest, ${placesText(used, block)}: the ${block}-byte key block is ready.`
        : `The ${what} fills all ${block} places, so no zero bytes are needed: the key block is ready.`,
    },
  );
  return beats;
}

export function hmacInnerPlan(step: HmacInnerStep): readonly HmacPadBeat[] {
  const total = step.keyIpad.length + step.message.length;
  return [
    ...xorBeats(step.keyIpad, IPAD, 'ipad'),
    {
      kind: 'join',
      caption: step.message.length === 0
        ? `The message is empty: nothing joins, so ${step.hash} hashes the ${step.keyIpad.length} bytes of K⊕ipad alone.`
        : `The message's ${plural(step.message.length, 'byte')} (${hexPreview(step.message)}) join after the ${step.keyIpad.length} bytes of K⊕ipad: ${count(total)} bytes in all.`,
    },
    consume(step.hash, total),
    { kind: 'emit', caption: `…and gives the ${step.innerHash.length}-byte inner hash: ${hexPreview(step.innerHash)}.` },
  ];
}

export function hmacOuterPlan(step: HmacOuterStep): readonly HmacPadBeat[] {
  const total = step.keyOpad.length + step.innerHash.length;
  const difference = firstDifference(step.mac, step.webCrypto);
  return [
    ...xorBeats(step.keyOpad, OPAD, 'opad'),
    {
      kind: 'join',
      caption: `The ${step.innerHash.length}-byte inner hash (${hexPreview(step.innerHash)}) joins after the ${step.keyOpad.length} bytes of K⊕opad: ${count(total)} bytes in all.`,
    },
    consume(step.hash, total),
    {
      kind: 'emit',
      caption: `…and gives the ${step.mac.length}-byte outer hash, the HMAC: the ${hmacAlgorithm(step.hash)} signature, ${hexPreview(step.mac)}.`,
    },
    {
      kind: 'agree',
      caption: difference === -1
        ? `WebCrypto's own crypto.subtle.sign('HMAC', …) gives the same ${plural(step.webCrypto.length, 'byte')}: the signature is confirmed.`
        : `WebCrypto's own HMAC differs, first at byte ${difference + 1}: this trace is wrong, and WebCrypto's answer is the real one.`,
    },
  ];
}

/**
 * K⊕pad byte by byte, in at most four beats: the first key byte in bits, the other key bytes swept, the first
 * padding zero in bits, the other zeros swept. The padding is the trailing run of the pad's own value, as the
 * stage's byte view marks it; the last of these beats says the block is complete.
 */
function xorBeats(padded: Uint8Array, pad: number, padName: string): HmacPadBeat[] {
  const runStart = trailingRunStart(padded, pad);
  const length = padded.length;
  const complete = (to: number) => (to === length ? `: K⊕${padName} is complete, ${length} bytes` : '');
  const beats: HmacPadBeat[] = [];
  if (runStart > 0) {
    const first = xorExample(padded, pad, 0)!;
    beats.push({
      kind: 'xor', from: 0, to: 1,
      caption: `Byte 1 of the key block, ${first.hex[0]}${first.keyChar === undefined ? '' : ` ("${first.keyChar}")`}, XOR ${padName} ${first.hex[1]}: ` +
        `${first.bits[0]} ⊕ ${first.bits[1]} = ${first.bits[2]}, which is ${first.hex[2]}${complete(1)}.`,
    });
  }
  if (runStart > 1) {
    const shown = Math.min(runStart, 4);
    const examples = Array.from({ length: shown - 1 }, (_, k) => xorExample(padded, pad, k + 1)!.text).join(', ');
    beats.push({
      kind: 'xor', from: 1, to: runStart, length: SWEEP,
      caption: `${capital(placesText(1, runStart))} of the key block the same way: ${examples}${runStart > shown ? ', …' : ''}${complete(runStart)}.`,
    });
  }
  if (runStart < length) {
    const zero = xorExample(padded, pad, runStart)!;
    beats.push({
      kind: 'xor', from: runStart, to: runStart + 1,
      caption: `Byte ${runStart + 1} is the first zero byte of the padding: ${zero.bits[0]} ⊕ ${zero.bits[1]} = ${zero.bits[2]}, ` +
        `so a zero becomes ${padName} itself, ${zero.hex[2]}${complete(runStart + 1)}.`,
    });
  }
  if (runStart + 1 < length) {
    beats.push({
      kind: 'xor', from: runStart + 1, to: length, length: SWEEP,
      caption: `${capital(placesText(runStart + 1, length))}, the rest of the padding, become ${xorExample(padded, pad, length - 1)!.hex[2]} too${complete(length)}.`,
    });
  }
  return beats;
}

function consume(hash: HashName, total: number): HmacPadBeat {
  return { kind: 'consume', caption: `${hash} takes in all ${plural(total, 'byte')}…` };
}

/** Places [from, to) of the block in words, counted from 1: "bytes 5–64", "byte 64". */
function placesText(from: number, to: number): string {
  return describePositions(Array.from({ length: to - from }, (_, i) => from + i));
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
