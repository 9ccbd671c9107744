/**
 * Long values cut down for display, so that a 200 KB input never prints a page-high string: a value keeps
 * its two ends with "…" between them, and an error's line keeps a window around the error. Characters are
 * counted as a person sees them (src/lib/text.ts), and a cut never falls inside one: no half emoji, no
 * flag torn into its letters, no accent without its letter.
 */
import { afterCharacters, beforeLastCharacters, characterBoundary, characterCount } from '../../lib/text';

/** What stands for the characters left out. */
export const GAP = '…';

/** Fewer hidden characters than this are not worth a gap: the value is shown whole. */
const MIN_HIDDEN = 8;

export interface ShortenOptions {
  /** Characters kept at the start and at the end of each part that is shortened. */
  head: number;
  tail: number;
  /** Values of up to this many characters are always shown whole. */
  over?: number;
  /** Parts between separators are shortened each on its own, so every part keeps both ends (a token's dots). */
  separator?: string;
}

export interface Shortened {
  /** The value itself, or its parts with GAP in place of each one's middle. */
  text: string;
  /** How many characters of the value the text leaves out: 0 when it is the whole value. */
  hidden: number;
  /** How many characters the whole value has. */
  characters: number;
}

export function shorten(value: string, { head, tail, over = head + tail + MIN_HIDDEN, separator }: ShortenOptions): Shortened {
  // A value is never shorter in characters than in UTF-16 units: most are told apart without counting.
  if (value.length <= over) return { text: value, hidden: 0, characters: characterCount(value) };
  const parts = separator === undefined ? [value] : value.split(separator);
  const counts = parts.map(characterCount);
  const characters = counts.reduce((sum, n) => sum + n, 0) + (parts.length - 1) * characterCount(separator ?? '');
  if (characters <= over) return { text: value, hidden: 0, characters };
  let hidden = 0;
  const shortened = parts.map((part, i) => {
    if (counts[i]! <= head + tail + MIN_HIDDEN) return part;
    hidden += counts[i]! - head - tail;
    return part.slice(0, afterCharacters(part, head)) + GAP + part.slice(beforeLastCharacters(part, tail));
  });
  return { text: shortened.join(separator ?? ''), hidden, characters };
}

/**
 * The part of `line` about `radius` UTF-16 units either side of `index` (the place of an error, a UTF-16
 * offset as the core reports it), widened to whole characters, with GAP where the line was cut, and `index`
 * moved to the same character in that excerpt.
 */
export function excerpt(line: string, index: number, radius: number): { text: string; index: number } {
  const from = characterBoundary(line, Math.max(0, index - radius), 'earlier');
  const to = characterBoundary(line, Math.min(line.length, index + radius + 1), 'later');
  const before = from > 0 ? GAP : '';
  const after = to < line.length ? GAP : '';
  return { text: before + line.slice(from, to) + after, index: index - from + before.length };
}
