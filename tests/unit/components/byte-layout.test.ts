/** Layout for the UTF-8 and base64url views, checked against the core (utf8Encode, base64urlGroups, traces) and Node's base64. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64urlEncode, base64urlGroups, secretFromText, sign, toHex, utf8Encode, type Base64urlStep, type Utf8Step,
} from '../../../src/lib/jwt';
import {
  BYTE_EM, base64Length, base64Summary, bitString, bytesOfSextet, charCellEm, charCellWidths, codePointLabel, count,
  firstVisibleRow, formatByte, glyphOf, groupAt, groupBits, groupCount, moveInBase64, moveInRows, multiByteCount,
  packRows, perRow, plural, rowCount, rowOf, rowOnScreen, rowsPerPage, scrollToRow, sextetsOfByte, splitCodePoints,
  scrollToSpan, standardChar, usedValues, usesUrlOnlyChars, utf8Length, utf8MarkerBits, utf8Summary, visibleRows, xOf,
  type NavKey,
} from '../../../src/components/visualizer/byte-layout';

const SECRET = secretFromText('a-string-secret-at-least-256-bits-long');

async function traceOf(payload: string): Promise<{ utf8: Utf8Step[]; base64: Base64urlStep[] }> {
  const { trace } = await sign({ alg: 'HS256', typ: 'JWT' }, payload, SECRET, { trace: true });
  return {
    utf8: trace!.filter((s): s is Utf8Step => s.stage === 'utf8'),
    base64: trace!.filter((s): s is Base64urlStep => s.stage === 'base64url'),
  };
}

/** The characters and their bytes as the view draws them: one slice of the step's bytes per code point. */
function charBytes(text: string, bytes: Uint8Array): Uint8Array[] {
  const layout = splitCodePoints(text);
  return Array.from({ length: layout.count }, (_, i) => bytes.subarray(layout.byteStart[i], layout.byteStart[i + 1]));
}

