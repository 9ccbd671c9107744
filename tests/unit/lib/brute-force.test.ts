/** The brute-force arithmetic, checked against BigInt division done independently. */
import { describe, expect, it } from 'vitest';
import { SECONDS_PER_YEAR, UNIVERSE_AGE_YEARS, bruteForce, fromLog10, guessesPerSecond } from '../../../src/lib/brute-force';

/** log10 of a positive BigInt, from its digits: independent of the module's own logarithms. */
function log10Big(n: bigint): number {
  const digits = n.toString();
  return digits.length - 1 + Math.log10(Number(`0.${digits.slice(0, 15)}`) * 10);
}

describe('bruteForce', () => {
  it('counts 2^256 keys exactly', () => {
    const result = bruteForce(256, 1000);
    expect(result.keys).toBe(2n ** 256n);
    expect(result.keys.toString()).toHaveLength(78);
    expect(result.keysLog10).toBeCloseTo(log10Big(2n ** 256n), 10);
  });

  it.each([1, 12_345, 1e9, 3.7e12])('divides by the rate and the year, at %d guesses per second', (rate) => {
    const result = bruteForce(256, rate);
    // Whole years by BigInt division (rate rounded to an integer number of guesses per second).
    const years = 2n ** 256n / (BigInt(Math.round(rate)) * BigInt(SECONDS_PER_YEAR));
    const expected = log10Big(years);
    expect(result.years.exponent).toBe(Math.floor(expected));
    expect(result.years.mantissa).toBeCloseTo(10 ** (expected - Math.floor(expected)), 6);
    expect(result.universeAges.exponent).toBe(Math.floor(expected - Math.log10(UNIVERSE_AGE_YEARS)));
    expect(result.seconds.exponent).toBe(Math.floor(log10Big(2n ** 256n / BigInt(Math.round(rate)))));
  });

  it('gives small key spaces in a believable time', () => {
    // 2^20 keys at 2^10 per second: 2^10 = 1024 seconds.
    const result = bruteForce(20, 1024);
    expect(result.seconds.mantissa * 10 ** result.seconds.exponent).toBeCloseTo(1024, 6);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => bruteForce(256, 0)).toThrow(RangeError);
    expect(() => bruteForce(256, Number.NaN)).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('splits a logarithm into m × 10^e, carrying 9.96 up to 1.0 × 10^(e+1) for one-decimal display', () => {
    const shown = (log10: number) => {
      const { mantissa, exponent } = fromLog10(log10);
      return `${mantissa.toFixed(1)}e${exponent}`;
    };
    expect(shown(Math.log10(3.14e59))).toBe('3.1e59');
    expect(shown(Math.log10(9.96e20))).toBe('1.0e21');
    expect(shown(0)).toBe('1.0e0');
  });

  it('measures guesses per second, and zero before any time has passed', () => {
    expect(guessesPerSecond(500, 250)).toBe(2000);
    expect(guessesPerSecond(10, 0)).toBe(0);
  });
});
