/** Tamper mode's characters: windows of a token, counted in code points, and the change a press makes. */
import { describe, expect, it } from 'vitest';
import { changedCount, flip, tamperCells } from '../../../../src/components/visualizer/tamper-cells';
import { codePointCount } from '../../../../src/lib/text';

const TOKEN = 'eyJh.eyJz.c2ln';

describe('tamperCells', () => {
  it('gives each character its part, the dots their own, and compares with the token as typed', () => {
    const cells = tamperCells('eyJh.eyXz.c2ln', TOKEN, 0, 14);
    expect(cells.map((c) => c.part).join(' ')).toBe(
      'header header header header dot payload payload payload payload dot signature signature signature signature',
    );
    expect(cells.filter((c) => c.changed).map((c) => [c.index, c.char])).toEqual([[7, 'X']]);
  });

  it('draws only the window asked for, with the numbers and parts it has in the whole token', () => {
    const long = `eyJh.${'p'.repeat(200_000)}.c2ln`;
    const cells = tamperCells(long, long, 200_003, 200_007);
    expect(cells.map((c) => [c.index, c.char, c.part])).toEqual([
      [200_003, 'p', 'payload'],
      [200_004, 'p', 'payload'],
      [200_005, '.', 'dot'],
      [200_006, 'c', 'signature'],
    ]);
  });

  it('counts an emoji as one character, so the characters after it keep their numbers', () => {
    const pasted = 'ab🎉cd.ef';
    expect(codePointCount(pasted)).toBe(8);
    const cells = tamperCells(pasted, pasted, 0, 8);
    expect(cells.map((c) => c.char)).toEqual(['a', 'b', '🎉', 'c', 'd', '.', 'e', 'f']);
    expect(cells[3]).toEqual({ index: 3, char: 'c', part: 'header', changed: false });
    expect(tamperCells(pasted, pasted, 2, 4).map((c) => c.char)).toEqual(['🎉', 'c']);
  });
});

describe('flip', () => {
  it('changes the character pressed to the next base64url character, and back on a second press', () => {
    const changed = flip(TOKEN, TOKEN, 2);
    expect(changed).toBe('eyKh.eyJz.c2ln');
    expect(changedCount(changed, TOKEN)).toBe(1);
    expect(flip(changed, TOKEN, 2)).toBe(TOKEN);
  });

  it('leaves a dot alone: it separates the parts and is not data', () => {
    expect(flip(TOKEN, TOKEN, 4)).toBe(TOKEN);
  });

  it('changes the character after an emoji, not half of the emoji or its neighbour', () => {
    const pasted = 'ab🎉cd.ef';
    const changed = flip(pasted, pasted, 3);
    expect(changed).toBe('ab🎉dd.ef');
    expect(tamperCells(changed, pasted, 3, 4)[0]).toEqual({ index: 3, char: 'd', part: 'header', changed: true });
    expect(flip(changed, pasted, 3)).toBe(pasted);
  });

  it('changes an emoji as one character, and every number after it stays', () => {
    const pasted = 'a🎉b.c';
    const changed = flip(pasted, pasted, 1);
    expect(changed).toBe('aAb.c');
    expect(changedCount(changed, pasted)).toBe(1);
    expect(tamperCells(changed, pasted, 0, 5).map((c) => [c.char, c.changed])).toEqual([
      ['a', false], ['A', true], ['b', false], ['.', false], ['c', false],
    ]);
    expect(flip(changed, pasted, 1)).toBe(pasted);
  });

  it('wraps from the last character of the alphabet to the first', () => {
    expect(flip('_', '_', 0)).toBe('A');
  });
});

describe('changedCount', () => {
  it('is zero for the token as typed, and counts each changed character once', () => {
    expect(changedCount(TOKEN, TOKEN)).toBe(0);
    expect(changedCount('fyJh.eyJz.c2lo', TOKEN)).toBe(2);
  });
});
