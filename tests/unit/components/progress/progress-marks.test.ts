import { describe, expect, it } from 'vitest';
import { markText } from '../../../../src/components/progress/progress-marks';
import { emptyProgress, markVisited, recordAnswer } from '../../../../src/lib/progress';

const at = new Date('2026-12-03T12:00:00Z');
const exercises = ['one', 'two', 'three'];

describe('markText', () => {
  it('says nothing short for a chapter not started', () => {
    expect(markText(emptyProgress(), 'hs256', exercises)).toEqual({ status: 'not-started', words: 'Not started', short: '' });
  });

  it('counts the exercises done once a chapter is opened or tried', () => {
    expect(markText(markVisited(emptyProgress(), 'hs256'), 'hs256', exercises)).toEqual({
      status: 'in-progress',
      words: 'In progress: 0 of 3 exercises',
      short: '0/3',
    });
    const tried = recordAnswer(recordAnswer(emptyProgress(), 'hs256', 'one', true, at), 'hs256', 'two', false, at);
    expect(markText(tried, 'hs256', exercises).short).toBe('1/3');
  });

  it('is done when every exercise is', () => {
    const done = exercises.reduce((p, id) => recordAnswer(p, 'hs256', id, true, at), emptyProgress());
    expect(markText(done, 'hs256', exercises)).toEqual({ status: 'done', words: 'Done', short: '✓' });
  });
});
