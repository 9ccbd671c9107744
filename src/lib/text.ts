/**
 * What a piece of user text really contains: the characters that draw nothing or reorder what is around them
 * (bidi controls, zero-width and other format characters), and how long it is as a person counts it. A
 * security course shows these characters instead of letting them act: "admin" with a right-to-left override
 * or a zero-width space inside looks like "admin" and is not. Pure functions, no DOM.
 */

import { codePointLabel } from './format';

export type InvisibleKind = 'bidi' | 'zero-width' | 'format' | 'control';

export interface InvisibleChar {
  kind: InvisibleKind;
  /** Unicode's name, as in "RIGHT-TO-LEFT OVERRIDE". */
  name: string;
  /** A short tag to draw in its place, as in "RLO". */
  abbr: string;
  /** "U+202E". */
  codePoint: string;
}

type Entry = readonly [kind: InvisibleKind, name: string, abbr: string];

/** Characters that draw nothing, or act on the text around them, by code point. */
const NAMED: ReadonlyMap<number, Entry> = new Map<number, Entry>([
  // Bidirectional controls (Unicode Standard Annex #9): they reorder the text that follows them.
  [0x061c, ['bidi', 'ARABIC LETTER MARK', 'ALM']],
  [0x200e, ['bidi', 'LEFT-TO-RIGHT MARK', 'LRM']],
  [0x200f, ['bidi', 'RIGHT-TO-LEFT MARK', 'RLM']],
  [0x202a, ['bidi', 'LEFT-TO-RIGHT EMBEDDING', 'LRE']],
  [0x202b, ['bidi', 'RIGHT-TO-LEFT EMBEDDING', 'RLE']],
  [0x202c, ['bidi', 'POP DIRECTIONAL FORMATTING', 'PDF']],
  [0x202d, ['bidi', 'LEFT-TO-RIGHT OVERRIDE', 'LRO']],
  [0x202e, ['bidi', 'RIGHT-TO-LEFT OVERRIDE', 'RLO']],
  [0x2066, ['bidi', 'LEFT-TO-RIGHT ISOLATE', 'LRI']],
  [0x2067, ['bidi', 'RIGHT-TO-LEFT ISOLATE', 'RLI']],
  [0x2068, ['bidi', 'FIRST STRONG ISOLATE', 'FSI']],
  [0x2069, ['bidi', 'POP DIRECTIONAL ISOLATE', 'PDI']],
  // Zero-width characters: they split or join words without taking any space.
  [0x200b, ['zero-width', 'ZERO WIDTH SPACE', 'ZWSP']],
  [0x200c, ['zero-width', 'ZERO WIDTH NON-JOINER', 'ZWNJ']],
  [0x200d, ['zero-width', 'ZERO WIDTH JOINER', 'ZWJ']],
  [0x2060, ['zero-width', 'WORD JOINER', 'WJ']],
  [0xfeff, ['zero-width', 'ZERO WIDTH NO-BREAK SPACE', 'BOM']],
  // Other characters that draw nothing where they stand.
  [0x00ad, ['format', 'SOFT HYPHEN', 'SHY']],
  [0x034f, ['format', 'COMBINING GRAPHEME JOINER', 'CGJ']],
  [0x115f, ['format', 'HANGUL CHOSEONG FILLER', 'HCF']],
  [0x1160, ['format', 'HANGUL JUNGSEONG FILLER', 'HJF']],
  [0x17b4, ['format', 'KHMER VOWEL INHERENT AQ', 'KIAQ']],
  [0x17b5, ['format', 'KHMER VOWEL INHERENT AA', 'KIAA']],
  [0x180e, ['format', 'MONGOLIAN VOWEL SEPARATOR', 'MVS']],
  [0x2028, ['format', 'LINE SEPARATOR', 'LSEP']],
  [0x2029, ['format', 'PARAGRAPH SEPARATOR', 'PSEP']],
  [0x2061, ['format', 'FUNCTION APPLICATION', 'FA']],
  [0x2062, ['format', 'INVISIBLE TIMES', 'IT']],
  [0x2063, ['format', 'INVISIBLE SEPARATOR', 'IS']],
  [0x2064, ['format', 'INVISIBLE PLUS', 'IP']],
  [0x3164, ['format', 'HANGUL FILLER', 'HF']],
  [0xffa0, ['format', 'HALFWIDTH HANGUL FILLER', 'HHF']],
]);

/** Emoji variation selectors: they only choose how the character before them is drawn. */
const EMOJI_STYLE = new Set([0xfe0e, 0xfe0f]);
const WAVING_BLACK_FLAG = 0x1f3f4;

function entryFor(cp: number): Entry | undefined {
  const named = NAMED.get(cp);
  if (named) return named;
  if (cp >= 0xe0000 && cp <= 0xe007f) return ['format', 'TAG CHARACTER', 'TAG'];
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return ['format', 'VARIATION SELECTOR', 'VS'];
  // Tabs and line breaks are layout a reader sees; every other C0 and C1 control is not.
  if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f)) return ['control', 'CONTROL CHARACTER', 'CTRL'];
  if (/\p{Cf}/u.test(String.fromCodePoint(cp))) return ['format', 'FORMAT CHARACTER', 'FMT'];
  return undefined;
}