const concat = (parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

/** Every group the view draws, from groupAt, as the view asks for them. */
const allGroups = (bytes: Uint8Array) => Array.from({ length: groupCount(bytes.length) }, (_, i) => groupAt(bytes, i));

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
    expect(multiByteCount(layout)).toBe(4);
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
    const payloadStep = utf8[1]!;
    const layout = splitCodePoints(payloadStep.text);
    expect(utf8Summary(layout.count, payloadStep.bytes.length, multiByteCount(layout))).toBe(
      `${layout.count} characters → ${payloadStep.bytes.length} bytes: ${multiByteCount(layout)} characters need more than one byte`,
    );
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
  it('writes code points as Unicode does', () => {
    expect(codePointLabel(0x41)).toBe('U+0041');
    expect(codePointLabel(0xeb)).toBe('U+00EB');
    expect(codePointLabel(0x65e5)).toBe('U+65E5');
    expect(codePointLabel(0x1f389)).toBe('U+1F389');
    expect(codePointLabel(0x10ffff)).toBe('U+10FFFF');
  });

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

  it('writes the summary line from the counts', () => {
    expect(utf8Summary(27, 27, 0)).toBe('27 characters → 27 bytes');
    expect(utf8Summary(24, 30, 2)).toBe('24 characters → 30 bytes: 2 characters need more than one byte');
    expect(utf8Summary(1, 2, 1)).toBe('1 character → 2 bytes: 1 character needs more than one byte');
    expect(utf8Summary(0, 0, 0)).toBe('0 characters → 0 bytes');
    expect(utf8Summary(52014, 64014, 6000)).toBe('52,014 characters → 64,014 bytes: 6,000 characters need more than one byte');
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

  it('counts with thousands separators', () => {
    expect(count(999)).toBe('999');
    expect(count(65536)).toBe('65,536');
    expect(plural(1, 'byte')).toBe('1 byte');
    expect(plural(2, 'byte')).toBe('2 bytes');
    expect(plural(0, 'character')).toBe('0 characters');
  });
});

describe('bytes → base64url groups', () => {
  it('asks the core for each group on its own and gets the same groups as base64urlGroups of the whole', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(allGroups(bytes)).toEqual(base64urlGroups(bytes));
        expect(allGroups(bytes).map((g) => g.chars).join('')).toBe(base64urlEncode(bytes));
        expect(base64Length(bytes.length)).toBe(base64urlEncode(bytes).length);
      }),
      { numRuns: 300 },
    );
    expect(() => groupAt(new Uint8Array(3), 1)).toThrow(RangeError);
    expect(() => groupAt(new Uint8Array(0), 0)).toThrow(RangeError);
  });

  it('draws characters that concatenate to step.text for every base64url step of real traces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (value) => {
        const { base64 } = await traceOf(JSON.stringify({ value }));
        expect(base64.map((s) => s.part)).toEqual(['header', 'payload', 'signature']);
        for (const step of base64) {
          expect(allGroups(step.bytes).map((g) => g.chars).join('')).toBe(step.text);
          expect(base64Summary(step.bytes.length)).toContain(`→ ${count(step.text.length)} character`);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('splits each group into 24 bits: the bytes\' bits, then zero padding, read back as the sextets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 30 }), (bytes) => {
        for (const group of allGroups(bytes)) {
          const bits = groupBits(group);
          expect(bits).toHaveLength(group.sextets.length * 6);
          const text = bits.map((b) => b.bit).join('');
          expect(text).toBe(group.sextets.map((s) => bitString(s, 6)).join(''));
          expect(text.slice(0, group.bytes.length * 8)).toBe(group.bytes.map((b) => bitString(b, 8)).join(''));
          const padding = bits.filter((b) => b.byte === -1);
          expect(padding).toHaveLength(group.paddingBits);
          expect(padding.every((b) => b.bit === 0)).toBe(true);
          bits.forEach((b, i) => {
            expect(b.sextet).toBe(Math.floor(i / 6));
            if (b.byte !== -1) expect(b.byte).toBe(Math.floor(i / 8));
          });
        }
      }),
    );
  });

  it('pads "Zoë" (4 bytes) with 4 zero bits and drops two "="', () => {
    const groups = allGroups(utf8Encode('Zoë'));
    expect(groups.map((g) => g.chars)).toEqual(['Wm_D', 'qw']);
    const last = groupBits(groups[1]!);
    expect(last.map((b) => b.bit).join('')).toBe('101010110000');
    expect(last.slice(8).every((b) => b.byte === -1)).toBe(true);
    expect(groups[1]!.droppedPadding).toBe(2);
  });

  it('links each byte to the characters it feeds and each character to the bytes it takes bits from', () => {
    expect([0, 1, 2].map((k) => sextetsOfByte(k))).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect([0, 1, 2, 3].map((j) => bytesOfSextet(j))).toEqual([[0], [0, 1], [1, 2], [2]]);
    // A last group of one byte has two characters; the second takes bits from that byte and from padding.
    expect(sextetsOfByte(0, 2)).toEqual([0, 1]);
    expect(bytesOfSextet(1, 1)).toEqual([0]);
    expect(bytesOfSextet(2, 2)).toEqual([1]);
    for (let k = 0; k < 3; k++) for (let j = 0; j < 4; j++) expect(sextetsOfByte(k).includes(j)).toBe(bytesOfSextet(j).includes(k));
  });

  it('shows what standard base64 writes: the same except + and / for 62 and 63, and "=" where base64url drops it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const standard = Buffer.from(bytes).toString('base64');
        const groups = allGroups(bytes);
        const drawn = groups.map((g) => g.sextets.map(standardChar).join('') + '='.repeat(g.droppedPadding)).join('');
        expect(drawn).toBe(standard);
        expect(usesUrlOnlyChars(base64urlEncode(bytes))).toBe(/[+/]/.test(standard));
      }),
      { numRuns: 300 },
    );
    expect(standardChar(62)).toBe('+');
    expect(standardChar(63)).toBe('/');
    expect(standardChar(0)).toBe('A');
  });

  it('lists which alphabet characters a text uses', () => {
    const used = usedValues('AA-_z');
    expect(used).toHaveLength(64);
    expect(used.flatMap((u, v) => (u ? [v] : []))).toEqual([0, 51, 62, 63]);
    expect(usedValues('').some(Boolean)).toBe(false);
  });

  it('writes the summary line from the byte count', () => {
    expect(base64Summary(27)).toBe('27 bytes → 36 characters (9 groups of 3 bytes; no padding needed)');
    expect(base64Summary(28)).toBe(
      '28 bytes → 38 characters (9 groups of 3 bytes and a last group of 1 byte: 4 zero bits fill its last character, and the two “=” standard base64 adds are dropped)',
    );
    expect(base64Summary(32)).toBe(
      '32 bytes → 43 characters (10 groups of 3 bytes and a last group of 2 bytes: 2 zero bits fill its last character, and the “=” standard base64 adds is dropped)',
    );
    expect(base64Summary(1)).toBe(
      '1 byte → 2 characters (one group of 1 byte: 4 zero bits fill its last character, and the two “=” standard base64 adds are dropped)',
    );
    expect(base64Summary(3)).toBe('3 bytes → 4 characters (1 group of 3 bytes; no padding needed)');
    expect(base64Summary(0)).toBe('0 bytes → 0 characters: nothing to encode');
    expect(base64Summary(65535)).toBe('65,535 bytes → 87,380 characters (21,845 groups of 3 bytes; no padding needed)');
  });
});

