/**
 * The time machine's arithmetic (chapter 6): which of a payload's time claims can be drawn on a timeline, the
 * stretch of time the timeline and its slider cover, where each mark sits on it, and the learner's typed
 * seconds. Pure: no clock of its own, no DOM. Whether a token is accepted is never decided here, only by the
 * core's claim checks (src/lib/jwt/claims.ts).
 */

export const TIME_CLAIMS = ['iat', 'nbf', 'exp'] as const;
export type TimeClaim = (typeof TIME_CLAIMS)[number];

/** The speeds the clock plays at: simulated seconds per real second. */
export const SPEEDS = [1, 60, 3600] as const;
export type Speed = (typeof SPEEDS)[number];

/** How far from the clock's start a claim may lie and still be drawn: a NumericDate in milliseconds lies far beyond. */
export const DRAWN_WITHIN = 30 * 86_400;

/** The least room the timeline leaves around its marks: an hour each side, so "+1 h" always has somewhere to go. */
export const MIN_PAD = 3600;

export interface ClockWindow {
  from: number;
  to: number;
}

/** From here a NumericDate names a year after 5000: milliseconds, most likely (as the claims inspector says). */
const IMPLAUSIBLE = 100_000_000_000;

/**
 * The time claims to draw: numbers, near the first plausible one of exp, iat and nbf (within DRAWN_WITHIN).
 * Anything else (a string, a NumericDate in milliseconds, a date years away from the others) is left out.
 */
export function drawnClaims(payload: Record<string, unknown>): Partial<Record<TimeClaim, number>> {
  const numbers = (['exp', 'iat', 'nbf'] as const).flatMap((claim) => {
    const value = payload[claim];
    return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < IMPLAUSIBLE ? [[claim, value] as const] : [];
  });
  const reference = numbers[0]?.[1];
  const drawn: Partial<Record<TimeClaim, number>> = {};
  for (const [claim, value] of numbers) if (Math.abs(value - reference!) <= DRAWN_WITHIN) drawn[claim] = value;
  return drawn;
}

/** What the timeline covers: the drawn claims (or, with none, `fallback`), with a quarter of their span (at least an hour) either side. */
export function clockWindow(times: readonly number[], fallback: number): ClockWindow {
  const all = times.length > 0 ? times : [fallback];
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = Math.max(MIN_PAD, Math.ceil((high - low) / 4));
  return { from: Math.floor(low - pad), to: Math.ceil(high + pad) };
}

/** A moment's place on the timeline in percent of its width, held to the ends (0 and 100) when it lies beyond them. */
export function positionOf(t: number, window: ClockWindow): number {
  const span = window.to - window.from;
  if (span <= 0) return 50;
  return Math.min(100, Math.max(0, ((t - window.from) / span) * 100));
}

/** A moment held inside the timeline. */
export function clampTo(t: number, window: ClockWindow): number {
  return Math.min(window.to, Math.max(window.from, t));
}

/** The tolerance band of a server's clock at `now`: from now − tolerance to now + tolerance, in percent. */
export function bandOf(now: number, tolerance: number, window: ClockWindow): [number, number] {
  return [positionOf(now - tolerance, window), positionOf(now + tolerance, window)];
}

/** Whole seconds as a learner types them in a field, or what is wrong with the text. */
export function readSeconds(
  text: string,
  { what, min, max, example }: { what: string; min: number; max: number; example: string },
): { value: number } | { error: string } {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  const sign = min < 0 ? ', or a negative number' : '';
  if (trimmed === '') return { error: `The ${what} is empty: write a whole number of seconds (for example ${example}).` };
  if (!/^-?\d{1,9}$/.test(trimmed)) return { error: `"${text}" is not a ${what}: write a whole number of seconds${sign} (for example ${example}).` };
  const value = Number(trimmed);
  if (value < min) return { error: `A ${what} of ${value} s is below ${min} s${min === 0 ? ': a verifier cannot be stricter than its clock' : ''}.` };
  if (value > max) return { error: `A ${what} of ${value} s is more than this widget's ${max} s.` };
  return { value: value === 0 ? 0 : value };
}

/** How far the close-up reaches either side of the clock, in seconds. */
export const CLOSE_UP = 60;

/** The close-up: a minute either side of `now`, where single seconds of skew and tolerance show. */
export function closeUp(now: number, half = CLOSE_UP): ClockWindow {
  return { from: now - half, to: now + half };
}

/** Whether a moment lies on the timeline (marks beyond it are left out rather than piled at an end). */
export function inView(t: number, window: ClockWindow): boolean {
  return t >= window.from && t <= window.to;
}
