/**
 * The arithmetic of trying every key: how long 2^bits guesses take at a measured rate. The key count is
 * exact (BigInt); the time is far beyond any floating-point number of seconds worth printing, so it is
 * worked out in base-10 logarithms and shown as m × 10^e.
 */

/** A Julian year (365.25 days), the unit astronomers use for the age of the universe. */
export const SECONDS_PER_YEAR = 365.25 * 24 * 60 * 60;
/** The age of the universe, about 13.8 billion years (Planck 2018). */
export const UNIVERSE_AGE_YEARS = 1.38e10;

/** A positive number as m × 10^e, with 1 ≤ m < 10. */
export interface Scientific {
  mantissa: number;
  exponent: number;
}

export function fromLog10(log10: number): Scientific {
  let exponent = Math.floor(log10);
  let mantissa = 10 ** (log10 - exponent);
  // Shown with one decimal, 9.96 would read "10.0": carry it into the exponent.
  if (Number(mantissa.toFixed(1)) >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  return { mantissa, exponent };
}

export function guessesPerSecond(tried: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (tried * 1000) / elapsedMs : 0;
}

export interface BruteForce {
  keyBits: number;
  /** 2^keyBits, exactly. */
  keys: bigint;
  keysLog10: number;
  guessesPerSecond: number;
  /** Time to try every key. */
  seconds: Scientific;
  years: Scientific;
  /** The same time in ages of the universe. */
  universeAges: Scientific;
}

/** How long trying all 2^keyBits keys takes at `rate` guesses per second (rate > 0). */
export function bruteForce(keyBits: number, rate: number): BruteForce {
  if (!(rate > 0)) throw new RangeError('The guessing rate must be a positive number of guesses per second.');
  const keysLog10 = keyBits * Math.log10(2);
  const secondsLog10 = keysLog10 - Math.log10(rate);
  const yearsLog10 = secondsLog10 - Math.log10(SECONDS_PER_YEAR);
  return {
    keyBits,
    keys: 1n << BigInt(keyBits),
    keysLog10,
    guessesPerSecond: rate,
    seconds: fromLog10(secondsLog10),
    years: fromLog10(yearsLog10),
    universeAges: fromLog10(yearsLog10 - Math.log10(UNIVERSE_AGE_YEARS)),
  };
}
