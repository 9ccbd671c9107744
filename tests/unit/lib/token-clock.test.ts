/** The time machine's timeline arithmetic and typed seconds, against values worked out here. */
import { describe, expect, it } from 'vitest';
import { bandOf, clampTo, clockWindow, closeUp, drawnClaims, inView, MIN_PAD, positionOf, readSeconds } from '../../../src/lib/token-clock';

describe('drawnClaims', () => {
  it('keeps the numeric time claims near each other', () => {
    expect(drawnClaims({ iat: 1000, nbf: 1010, exp: 1900, sub: 'x' })).toEqual({ iat: 1000, nbf: 1010, exp: 1900 });
  });

  it('leaves out strings, milliseconds and a claim a year away from exp', () => {
    expect(drawnClaims({ iat: 1_773_219_600, exp: '1773220500' })).toEqual({ iat: 1_773_219_600 });
    expect(drawnClaims({ iat: 1_773_219_600, exp: 1_773_220_500_000 })).toEqual({ iat: 1_773_219_600 });
    expect(drawnClaims({ iat: 1_773_219_600 - 366 * 86_400, exp: 1_773_220_500 })).toEqual({ exp: 1_773_220_500 });
  });
});

describe('clockWindow', () => {
  it('pads the claims by an hour at least, or a quarter of their span', () => {
    expect(clockWindow([1000, 1900], 0)).toEqual({ from: 1000 - MIN_PAD, to: 1900 + MIN_PAD });
    const day = 86_400;
    expect(clockWindow([0, 4 * day], 0)).toEqual({ from: -day, to: 5 * day });
  });

  it('centres on the fallback when there is no claim', () => {
    expect(clockWindow([], 5000)).toEqual({ from: 5000 - MIN_PAD, to: 5000 + MIN_PAD });
  });
});

describe('positions', () => {
  const range = { from: 0, to: 200 };
  it('places moments in percent and holds them to the ends', () => {
    expect(positionOf(50, range)).toBe(25);
    expect(positionOf(-10, range)).toBe(0);
    expect(positionOf(500, range)).toBe(100);
    expect(bandOf(100, 20, range)).toEqual([40, 60]);
    expect(clampTo(-5, range)).toBe(0);
    expect(clampTo(201, range)).toBe(200);
  });
});

describe('readSeconds', () => {
  const tolerance = { what: 'clock tolerance', min: 0, max: 86_400, example: '30' };
  it('reads whole seconds, negative ones where allowed', () => {
    expect(readSeconds(' 30 ', tolerance)).toEqual({ value: 30 });
    expect(readSeconds('-5', { ...tolerance, what: 'skew', min: -100 })).toEqual({ value: -5 });
    expect(readSeconds('−5', { ...tolerance, what: 'skew', min: -100 })).toEqual({ value: -5 });
  });

  it('names what is wrong', () => {
    expect(readSeconds('', tolerance)).toEqual({ error: 'The clock tolerance is empty: write a whole number of seconds (for example 30).' });
    expect(readSeconds('30s', tolerance)).toEqual({ error: '"30s" is not a clock tolerance: write a whole number of seconds (for example 30).' });
    expect(readSeconds('-1', tolerance)).toEqual({ error: 'A clock tolerance of -1 s is below 0 s: a verifier cannot be stricter than its clock.' });
    expect(readSeconds('100000', tolerance)).toEqual({ error: "A clock tolerance of 100000 s is more than this widget's 86400 s." });
  });
});

describe('the close-up', () => {
  it('reaches a minute either side of the clock, and says what lies on it', () => {
    const view = closeUp(1000);
    expect(view).toEqual({ from: 940, to: 1060 });
    expect(positionOf(1000, view)).toBe(50);
    expect(positionOf(1030, view)).toBe(75);
    expect([inView(940, view), inView(1060, view), inView(939, view), inView(1061, view)]).toEqual([true, true, false, false]);
  });
});
