/** shorten and excerpt: long values keep their ends, an error keeps its surroundings, no character is split. */
import { describe, expect, it } from 'vitest';
import { GAP, excerpt, shorten } from '../../../src/components/ui/shorten';

describe('shorten', () => {
  it('shows a short value whole', () => {
    expect(shorten('0123456789', { head: 4, tail: 2 })).toEqual({ text: '0123456789', hidden: 0, characters: 10 });
  });

  it('keeps both ends of a long value and counts what it hides', () => {
    const value = 'a'.repeat(10) + 'b'.repeat(1000) + 'c'.repeat(5);
    const { text, hidden, characters } = shorten(value, { head: 10, tail: 5 });
    expect(text).toBe(`${'a'.repeat(10)}${GAP}${'c'.repeat(5)}`);
    expect(hidden).toBe(1000);
    expect(characters).toBe(1015);
  });

  it('shortens each part between separators on its own, and only when the whole is over the limit', () => {
    const token = ['h'.repeat(30), 'p'.repeat(200_000), 's'.repeat(43)].join('.');
    const { text, hidden } = shorten(token, { head: 20, tail: 20, over: 1000, separator: '.' });
    // Only the long middle part is cut: the others are short enough to read whole.
    expect(text).toBe(['h'.repeat(30), `${'p'.repeat(20)}${GAP}${'p'.repeat(20)}`, 's'.repeat(43)].join('.'));
    expect(hidden).toBe(200_000 - 40);
    expect(shorten('x'.repeat(999), { head: 20, tail: 20, over: 1000, separator: '.' }).hidden).toBe(0);
  });

  it('counts an emoji as one character, and keeps it whole at either end', () => {
    const value = 'ab🎉' + 'x'.repeat(100) + '🎉cd';
    expect(shorten(value, { head: 3, tail: 3 })).toEqual({ text: `ab🎉${GAP}🎉cd`, hidden: 100, characters: 106 });
  });

  it('counts and cuts characters as a person sees them: a family emoji, a flag, an accent on its letter', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const flag = '\u{1F1EB}\u{1F1F7}';
    const accented = 'e\u0301';
    const value = `${family}${flag}${accented}${'·'.repeat(50)}${accented}${flag}${family}`;
    const { text, hidden, characters } = shorten(value, { head: 2, tail: 2 });
    expect(text).toBe(`${family}${flag}${GAP}${flag}${family}`);
    expect(characters).toBe(56);
    expect(hidden).toBe(52);
    // One character more at each end: the cut falls after the accent, never between it and its letter.
    expect(shorten(value, { head: 3, tail: 3 }).text).toBe(`${family}${flag}${accented}${GAP}${accented}${flag}${family}`);
  });

  it('shows a value whole when it has few characters, however many UTF-16 units they take', () => {
    const emoji = '🎉'.repeat(30);
    expect(shorten(emoji, { head: 10, tail: 10, over: 40 })).toEqual({ text: emoji, hidden: 0, characters: 30 });
  });
});

describe('shorten with a place to keep in view', () => {
  const token = ['h'.repeat(30), 'p'.repeat(100_000) + '+' + 'q'.repeat(100_000), 's'.repeat(43)].join('.');
  const bad = token.indexOf('+');

  it('shows a window around a place in the hidden middle, between two gaps, and points at it', () => {
    const { text, hidden, keptAt } = shorten(token, { head: 20, tail: 20, over: 1000, separator: '.', keep: bad });
    const window = `${'p'.repeat(20)}+${'q'.repeat(20)}`;
    expect(text).toBe(['h'.repeat(30), `${'p'.repeat(20)}${GAP}${window}${GAP}${'q'.repeat(20)}`, 's'.repeat(43)].join('.'));
    expect(text[keptAt!]).toBe('+');
    // Every character of the part is either shown or counted as hidden.
    expect(hidden).toBe(200_001 - 40 - window.length);
  });

  it('moves a place in a kept end, or in a later part, by what was cut before it', () => {
    const head = shorten(token, { head: 20, tail: 20, over: 1000, separator: '.', keep: 35 });
    expect(head.keptAt).toBe(35);
    const inTail = token.length - 50;
    const tail = shorten(token, { head: 20, tail: 20, over: 1000, separator: '.', keep: inTail });
    expect(tail.text.slice(tail.keptAt)).toBe(token.slice(inTail));
    expect(tail.hidden).toBe(200_001 - 40);
  });

  it('keeps the place as it is in a value shown whole, and just past the end of a part', () => {
    expect(shorten('abc.def', { head: 2, tail: 2, keep: 3, separator: '.' }).keptAt).toBe(3);
    const end = shorten(`${'a'.repeat(100)}.b`, { head: 5, tail: 5, keep: 100, separator: '.' });
    expect(end.text.slice(end.keptAt)).toBe('.b');
  });

  it('never cuts an emoji in the window', () => {
    const value = `${'🎉'.repeat(100)}!${'🎉'.repeat(100)}`;
    const { text, keptAt } = shorten(value, { head: 3, tail: 3, keep: value.indexOf('!') });
    expect(text[keptAt!]).toBe('!');
    expect(text.replaceAll(GAP, '').replaceAll('!', '')).toMatch(/^(🎉)+$/u);
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

  it('never cuts a family emoji or a letter from its accent, and marks the same character', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const line = `${family.repeat(20)}!${'e\u0301'.repeat(20)}`;
    const at = line.indexOf('!');
    const { text, index } = excerpt(line, at, 4);
    expect(text).toBe(`${GAP}${family}!${'e\u0301'.repeat(2)}${GAP}`);
    expect(text[index]).toBe('!');
  });
});
