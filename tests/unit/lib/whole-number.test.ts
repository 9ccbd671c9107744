import { describe, expect, it } from 'vitest';
import { readWholeNumber } from '../../../src/lib/whole-number';

describe('readWholeNumber', () => {
  it('reads digits, with thousands commas and surrounding spaces', () => {
    expect(readWholeNumber('0')).toBe(0);
    expect(readWholeNumber(' 43 ')).toBe(43);
    expect(readWholeNumber('100,000')).toBe(100_000);
    expect(readWholeNumber('999999999999999')).toBe(999_999_999_999_999);
  });

  it('refuses what is not a whole number the way a learner would mean it', () => {
    for (const text of ['', ' ', '-1', '+1', '1.5', '1e3', '12 bytes', '0x10', ',', '1234567890123456']) {
      expect(readWholeNumber(text), text).toBeUndefined();
    }
  });
});
