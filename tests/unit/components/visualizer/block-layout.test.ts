/** The strip a scene draws a hash block as: its runs at each beat of the HMAC stages, checked against Buffer. */
import { describe, expect, it } from 'vitest';
import { keyBlockSegments, rangeText, xorSegments } from '../../../../src/components/visualizer/block-layout';

const hex = (bytes: Buffer) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

describe('keyBlockSegments', () => {
  const block = Buffer.concat([Buffer.from('Jefe'), Buffer.alloc(60)]);

  it('shows the block empty until the key drops in, then the key, then the zeros', () => {
    for (const kind of ['key', 'consume', 'emit'] as const) {
      expect(keyBlockSegments(kind, block, 4)).toEqual([{ from: 0, to: 64, label: '64 empty places', state: 'empty' }]);
    }
    expect(keyBlockSegments('drop', block, 4)).toEqual([
      { from: 0, to: 4, label: hex(Buffer.from('Jefe')), state: 'now' },
      { from: 4, to: 64, label: '60 empty', state: 'empty' },
    ]);
    expect(keyBlockSegments('zeros', block, 4)).toEqual([
      { from: 0, to: 4, label: '4a 65 66 65', state: 'done' },
      { from: 4, to: 64, label: '00 × 60', state: 'now', padding: true },
    ]);
  });

  it('a longer key (or hash) shows its first four bytes; a full block has no zeros; an empty key only zeros', () => {
    const hash = Buffer.alloc(128, 0xab);
    hash.fill(0, 48);
    expect(keyBlockSegments('drop', hash, 48)[0]!.label).toBe('ab ab ab ab …');
    const full = Buffer.alloc(64, 0x6b);
    expect(keyBlockSegments('zeros', full, 64)).toEqual([{ from: 0, to: 64, label: '6b 6b 6b 6b …', state: 'done' }]);
    expect(keyBlockSegments('zeros', Buffer.alloc(64), 0)).toEqual([{ from: 0, to: 64, label: '00 × 64', state: 'now', padding: true }]);
  });
});

describe('xorSegments', () => {
  it('splits the block into done, now and not yet, marking the padding', () => {
    expect(xorSegments(0, 1, 64, 4)).toEqual([
      { from: 0, to: 1, label: '1', state: 'now' },
      { from: 1, to: 64, label: '2–64', state: 'later' },
    ]);
    expect(xorSegments(4, 5, 64, 4)).toEqual([
      { from: 0, to: 4, label: '1–4', state: 'done' },
      { from: 4, to: 5, label: '5', state: 'now', padding: true },
      { from: 5, to: 64, label: '6–64', state: 'later', padding: true },
    ]);
    expect(xorSegments(5, 128, 128, 4)).toEqual([
      { from: 0, to: 5, label: '1–5', state: 'done' },
      { from: 5, to: 128, label: '6–128', state: 'now', padding: true },
    ]);
  });

  it('writes ranges counted from 1', () => {
    expect(rangeText(0, 1)).toBe('1');
    expect(rangeText(4, 64)).toBe('5–64');
  });
});
