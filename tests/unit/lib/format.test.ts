/** The one formatting module: counts, bytes and bits, hex, code points, big numbers, durations. */
import { describe, expect, it } from 'vitest';
import {
  bigHex, bitLength, bitString, byteBits, bytesAndBits, codePointLabel, count, duration, hexByte, hexPreview, plural, wholeNumber, zonedDate,
} from '../../../src/lib/format';

describe('counts', () => {
  it('counts with thousands separators', () => {
    expect(count(999)).toBe('999');
    expect(count(65536)).toBe('65,536');
    expect(plural(1, 'byte')).toBe('1 byte');
    expect(plural(2, 'byte')).toBe('2 bytes');
    expect(plural(0, 'character')).toBe('0 characters');
    expect(plural(1200, 'guess', 'guesses')).toBe('1,200 guesses');
  });

  it('rounds a measured quantity to a whole number', () => {
    expect(wholeNumber(1234567.8)).toBe('1,234,568');
    expect(wholeNumber(0.4)).toBe('0');
  });

  it('writes a size in bytes and bits', () => {
    expect(bytesAndBits(1)).toBe('1 byte (8 bits)');
    expect(bytesAndBits(12)).toBe('12 bytes (96 bits)');
    expect(bytesAndBits(128)).toBe('128 bytes (1024 bits)');
  });
});

describe('hex and bits', () => {
  it('writes every byte as two hex digits that read back to it', () => {
    for (let b = 0; b < 256; b++) {
      expect(hexByte(b)).toHaveLength(2);
      expect(parseInt(hexByte(b), 16)).toBe(b);
      expect(hexByte(b, true)).toBe(hexByte(b).toUpperCase());
    }
  });

  it('previews the first bytes in hex, with "…" only when some are left out', () => {
    const bytes = Buffer.from('what do ya want for nothing?');
    expect(hexPreview(bytes)).toBe(`${bytes.subarray(0, 8).toString('hex').replace(/(..)(?!$)/g, '$1 ')} …`);
    expect(hexPreview(bytes.subarray(0, 8))).toBe('77 68 61 74 20 64 6f 20');
    expect(hexPreview(bytes, 2)).toBe('77 68 …');
    expect(hexPreview(new Uint8Array(0))).toBe('');
  });

  it('writes code points as Unicode does', () => {
    expect(codePointLabel(0x41)).toBe('U+0041');
    expect(codePointLabel(0xeb)).toBe('U+00EB');
    expect(codePointLabel(0x65e5)).toBe('U+65E5');
    expect(codePointLabel(0x1f389)).toBe('U+1F389');
    expect(codePointLabel(0x10ffff)).toBe('U+10FFFF');
  });

  it('writes bits with a fixed width, and a byte as two nibbles', () => {
    expect(bitString(5, 6)).toBe('000101');
    expect(() => bitString(64, 6)).toThrow(RangeError);
    expect(byteBits(0x73)).toBe('0111 0011');
  });

  it('counts bits as BigInt does, leading zero bytes and bits not counted', () => {
    for (const hex of ['', '00', '01', '0001', '7f', '80', 'ff', '00ff00', '010001']) {
      const expected = hex.replace(/^0+/, '') === '' ? 0 : BigInt(`0x${hex}`).toString(2).length;
      expect(bitLength(Buffer.from(hex, 'hex'))).toBe(expected);
    }
  });

  it('writes a big number in hex with its size', () => {
    expect(bigHex(65537n)).toEqual({ hex: '10001', bits: 17 });
    expect(bigHex(0n)).toEqual({ hex: '0', bits: 0 });
  });
});

describe('durations', () => {
  it('uses milliseconds under a second and seconds above, with fewer decimals for longer runs', () => {
    expect(duration(3.6)).toBe('4 ms');
    expect(duration(999)).toBe('999 ms');
    expect(duration(1234)).toBe('1.23 s');
    expect(duration(12_345)).toBe('12.3 s');
  });
});

describe('zonedDate', () => {
  /** The wall clock at a fixed offset, worked out by shifting the instant: 2026-03-11 18:15:00 for +9:00. */
  const wall = (seconds: number, offsetMinutes: number) => new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19).replace('T', ' ');

  it('writes the moment in the zone asked for, with the zone and its offset', () => {
    const t = 1_773_220_500;
    expect(zonedDate(t, 'Asia/Tokyo')).toEqual({ text: wall(t, 540), zone: 'Asia/Tokyo', offset: 'UTC+09:00' });
    expect(zonedDate(t, 'Asia/Kolkata')).toMatchObject({ text: wall(t, 330), offset: 'UTC+05:30' });
    expect(zonedDate(t, 'UTC')).toEqual({ text: wall(t, 0), zone: 'UTC', offset: 'UTC+00:00' });
    // July in New York is daylight saving time: four hours behind UTC, not five.
    const july = Date.UTC(2026, 6, 1, 12) / 1000;
    expect(zonedDate(july, 'America/New_York')).toEqual({ text: wall(july, -240), zone: 'America/New_York', offset: 'UTC-04:00' });
  });

  it('gives nothing for a moment no Date can hold', () => {
    expect(zonedDate(1e20, 'UTC')).toBeUndefined();
  });
});
