/** Layout for the UTF-8 view, checked against the core (utf8Encode, traces). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitString, codePointLabel } from '../../../../src/lib/format';
import { toHex, utf8Encode, utf8Length } from '../../../../src/lib/jwt';
import { formatByte } from '../../../../src/components/visualizer/byte-notation';
import {
  BYTE_EM, charCellEm, charCellWidths, glyphOf, splitCodePoints, utf8MarkerBits,
} from '../../../../src/components/visualizer/utf8-layout';
import { charBytes, traceOf } from './traces';

const concat = (parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

describe('text → code points with their UTF-8 byte ranges', () => {
  it('splits "Zoë 日本 🎉" into 8 code points, not 9 UTF-16 units, with 1–4 bytes each', () => {
    const text = 'Zoë 日本 🎉';
    const layout = splitCodePoints(text);
    expect(text.length).toBe(9);
    expect(layout.count).toBe(8);
    expect(Array.from(layout.codePoints, codePointLabel)).toEqual([
      'U+005A', 'U+006F', 'U+00EB', 'U+0020', 'U+65E5', 'U+672C', 'U+0020', 'U+1F389',
    ]);
    expect(charBytes(text, utf8Encode(text)).map((b) => toHex(b, ' '))).toEqual([
      '5a', '6f', 'c3 ab', '20', 'e6 97 a5', 'e6 9c ac', '20', 'f0 9f 8e 89',
    ]);
    expect(layout.byteStart[layout.count]).toBe(utf8Encode(text).length);
  });

  it('gives an empty text no characters', () => {
    const layout = splitCodePoints('');
    expect(layout.count).toBe(0);
    expect(Array.from(layout.byteStart)).toEqual([0]);
    expect(Array.from(layout.textStart)).toEqual([0]);
  });

  it('for any text (lone surrogates included), the characters\' bytes concatenate to utf8Encode(text)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        const bytes = utf8Encode(text);
        const layout = splitCodePoints(text);
        expect(layout.count).toBe(Array.from(text).length);
        expect(layout.byteStart[layout.count]).toBe(bytes.length);
        const parts = charBytes(text, bytes);
        expect(concat(parts)).toEqual(bytes);
        for (let i = 0; i < layout.count; i++) {
          const char = text.slice(layout.textStart[i], layout.textStart[i + 1]);
          // Each character's slice is exactly what the core's encoder gives for that character alone.
          expect(parts[i]).toEqual(utf8Encode(char));
          expect(char.codePointAt(0)).toBe(layout.codePoints[i]);
          expect(parts[i]!.length).toBe(utf8Length(layout.codePoints[i]!));
        }
        expect(Array.from({ length: layout.count }, (_, i) => text.slice(layout.textStart[i], layout.textStart[i + 1])).join('')).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('matches the bytes of the utf8 steps in a real signing trace', async () => {
    const payload = JSON.stringify({ name: 'Zoë 日本 🎉', emoji: '👩‍👩‍👧', rtl: 'שלום', combining: 'e\u0301' });
    const { utf8 } = await traceOf(payload);
    expect(utf8.map((s) => s.part)).toEqual(['header', 'payload']);
    for (const step of utf8) {
      expect(concat(charBytes(step.text, step.bytes))).toEqual(step.bytes);
      expect(splitCodePoints(step.text).byteStart.at(-1)).toBe(step.bytes.length);
    }
  });

  it('marks where each UTF-8 byte\'s sequence marker ends, as the real bytes show it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff), (cp) => {
        const bytes = utf8Encode(String.fromCodePoint(cp));
        const markers = utf8MarkerBits(bytes.length as 1 | 2 | 3 | 4);
        expect(markers).toHaveLength(bytes.length);
        bytes.forEach((byte, i) => {
          const m = markers[i]!;
          const expected = bytes.length === 1 ? '0' : i === 0 ? `${'1'.repeat(bytes.length)}0` : '10';
          expect(bitString(byte, 8).slice(0, m)).toBe(expected);
        });
      }),
    );
  });
});

describe('what a character cell shows', () => {
  it('gives spaces, line breaks, controls, combining marks and invisible characters a visible stand-in', () => {
    expect(glyphOf(0x5a)).toEqual({ text: 'Z', kind: 'plain' });
    expect(glyphOf(0x1f389)).toEqual({ text: '🎉', kind: 'plain' });
    expect(glyphOf(0x20)).toMatchObject({ text: '␣', kind: 'space' });
    expect(glyphOf(0x0a)).toMatchObject({ text: '↵', kind: 'control' });
    expect(glyphOf(0x09)).toMatchObject({ text: '⇥', kind: 'control' });
    expect(glyphOf(0x00)).toMatchObject({ text: '␀', kind: 'control' });
    expect(glyphOf(0x7f)).toMatchObject({ kind: 'control' });
    expect(glyphOf(0x85)).toMatchObject({ kind: 'control' });
    expect(glyphOf(0x301)).toMatchObject({ text: '◌\u0301', kind: 'mark' });
    expect(glyphOf(0x200d)).toMatchObject({ kind: 'invisible' });
    expect(glyphOf(0xa0)).toMatchObject({ kind: 'invisible' });
    expect(glyphOf(0xd800)).toMatchObject({ text: '\uFFFD', kind: 'replaced' });
    // Every stand-in says in words what it stands for.
    for (const cp of [0x20, 0x0a, 0x00, 0x301, 0x200d, 0xd800]) expect(glyphOf(cp).note).toMatch(/\w/);
  });

  it('formats bytes in hex (as the core does), binary and decimal, each reading back to the byte', () => {
    for (let b = 0; b < 256; b++) {
      expect(formatByte(b, 'hex')).toBe(toHex(Uint8Array.of(b)));
      expect(parseInt(formatByte(b, 'hex'), 16)).toBe(b);
      expect(formatByte(b, 'binary')).toMatch(/^[01]{8}$/);
      expect(parseInt(formatByte(b, 'binary'), 2)).toBe(b);
      expect(formatByte(b, 'decimal')).toBe(String(b));
    }
    expect(() => bitString(64, 6)).toThrow(RangeError);
    expect(() => bitString(-1, 8)).toThrow(RangeError);
  });

  it('makes a cell wide enough for its bytes, wider for more bytes and for binary', () => {
    const ascii = charCellEm(0x41, 'hex');
    const two = charCellEm(0xeb, 'hex');
    const four = charCellEm(0x1f389, 'hex');
    expect(two).toBeGreaterThanOrEqual(ascii);
    expect(four).toBeGreaterThan(two);
    for (const cp of [0x41, 0xeb, 0x65e5, 0x1f389]) {
      expect(charCellEm(cp, 'binary')).toBeGreaterThan(charCellEm(cp, 'hex'));
      expect(charCellEm(cp, 'binary')).toBeGreaterThanOrEqual(utf8Length(cp) * BYTE_EM.binary);
    }
    const widths = charCellWidths(splitCodePoints('aë🎉'), 'decimal');
    expect(Array.from(widths)).toEqual([charCellEm(0x61, 'decimal'), charCellEm(0xeb, 'decimal'), charCellEm(0x1f389, 'decimal')]);
  });

});