describe('rows and windowing', () => {
  const widthsArb = fc.array(fc.double({ min: 0.5, max: 30, noNaN: true }), { maxLength: 200 });

  it('packs items into rows in order, greedily, none wider than the row unless it holds one item', () => {
    fc.assert(
      fc.property(widthsArb, fc.double({ min: 1, max: 60, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (widths, rowWidth, gap) => {
        const starts = packRows(widths, rowWidth, gap);
        expect(starts[0] ?? 0).toBe(0);
        expect(starts.at(-1)).toBe(widths.length);
        if (widths.length === 0) expect(rowCount(starts)).toBe(0);
        const rowWidthOf = (from: number, to: number) => widths.slice(from, to).reduce((a, w) => a + w, 0) + gap * (to - from - 1);
        for (let r = 0; r < rowCount(starts); r++) {
          const from = starts[r]!;
          const to = starts[r + 1]!;
          expect(to).toBeGreaterThan(from);
          if (to - from > 1) expect(rowWidthOf(from, to)).toBeLessThanOrEqual(rowWidth + 1e-6);
          // Greedy: the next row's first item would not have fitted here.
          if (to < widths.length) expect(rowWidthOf(from, to + 1)).toBeGreaterThan(rowWidth - 1e-6);
          for (let i = from; i < to; i++) expect(rowOf(starts, i)).toBe(r);
        }
      }),
    );
  });

  it('draws only the rows on screen, plus a few, for a 64 KB text', () => {
    const text = 'x'.repeat(40000) + 'Zoë 日本 🎉'.repeat(1500);
    const layout = splitCodePoints(text);
    expect(utf8Encode(text).length).toBe(64000);
    const starts = packRows(charCellWidths(layout, 'hex'), 36, 0.4);
    const rowPx = 6.3 * 17;
    const range = visibleRows(100_000, 24 * 17, rowPx, rowCount(starts));
    expect(range.end - range.first).toBeLessThanOrEqual(Math.ceil((24 * 17) / rowPx) + 1 + 4);
    let cells = 0;
    for (let r = range.first; r < range.end; r++) cells += starts[r + 1]! - starts[r]!;
    expect(cells).toBeLessThan(150);
  });

  it('covers every row that intersects the viewport, clamped to the rows there are', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 200_000, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 10, max: 200, noNaN: true }), fc.integer({ min: 0, max: 4 }),
        (rows, scrollTop, viewport, rowHeight, overscan) => {
          const { first, end } = visibleRows(scrollTop, viewport, rowHeight, rows, overscan);
          if (rows === 0) {
            expect(end - first).toBe(0);
            return;
          }
          expect(first).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(rows);
          expect(end).toBeGreaterThan(first);
          for (let r = 0; r < rows; r++) {
            const top = r * rowHeight;
            if (top < scrollTop + viewport && top + rowHeight > scrollTop) {
              expect(r).toBeGreaterThanOrEqual(first);
              expect(r).toBeLessThan(end);
            }
          }
          expect(end - first).toBeLessThanOrEqual(Math.ceil(viewport / rowHeight) + 1 + 2 * overscan);
        },
      ),
    );
  });

  it('scrolls as little as possible to show a row, and not at all when it is on screen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 100_000, noNaN: true }), fc.integer({ min: 1, max: 20 }), (row, scrollTop, visible) => {
        const rowHeight = 50;
        const viewport = visible * rowHeight;
        const top = scrollToRow(row, rowHeight, scrollTop, viewport);
        expect(rowOnScreen(row, top, viewport, rowHeight)).toBe(true);
        if (rowOnScreen(row, scrollTop, viewport, rowHeight)) expect(top).toBe(scrollTop);
      }),
    );
    expect(scrollToRow(10, 50, 0, 200)).toBe(350);
    expect(scrollToRow(2, 50, 400, 200)).toBe(100);
  });

  it('scrolls sideways as little as possible to show a cell, from its start when it is wider than the view', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.integer({ min: 1, max: 800 }), fc.nat(5000), fc.integer({ min: 100, max: 1000 }), (start, size, scroll, viewport) => {
        const x = scrollToSpan(start, size, scroll, viewport);
        expect(x).toBeGreaterThanOrEqual(0);
        // Its start is always on screen, and all of it when it fits.
        expect(start).toBeGreaterThanOrEqual(x);
        if (size <= viewport) expect(start + size).toBeLessThanOrEqual(x + viewport);
        else expect(x).toBe(start);
        if (start >= scroll && start + size <= scroll + viewport) expect(x).toBe(scroll);
      }),
    );
  });

  it('places a cell at the sum of the widths and gaps before it in its row', () => {
    const widths = [1, 2, 3, 4, 5];
    const starts = packRows(widths, 7, 0.5); // [1 2 3] [4] [5]
    expect(Array.from(starts)).toEqual([0, 3, 4, 5]);
    expect([0, 1, 2, 3, 4].map((i) => xOf(starts, widths, 0.5, i))).toEqual([0, 1.5, 4, 0, 0]);
  });

  it('knows the first row wholly on screen and the rows in a page', () => {
    expect(firstVisibleRow(0, 50, 10)).toBe(0);
    expect(firstVisibleRow(1, 50, 10)).toBe(1);
    expect(firstVisibleRow(100, 50, 10)).toBe(2);
    expect(firstVisibleRow(10_000, 50, 10)).toBe(9);
    expect(rowsPerPage(420, 100)).toBe(4);
    expect(rowsPerPage(50, 100)).toBe(1);
    expect(perRow(1000, 300, 20)).toBe(3);
    expect(perRow(100, 300, 20)).toBe(1);
  });
});