/** What a code point is when it draws nothing or reorders text; undefined for every ordinary character. */
export function invisibleChar(cp: number): InvisibleChar | undefined {
  const entry = entryFor(cp);
  return entry && { kind: entry[0], name: entry[1], abbr: entry[2], codePoint: codePointLabel(cp) };
}

/** "RIGHT-TO-LEFT OVERRIDE (U+202E)". */
export function invisibleName(char: InvisibleChar): string {
  return `${char.name} (${char.codePoint})`;
}

export type TextRun = { text: string; invisible?: undefined } | { text: string; invisible: InvisibleChar };

/** Every code point invisibleChar names, and a few more (ordinary marks), as one quick test. */
const MAYBE_INVISIBLE = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u2028\u2029\u3164\uffa0\ufe00-\ufe0f\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Whether an invisible character is part of an emoji, where it is how the emoji is written: the joiner in
 * 👨‍👩‍👧, the style selector in ❤️, the tags of a subdivision flag. Anywhere else it is shown.
 */
function partOfEmoji(cp: number, cluster: string): boolean {
  const base = cluster.codePointAt(0)!;
  if (EMOJI_STYLE.has(cp)) return cluster.length > 1 && invisibleChar(base) === undefined;
  if (!/^\p{Extended_Pictographic}/u.test(cluster)) return false;
  return cp === 0x200d || (base === WAVING_BLACK_FLAG && cp >= 0xe0020 && cp <= 0xe007f);
}

/**
 * Splits text into runs of ordinary text and single invisible characters, so a view can draw each invisible
 * one as a visible, named mark. Joining every run's text gives the text back.
 */
export function textRuns(text: string): TextRun[] {
  // Most text has none: one scan, no segmenting, so long text stays cheap.
  if (!MAYBE_INVISIBLE.test(text)) return text ? [{ text }] : [];
  const runs: TextRun[] = [];
  let plain = '';
  for (const { segment } of graphemes.segment(text)) {
    for (const char of segment) {
      const cp = char.codePointAt(0)!;
      const invisible = invisibleChar(cp);
      if (!invisible || partOfEmoji(cp, segment)) {
        plain += char;
        continue;
      }
      if (plain) runs.push({ text: plain });
      plain = '';
      runs.push({ text: char, invisible });
    }
  }
  if (plain) runs.push({ text: plain });
  return runs;
}

/** Whether text holds any character that textRuns would show as a mark. */
export function hasInvisible(text: string): boolean {
  return textRuns(text).some((run) => run.invisible);
}

export interface TextCount {
  /** Characters as a person sees them (extended grapheme clusters): 👨‍👩‍👧 is 1. */
  characters: number;
  codePoints: number;
  /** What JavaScript's `length` counts: 👨‍👩‍👧 is 8. */
  utf16Units: number;
  utf8Bytes: number;
}

/**
 * Whether every UTF-16 unit of text is a character of its own: ASCII without a CR LF (one character as a
 * person counts). Then counting and cutting need no segmenting, which keeps a 200 KB token cheap.
 */
const oneUnitEach = (text: string) => !/[^\0-\x7f]|\r\n/.test(text);

/** How many characters text has as a person sees them (grapheme clusters): 👨‍👩‍👧 and e + ◌́ are one each. */
export function characterCount(text: string): number {
  if (oneUnitEach(text)) return text.length;
  let characters = 0;
  for (const _ of graphemes.segment(text)) characters++;
  return characters;
}

/** The UTF-16 offset where the first `n` characters of text (as a person sees them) end. */
export function afterCharacters(text: string, n: number): number {
  if (oneUnitEach(text)) return Math.min(n, text.length);
  let end = 0;
  let taken = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (taken++ === n) break;
    end += segment.length;
  }
  return end;
}

/** The UTF-16 offset where the last `n` characters of text (as a person sees them) start. */
export function beforeLastCharacters(text: string, n: number): number {
  if (oneUnitEach(text)) return Math.max(0, text.length - n);
  const segments = graphemes.segment(text);
  let start = text.length;
  for (let i = 0; i < n && start > 0; i++) start = segments.containing(start - 1)!.index;
  return start;
}

/**
 * The nearest place at or before (`earlier`) or at or after (`later`) a UTF-16 offset where text can be cut
 * without splitting a character a person sees: not inside an emoji, a flag or a letter with its accent.
 */
export function characterBoundary(text: string, index: number, towards: 'earlier' | 'later'): number {
  if (index <= 0 || index >= text.length || oneUnitEach(text)) return index;
  const { index: start, segment } = graphemes.segment(text).containing(index)!;
  return start === index || towards === 'earlier' ? start : start + segment.length;
}

/**
 * How many code points text has between two UTF-16 offsets: a surrogate pair (an emoji) counts once. What an
 * error's "column" or "character N" counts, as the decoder and tamper mode number characters.
 */
export function codePointCount(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let i = from; i < to; i++, count++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff && i + 1 < to) i++;
  }
  return count;
}

/** The UTF-16 offset where code point `index` starts (text.length past the end): a column back to a place. */
export function codePointOffset(text: string, index: number): number {
  let at = 0;
  for (let i = 0; i < index && at < text.length; i++) at += text.codePointAt(at)! > 0xffff ? 2 : 1;
  return at;
}

export function countText(text: string): TextCount {
  return {
    characters: characterCount(text),
    codePoints: codePointCount(text),
    utf16Units: text.length,
    utf8Bytes: new TextEncoder().encode(text).length,
  };
}
