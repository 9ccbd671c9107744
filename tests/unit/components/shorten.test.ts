/** shorten and excerpt: long values keep their ends, an error keeps its surroundings, no character is split. */
import { describe, expect, it } from 'vitest';
import { GAP, excerpt, shorten } from '../../../src/components/ui/shorten';

describe('shorten', () => {
  it('shows a short value whole', () => {
    expect(shorten('0123456789', { head: 4, tail: 2 })).toEqual({ text: '0123456789', hidden: 0 });
  });

  it('keeps both ends of a long value and counts what it hides', () => {
    const value = 'a'.repeat(10) + 'b'.repeat(1000) + 'c'.repeat(5);
    const { text, hidden } = shorten(value, { head: 10, tail: 5 });
    expect(text).toBe(`${'a'.repeat(10)}${GAP}${'c'.repeat(5)}`);
    expect(hidden).toBe(1000);
  });

  it('shortens each part between separators on its own, and only when the whole is over the limit', () => {
    const token = ['h'.repeat(30), 'p'.repeat(200_000), 's'.repeat(43)].join('.');
    const { text, hidden } = shorten(token, { head: 20, tail: 20, over: 1000, separator: '.' });
    // Only the long middle part is cut: the others are short enough to read whole.
    expect(text).toBe(['h'.repeat(30), `${'p'.repeat(20)}${GAP}${'p'.repeat(20)}`, 's'.repeat(43)].join('.'));
    expect(hidden).toBe(200_000 - 40);
    expect(shorten('x'.repeat(999), { head: 20, tail: 20, over: 1000, separator: '.' }).hidden).toBe(0);
  });

  it('never cuts an emoji in half', () => {
    const value = 'ab🎉' + 'x'.repeat(100) + '🎉cd';
    const { text, hidden } = shorten(value, { head: 3, tail: 3 });
    expect(text).toBe(`ab${GAP}cd`);
    expect(hidden).toBe(value.length - 4);
  });
});

describe('excerpt', () => {
  const line = 'x'.repeat(100_000) + '!' + 'y'.repeat(100_000);

  it('keeps a window around the error, with gaps where the line was cut, and the error in its place', () => {
    const { text, index } = excerpt(line, 100_000, 40);
    expect(text).toBe(`${GAP}${'x'.repeat(40)}!${'y'.repeat(40)}${GAP}`);
    expect(text[index]).toBe('!');
  });

  it('cuts only the side that is long', () => {
    expect(excerpt('{"a":1,}', 7, 40)).toEqual({ text: '{"a":1,}', index: 7 });
    const start = excerpt(`,${'z'.repeat(100)}`, 0, 40);
    expect(start).toEqual({ text: `,${'z'.repeat(40)}${GAP}`, index: 0 });
  });

  it('marks a place just past the end of the line', () => {
    const { text, index } = excerpt('q'.repeat(100), 100, 10);
    expect(text).toBe(`${GAP}${'q'.repeat(10)}`);
    expect(index).toBe(text.length);
  });

  it('never cuts an emoji in half', () => {
    const text = '🎉'.repeat(50);
    const window = excerpt(text, 50, 5).text;
    expect(window.slice(1, -1)).toBe('🎉'.repeat(Math.ceil(window.slice(1, -1).length / 2)));
  });
});