describe('keyboard', () => {
  const key = (k: string, ctrl = false): NavKey => ({ key: k, ctrlKey: ctrl });
  // Rows: [0 1 2] [3 4] [5 6 7]: item 3 is wide.
  const widths = [1, 1, 1, 2, 1, 1, 1, 1];
  const starts = packRows(widths, 3.2, 0.1);

  it('moves along and across rows in the character grid', () => {
    expect(Array.from(starts)).toEqual([0, 3, 5, 8]);
    expect(moveInRows(key('ArrowRight'), 2, starts, widths, 0.1, 1)).toBe(3);
    expect(moveInRows(key('ArrowLeft'), 3, starts, widths, 0.1, 1)).toBe(2);
    expect(moveInRows(key('ArrowLeft'), 0, starts, widths, 0.1, 1)).toBe(0);
    expect(moveInRows(key('ArrowRight'), 7, starts, widths, 0.1, 1)).toBe(7);
    expect(moveInRows(key('ArrowDown'), 1, starts, widths, 0.1, 1)).toBe(3); // under the wide item
    expect(moveInRows(key('ArrowDown'), 2, starts, widths, 0.1, 1)).toBe(4);
    expect(moveInRows(key('ArrowUp'), 4, starts, widths, 0.1, 1)).toBe(2);
    expect(moveInRows(key('ArrowUp'), 1, starts, widths, 0.1, 1)).toBe(1);
    expect(moveInRows(key('Home'), 4, starts, widths, 0.1, 1)).toBe(3);
    expect(moveInRows(key('End'), 5, starts, widths, 0.1, 1)).toBe(7);
    expect(moveInRows(key('Home', true), 6, starts, widths, 0.1, 1)).toBe(0);
    expect(moveInRows(key('End', true), 1, starts, widths, 0.1, 1)).toBe(7);
    expect(moveInRows(key('PageDown'), 0, starts, widths, 0.1, 2)).toBe(5);
    expect(moveInRows(key('PageUp'), 6, starts, widths, 0.1, 5)).toBe(1);
    expect(moveInRows(key('Enter'), 0, starts, widths, 0.1, 1)).toBeUndefined();
    expect(moveInRows(key('ArrowRight'), 0, packRows([], 3, 0), [], 0, 1)).toBeUndefined();
  });

  it('always lands on an item', () => {
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.5, max: 8, noNaN: true }), { minLength: 1, maxLength: 80 }), fc.nat(), fc.constantFrom(...keys), fc.boolean(), (ws, start, k, ctrl) => {
        const s = packRows(ws, 10, 0.2);
        const to = moveInRows(key(k, ctrl), start % ws.length, s, ws, 0.2, 3)!;
        expect(Number.isInteger(to)).toBe(true);
        expect(to).toBeGreaterThanOrEqual(0);
        expect(to).toBeLessThan(ws.length);
      }),
    );
  });

  it('moves between bytes and characters in the base64 grid', () => {
    // 10 bytes: groups [0–2][3–5][6–8][9], characters [0–3][4–7][8–11][12–13], two groups a row.
    const at = (lane: 'byte' | 'char', index: number) => ({ lane, index });
    const move = (k: string, p: ReturnType<typeof at>, ctrl = false) => moveInBase64(key(k, ctrl), p, 10, 2, 1);
    expect(move('ArrowRight', at('byte', 2))).toEqual(at('byte', 3));
    expect(move('ArrowRight', at('byte', 9))).toEqual(at('byte', 9));
    expect(move('ArrowLeft', at('char', 4))).toEqual(at('char', 3));
    expect(move('ArrowDown', at('byte', 4))).toEqual(at('char', 5)); // byte 1 of group 1 feeds characters 1 and 2 of it
    expect(move('ArrowUp', at('char', 7))).toEqual(at('byte', 5));
    expect(move('ArrowDown', at('char', 5))).toEqual(at('byte', 9)); // to the bytes of the group below (clamped to the last byte)
    expect(move('ArrowUp', at('byte', 6))).toEqual(at('char', 0)); // to the characters of the group above
    expect(move('ArrowUp', at('byte', 1))).toEqual(at('byte', 1)); // first row: nowhere to go
    expect(move('ArrowDown', at('char', 12))).toEqual(at('char', 12)); // last row
    expect(move('Home', at('byte', 5))).toEqual(at('byte', 0));
    expect(move('End', at('char', 1))).toEqual(at('char', 7));
    expect(move('End', at('char', 8))).toEqual(at('char', 13));
    expect(move('End', at('byte', 0), true)).toEqual(at('byte', 9));
    expect(move('Home', at('char', 13), true)).toEqual(at('char', 0));
    expect(move('PageDown', at('char', 1))).toEqual(at('char', 9));
    expect(move('Tab', at('char', 1))).toBeUndefined();
    expect(moveInBase64(key('ArrowRight'), at('byte', 0), 0, 2, 1)).toBeUndefined();
  });

  it('in the base64 grid, ↓ then ↑ goes from a byte to a character it feeds and back to a byte that feeds it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), fc.integer({ min: 1, max: 6 }), (bytes, i, per) => {
        const index = i % bytes;
        const down = moveInBase64(key('ArrowDown'), { lane: 'byte', index }, bytes, per, 1)!;
        expect(down.lane).toBe('char');
        expect(down.index).toBeLessThan(base64Length(bytes));
        const group = Math.floor(index / 3);
        expect(Math.floor(down.index / 4)).toBe(group);
        expect(sextetsOfByte(index % 3)).toContain(down.index % 4);
        const up = moveInBase64(key('ArrowUp'), down, bytes, per, 1)!;
        expect(up.lane).toBe('byte');
        expect(Math.floor(up.index / 3)).toBe(group);
        expect(bytesOfSextet(down.index % 4)).toContain(up.index % 3);
      }),
    );
  });
});
