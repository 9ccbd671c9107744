import { describe, expect, it } from 'vitest';
import { followCode, followFragment, readFollowCode, readFollowFragment } from '../../../src/lib/follow-code';

describe('follow codes', () => {
  it.each(['4-2-3', ' 4.2.3 ', '4 2 3', '4 - 2 - 3'])('reads %j', (typed) => {
    expect(readFollowCode(typed)).toEqual({ chapter: 4, widget: 2, stage: 3 });
  });

  it('writes what it reads', () => {
    expect(followCode({ chapter: 9, widget: 12, stage: 1 })).toBe('9-12-1');
    expect(readFollowFragment(`#${followFragment(12, 1)}`)).toEqual({ widget: 12, stage: 1 });
  });

  it.each([
    ['', 'Type the code your presenter shows'],
    ['4-2', '"4-2" is not a code: it is three numbers'],
    ['<script>', 'is not a code'],
    ['4-0-3', 'Each number of a code starts at 1'],
  ])('says what is wrong with %j', (typed, problem) => {
    const read = readFollowCode(typed);
    expect('problem' in read && read.problem).toContain(problem);
  });

  it('ignores other fragments', () => {
    expect(readFollowFragment('#tamper-mode')).toBeUndefined();
    expect(readFollowFragment('#follow=0-1')).toBeUndefined();
    expect(readFollowFragment('#share=x.')).toBeUndefined();
  });
});
