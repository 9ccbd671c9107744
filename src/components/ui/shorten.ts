/**
 * Long values cut down for display, so that a 200 KB input never prints a page-high string: a value keeps
 * its two ends with "…" between them, and an error's line keeps a window around the error. A cut never
 * falls inside a character written as two UTF-16 units (an emoji), so no half character is ever shown.
 */

/** What stands for the characters left out. */
export const GAP = '…';

/** Fewer hidden characters than this are not worth a gap: the value is shown whole. */
const MIN_HIDDEN = 8;

export interface ShortenOptions {
  /** Characters kept at the start and at the end of each part that is shortened. */
  head: number;
  tail: number;
  /** Values up to this length are always shown whole. */
  over?: number;
  /** Parts between separators are shortened each on its own, so every part keeps both ends (a token's dots). */
  separator?: string;
}

export interface Shortened {
  /** The value itself, or its parts with GAP in place of each one's middle. */
  text: string;
  /** How many UTF-16 code units of the value the text leaves out: 0 when it is the whole value. */
  hidden: number;
}

/** True when a cut at `index` would split a surrogate pair. */
function splitsPair(text: string, index: number): boolean {
  const low = text.charCodeAt(index);
  const high = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}

/** A cut at `index`, moved one unit back (`earlier`) or forward (`later`) when it would split a pair. */
const earlier = (text: string, index: number) => (splitsPair(text, index) ? index - 1 : index);
const later = (text: string, index: number) => (splitsPair(text, index) ? index + 1 : index);

export function shorten(value: string, { head, tail, over = head + tail + MIN_HIDDEN, separator }: ShortenOptions): Shortened {
  if (value.length <= over) return { text: value, hidden: 0 };
  let hidden = 0;
  const parts = (separator === undefined ? [value] : value.split(separator)).map((part) => {
    if (part.length <= head + tail + MIN_HIDDEN) return part;
    const start = earlier(part, head);
    const end = later(part, part.length - tail);
    hidden += end - start;
    return part.slice(0, start) + GAP + part.slice(end);
  });
  return { text: parts.join(separator ?? ''), hidden };
}

/**
 * The part of `line` at most `radius` characters either side of `index` (the place of an error), with GAP
 * where the line was cut, and `index` moved to the same character in that excerpt.
 */
export function excerpt(line: string, index: number, radius: number): { text: string; index: number } {
  const from = earlier(line, Math.max(0, index - radius));
  const to = later(line, Math.min(line.length, index + radius + 1));
  const before = from > 0 ? GAP : '';
  const after = to < line.length ? GAP : '';
  return { text: before + line.slice(from, to) + after, index: index - from + before.length };
}
