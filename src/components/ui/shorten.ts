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
  /**
   * A UTF-16 offset in the value (an error's place) that stays in view: when it falls in a part's hidden
   * middle, a window of about `head` units either side of it is shown between two gaps.
   */
  keep?: number;
}

export interface Shortened {
  /** The value itself, or its parts with GAP in place of each one's middle. */
  text: string;
  /** How many characters of the value the text leaves out: 0 when it is the whole value. */
  hidden: number;
  /** How many characters the whole value has. */
  characters: number;
  /** Where `keep` is in the text: the same character, moved by what was left out before it. */
  keptAt?: number;
}

export function shorten(value: string, { head, tail, over = head + tail + MIN_HIDDEN, separator, keep }: ShortenOptions): Shortened {
  // A value is never shorter in characters than in UTF-16 units: most are told apart without counting.
  if (value.length <= over) return { text: value, hidden: 0, characters: characterCount(value), keptAt: keep };
  const parts = separator === undefined ? [value] : value.split(separator);
  const counts = parts.map(characterCount);
  const characters = counts.reduce((sum, n) => sum + n, 0) + (parts.length - 1) * characterCount(separator ?? '');
  if (characters <= over) return { text: value, hidden: 0, characters, keptAt: keep };
  let hidden = 0;
  let keptAt: number | undefined;
  let start = 0;
  let shownStart = 0;
  const shortened = parts.map((part, i) => {
    const local = keep === undefined ? -1 : keep - start;
    const kept = local >= 0 && local <= part.length;
    let shown = part;
    let at = local;
    if (counts[i]! > head + tail + MIN_HIDDEN) {
      const cut = cutPart(part, head, tail, kept ? local : undefined);
      hidden += cut.hidden ?? counts[i]! - head - tail;
      shown = cut.text;
      at = cut.keptAt ?? local;
    }
    if (kept && keptAt === undefined) keptAt = shownStart + at;
    start += part.length + (separator?.length ?? 0);
    shownStart += shown.length + (separator?.length ?? 0);
    return shown;
  });
  return { text: shortened.join(separator ?? ''), hidden, characters, keptAt };
}

/**
 * One long part cut to its two ends; a kept place in the middle adds a window around it. `hidden` is
 * counted only for a window (the plain cut hides all but head + tail characters).
 */
function cutPart(part: string, head: number, tail: number, keep: number | undefined): { text: string; hidden?: number; keptAt?: number } {
  const headEnd = afterCharacters(part, head);
  const tailStart = beforeLastCharacters(part, tail);
  const ends = (middle: string) => part.slice(0, headEnd) + middle + part.slice(tailStart);
  if (keep === undefined) return { text: ends(GAP) };
  if (keep < headEnd) return { text: ends(GAP), keptAt: keep };
  if (keep >= tailStart) return { text: ends(GAP), keptAt: keep - tailStart + headEnd + GAP.length };
  const from = characterBoundary(part, Math.max(headEnd, keep - head), 'earlier');
  const to = characterBoundary(part, Math.min(tailStart, keep + head + 1), 'later');
  const before = from > headEnd ? GAP : '';
  const after = to < tailStart ? GAP : '';
  return {
    text: ends(before + part.slice(from, to) + after),
    hidden: characterCount(part.slice(headEnd, from)) + characterCount(part.slice(to, tailStart)),
    keptAt: headEnd + before.length + keep - from,
  };
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
