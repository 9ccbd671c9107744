/** Invisible and reordering characters are found and named; lengths are counted as a person sees them. */
import { describe, expect, it } from 'vitest';
import { afterCharacters, beforeLastCharacters, characterBoundary, characterCount, codePointCount, codePointOffset, countText, hasInvisible, invisibleChar, invisibleName, textRuns } from '../../../src/lib/text';

const marks = (text: string) => textRuns(text).flatMap((run) => (run.invisible ? [`${run.invisible.codePoint} ${run.invisible.abbr}`] : []));

describe('invisible characters', () => {
  it('names bidi controls, zero-width and other format characters', () => {
    expect(invisibleName(invisibleChar(0x202e)!)).toBe('RIGHT-TO-LEFT OVERRIDE (U+202E)');
    expect(invisibleChar(0x202e)!.kind).toBe('bidi');
    expect(invisibleChar(0x2066)).toMatchObject({ kind: 'bidi', abbr: 'LRI', name: 'LEFT-TO-RIGHT ISOLATE' });
    expect(invisibleChar(0x200b)).toMatchObject({ kind: 'zero-width', abbr: 'ZWSP' });
    expect(invisibleChar(0xfeff)).toMatchObject({ kind: 'zero-width', codePoint: 'U+FEFF' });
    expect(invisibleChar(0x00ad)).toMatchObject({ kind: 'format', name: 'SOFT HYPHEN' });
    expect(invisibleChar(0xe0041)).toMatchObject({ kind: 'format', name: 'TAG CHARACTER', codePoint: 'U+E0041' });
    expect(invisibleChar(0x0000)).toMatchObject({ kind: 'control' });
    expect(invisibleChar(0x0085)).toMatchObject({ kind: 'control' });
    // A format character without a name of its own is still caught (U+0600 ARABIC NUMBER SIGN is Cf).
    expect(invisibleChar(0x0600)).toMatchObject({ kind: 'format', codePoint: 'U+0600' });
  });

  it('leaves ordinary text, tabs and line breaks alone', () => {
    for (const char of 'aZ09 "{}é日\u05d0\t\n\r') expect(invisibleChar(char.codePointAt(0)!)).toBeUndefined();
    expect(textRuns('{"name":"Zoë 日本"}\n')).toEqual([{ text: '{"name":"Zoë 日本"}\n' }]);
  });

  it('splits text into plain runs and one run per invisible character, losing nothing', () => {
    const text = 'admin\u202Etxt.exe\u200Bx\u2066y';
    const runs = textRuns(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.map((r) => r.text)).toEqual(['admin', '\u202E', 'txt.exe', '\u200B', 'x', '\u2066', 'y']);
    expect(marks(text)).toEqual(['U+202E RLO', 'U+200B ZWSP', 'U+2066 LRI']);
    expect(hasInvisible(text)).toBe(true);
    expect(hasInvisible('admin')).toBe(false);
  });

  it('marks every character it names, wherever it stands after a letter (the quick scan misses none)', () => {
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const named = invisibleChar(cp);
      if (!named || cp === 0xfe0e || cp === 0xfe0f) continue;
      if (!textRuns(`a${String.fromCodePoint(cp)}b`).some((run) => run.invisible)) missed.push(named.codePoint);
    }
    expect(missed).toEqual([]);
  });

  it('keeps the joiners and selectors that write an emoji, and shows them anywhere else', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const heart = '\u2764\uFE0F';
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    expect(marks(`${family} ${heart} ${england}`)).toEqual([]);
    // The same characters hidden after a letter (tags can smuggle ASCII) are shown.
    expect(marks('a\u200Db')).toEqual(['U+200D ZWJ']);
    expect(marks('a\u{E0041}')).toEqual(['U+E0041 TAG']);
    expect(marks('\u{1F600}\u{E0041}')).toEqual(['U+E0041 TAG']);
  });
});

describe('counting text', () => {
  it('counts what a person sees, and says what else could be counted', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(countText(family)).toEqual({ characters: 1, codePoints: 5, utf16Units: 8, utf8Bytes: 18 });
    expect(countText(`${family}ab`)).toEqual({ characters: 3, codePoints: 7, utf16Units: 10, utf8Bytes: 20 });
    // "é" written as e + a combining accent is one character, two code points.
    expect(countText('e\u0301')).toEqual({ characters: 1, codePoints: 2, utf16Units: 2, utf8Bytes: 3 });
    expect(countText('')).toEqual({ characters: 0, codePoints: 0, utf16Units: 0, utf8Bytes: 0 });
  });
});

describe('code points, as error columns count them', () => {
  it('counts a surrogate pair once, in a range too, and finds its offset back', () => {
    const text = 'a🎉b👨‍👩‍👧';
    expect(codePointCount(text)).toBe(8);
    expect(codePointCount(text, 1, 4)).toBe(2);
    expect(codePointCount(text, 0, 2)).toBe(2);
    expect(codePointOffset(text, 2)).toBe(3);
    expect(codePointOffset(text, 99)).toBe(text.length);
    expect(codePointOffset(text, codePointCount(text, 0, 4))).toBe(4);
  });
});

describe('cutting text between characters', () => {
  const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
  const text = `a${family}e\u0301\r\nz`;

  it('counts a CR LF as one character, as a person reads one line break', () => {
    expect(characterCount(text)).toBe(5);
    expect(characterCount('ab\r\ncd')).toBe(5);
    expect(characterCount('x'.repeat(1000))).toBe(1000);
  });

  it('finds where the first and the last characters end and start', () => {
    expect(text.slice(0, afterCharacters(text, 2))).toBe(`a${family}`);
    expect(text.slice(0, afterCharacters(text, 9))).toBe(text);
    expect(text.slice(beforeLastCharacters(text, 3))).toBe('e\u0301\r\nz');
    expect(text.slice(beforeLastCharacters(text, 9))).toBe(text);
    expect(afterCharacters('abcdef', 2)).toBe(2);
    expect(beforeLastCharacters('abcdef', 2)).toBe(4);
  });

  it('moves a cut that falls inside a character to its start or its end', () => {
    const inFamily = 3;
    expect(characterBoundary(text, inFamily, 'earlier')).toBe(1);
    expect(characterBoundary(text, inFamily, 'later')).toBe(1 + family.length);
    expect(characterBoundary(text, 1, 'later')).toBe(1);
    expect(characterBoundary('plain', 2, 'later')).toBe(2);
  });
});
