/**
 * The compare stage performed: a cursor sweeps the two values byte by byte, and two compares keep count. The
 * naive one returns at the first difference (or at once when the lengths differ); the careful one, like
 * WebCrypto's, looks at every byte whatever they hold. The first few bytes are shown one at a time, then runs
 * of equal bytes and the rest after the first difference are swept in one beat each, so an RSA encoded
 * message of 512 bytes plays in as few beats as an HMAC of 32.
 */
import type { CompareStep } from '../../../lib/jwt';
import { count, hexByte, plural } from '../../../lib/format';
import type { Beat } from './beats';

export type CompareBeatKind = 'lengths' | 'byte' | 'equal-run' | 'stop' | 'rest' | 'verdict';

export interface CompareBeat extends Beat {
  kind: CompareBeatKind;
  /** The bytes [from, to) the cursor passes over in this beat. */
  from: number;
  to: number;
  /** How many bytes the naive compare has looked at once this beat is over. */
  naive: number;
  /** How many bytes the careful compare has looked at once this beat is over. */
  careful: number;
}

/** Bytes compared one beat each before the cursor starts to sweep. */
export const COMPARE_DETAIL = 3;

/** Byte i in words, at the start of a sentence: "Byte 3 (E 3a, R 3a)". */
function byteText(step: CompareStep, i: number): string {
  return `Byte ${count(i + 1)} (E ${hexByte(step.expected[i]!)}, R ${hexByte(step.received[i]!)})`;
}

/** Bytes [from, to) in words, numbered from 1 as the view numbers them: "bytes 4–31" ("Bytes" to start a sentence). */
function range(from: number, to: number, word = 'byte'): string {
  return to - from === 1 ? `${word} ${count(from + 1)}` : `${word}s ${count(from + 1)}–${count(to)}`;
}

export function comparePlan(step: CompareStep): readonly CompareBeat[] {
  const { expected, received, firstDifference: first, naiveBytesExamined } = step;
  const total = expected.length;
  const beats: CompareBeat[] = [];

  if (expected.length !== received.length) {
    beats.push({
      kind: 'lengths', from: 0, to: 0, naive: 0, careful: 0,
      caption: `The lengths come first: E has ${plural(expected.length, 'byte')}, R has ${plural(received.length, 'byte')}. The naive compare stops before any byte.`,
    });
    beats.push({
      kind: 'verdict', from: 0, to: 0, naive: naiveBytesExamined, careful: 0,
      caption: `Different lengths: both compares answer "different" without looking at a byte. A value's length is no secret, so answering at once reveals nothing.`,
    });
    return beats;
  }

  // The bytes that are equal before the first difference (all of them when the values are equal).
  const equalRun = first === -1 ? total : first;
  const detailed = Math.min(COMPARE_DETAIL, equalRun);
  for (let i = 0; i < detailed; i++) {
    beats.push({
      kind: 'byte', from: i, to: i + 1, naive: i + 1, careful: i + 1,
      caption: `${byteText(step, i)}: equal. Both compares go on.`,
    });
  }
  if (equalRun > detailed) {
    beats.push({
      kind: 'equal-run', from: detailed, to: equalRun, naive: equalRun, careful: equalRun, length: 1.5,
      caption: `${range(detailed, equalRun, 'Byte')}: equal too. Both compares go on${first === -1 ? ' to the end' : ''}.`,
    });
  }
  if (first !== -1) {
    beats.push({
      kind: 'stop', from: first, to: first + 1, naive: first + 1, careful: first + 1,
      caption: `${byteText(step, first)}: different. The naive compare stops here, after ${count(first + 1)} of ${plural(total, 'byte')}: its answer comes that early.`,
    });
    if (first + 1 < total) {
      const more = countDifferences(step, first + 1);
      beats.push({
        kind: 'rest', from: first + 1, to: total, naive: first + 1, careful: total, length: 1.5,
        caption: `The careful compare goes on through ${range(first + 1, total)} (${more === 0 ? 'all equal' : `${count(more)} more differ`}): it answers only after every byte.`,
      });
    }
  }
  beats.push({
    kind: 'verdict',
    from: first === -1 ? 0 : first,
    to: first === -1 ? total : first + 1,
    naive: naiveBytesExamined,
    careful: total,
    caption: step.equal
      ? `All ${plural(total, 'byte')} are equal: both compares looked at every one. WebCrypto says valid.`
      : `Both say "different": the naive compare after ${count(naiveBytesExamined)} of ${plural(total, 'byte')}, the careful one after all ${count(total)}, as it takes for any value.`,
  });
  return beats;
}

function countDifferences(step: CompareStep, from: number): number {
  let n = 0;
  for (let i = from; i < step.expected.length; i++) if (step.expected[i] !== step.received[i]) n++;
  return n;
}
