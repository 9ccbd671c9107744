/**
 * Where a time claim and the verifier's clock sit on a short timeline: positions in percent of its width,
 * with room at both ends, and the clock's tolerance as a band around it. Pure numbers in, numbers out.
 */
export interface Timeline {
  value: number;
  now: number;
  /** The clock's tolerance band, [from, to]; zero width without tolerance. */
  band: [number, number];
}

/** Room left at each end of the line, in percent, so that labels at the ends stay inside. */
const MARGIN = 15;

export function timeline(value: number, now: number, tolerance = 0): Timeline {
  const low = Math.min(value, now - tolerance);
  const high = Math.max(value, now + tolerance);
  const span = high - low;
  const at = (t: number) => (span === 0 ? 50 : MARGIN + ((t - low) / span) * (100 - 2 * MARGIN));
  return { value: at(value), now: at(now), band: [at(now - tolerance), at(now + tolerance)] };
}
