/**
 * Layout for the strip a Scene draws a hash block as (BlockStrip): which runs of the block are done, being
 * worked on, not yet reached or still empty at a beat of the HMAC stages, and their labels. Pure data in,
 * data out: a handful of segments whatever the block's size.
 */
import { hexPreview } from '../../lib/format';

export interface BlockSegment {
  /** Bytes [from, to) of the block. */
  from: number;
  to: number;
  label: string;
  state: 'done' | 'now' | 'later' | 'empty';
  /** Zero padding, or what it became: drawn dashed, as in the byte rows. */
  padding?: boolean;
}

/** Positions [from, to) counted from 1, compactly: "5", "6–64". */
export function rangeText(from: number, to: number): string {
  return to - from === 1 ? `${from + 1}` : `${from + 1}–${to}`;
}

/**
 * The key block at a beat of the key stage: empty until the key (or its hash), `used` bytes at its start,
 * drops in; then the zero padding fills the rest.
 */
export function keyBlockSegments(kind: 'key' | 'consume' | 'emit' | 'drop' | 'zeros', keyBlock: Uint8Array, used: number): BlockSegment[] {
  const block = keyBlock.length;
  if (kind !== 'drop' && kind !== 'zeros') return [{ from: 0, to: block, label: `${block} empty places`, state: 'empty' }];
  const segments: BlockSegment[] = [];
  if (used > 0) segments.push({ from: 0, to: used, label: hexPreview(keyBlock.subarray(0, used), 4), state: kind === 'drop' ? 'now' : 'done' });
  if (used < block) {
    segments.push(kind === 'drop'
      ? { from: used, to: block, label: `${block - used} empty`, state: 'empty' }
      : { from: used, to: block, label: `00 × ${block - used}`, state: 'now', padding: true });
  }
  return segments;
}

/** K⊕pad at a XOR beat: bytes before `from` done, [from, to) being XORed, the rest not yet; `runStart` is where the padding starts. */
export function xorSegments(from: number, to: number, length: number, runStart: number): BlockSegment[] {
  const runs: BlockSegment[] = [
    { from: 0, to: from, label: rangeText(0, from), state: 'done' },
    { from, to, label: rangeText(from, to), state: 'now' },
    { from: to, to: length, label: rangeText(to, length), state: 'later' },
  ];
  return runs.filter((run) => run.to > run.from).map((run) => (run.from >= runStart ? { ...run, padding: true } : run));
}
