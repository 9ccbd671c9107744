/** Bytes in rows and bytes as text, checked on RFC 4231's HMAC stages. */
import { describe, expect, it } from 'vitest';
import { fromHex, secretFromText } from '../../../../src/lib/jwt';
import { byteRows, printableText } from '../../../../src/components/visualizer/byte-rows';
import { hmacTrace, testCase } from './traces';

describe('byteRows', () => {
  it('splits a 64-byte key block into offset rows and marks the padding', async () => {
    const [key] = await hmacTrace('HS256', testCase(2).key_hex, testCase(2).data_hex);
    const rows16 = byteRows(key.keyBlock, { perRow: 16, paddingFrom: key.key.length });
    expect(rows16.map((r) => r.offset)).toEqual([0, 16, 32, 48]);
    expect(rows16.map((r) => r.label)).toEqual([' 0', '16', '32', '48']);
    expect(rows16[0]!.cells.slice(0, 5).map((c) => c.hex)).toEqual(['4a', '65', '66', '65', '00']);
    const cells = rows16.flatMap((r) => r.cells);
    expect(cells).toHaveLength(64);
    expect(cells.filter((c) => c.padding)).toHaveLength(60);
    expect(cells.filter((c) => c.padding).every((c) => c.value === 0)).toBe(true);
    expect(cells.findIndex((c) => c.padding)).toBe(4);

    const rows8 = byteRows(key.keyBlock, { paddingFrom: 4 });
    expect(rows8).toHaveLength(8);
    expect(rows8.at(-1)!.label).toBe('56');
    expect(rows8.flatMap((r) => r.cells)).toEqual(cells);
  });

  it('shows printable ASCII bytes as characters when asked, and leaves the last row short', () => {
    const rows = byteRows(secretFromText('super-secret'), { chars: true });
    expect(rows.map((r) => r.cells.length)).toEqual([8, 4]);
    expect(rows.flatMap((r) => r.cells.map((c) => c.char)).join('')).toBe('super-secret');
    expect(byteRows(Uint8Array.of(0x41, 0x0a, 0xc3))[0]!.cells.map((c) => c.char)).toEqual([undefined, undefined, undefined]);
    expect(byteRows(Uint8Array.of(0x41, 0x0a, 0xc3), { chars: true })[0]!.cells.map((c) => c.char)).toEqual(['A', undefined, undefined]);
    expect(byteRows(new Uint8Array(0))).toEqual([]);
    expect(() => byteRows(new Uint8Array(4), { perRow: 0 })).toThrow(RangeError);
  });

  it('pads offset labels to the widest offset of a 256-byte encoded message', () => {
    const rows = byteRows(new Uint8Array(256), { perRow: 16 });
    expect(rows[0]!.label).toBe('  0');
    expect(rows.at(-1)!.label).toBe('240');
  });
});

describe('printableText', () => {
  it('gives the text of printable UTF-8 and nothing for other bytes', () => {
    expect(printableText(secretFromText('super-secret'))).toBe('super-secret');
    expect(printableText(secretFromText('Zoë 日本 🔑'))).toBe('Zoë 日本 🔑');
    expect(printableText(fromHex(testCase(6).key_hex))).toBeUndefined();
    expect(printableText(secretFromText('line\nbreak'))).toBeUndefined();
    expect(printableText(new Uint8Array(0))).toBeUndefined();
  });
});
