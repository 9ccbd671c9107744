/** Layout for the base64url view, checked against the core (base64urlGroups, traces) and Node's base64. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitString } from '../../../../src/lib/format';
import { base64urlEncode, base64urlGroups, utf8Encode } from '../../../../src/lib/jwt';
import {
  base64Length, bytesOfSextet, groupAt, groupBits, groupCount, moveInBase64, sextetsOfByte,
  standardChar, usedValues, usesUrlOnlyChars,
} from '../../../../src/components/visualizer/base64-layout';
import type { NavKey } from '../../../../src/components/visualizer/rows-layout';
import { traceOf } from './traces';

/** Every group the view draws, from groupAt, as the view asks for them. */
const allGroups = (bytes: Uint8Array) => Array.from({ length: groupCount(bytes.length) }, (_, i) => groupAt(bytes, i));
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
});

describe('keyboard in the base64 grid', () => {
  const key = (k: string, ctrl = false): NavKey => ({ key: k, ctrlKey: ctrl });

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
