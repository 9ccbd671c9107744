/** Layout for the HMAC view, checked against the core's own HMAC stages for RFC 4231's test cases. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  IPAD, OPAD, hmacAlgorithm, toHex, type HmacInnerStep, type HmacKeyStep, type HmacOuterStep,
} from '../../../../src/lib/jwt';
import { byteRows, printableText } from '../../../../src/components/visualizer/byte-rows';
import { hashBytes, keyBlockUsed, keyMeter, trailingRunStart, xorExample } from '../../../../src/components/visualizer/hmac-layout';
import { hmacTrace, testCase } from './traces';

describe('the HMAC stages of RFC 4231 test case 2 (key "Jefe")', () => {
  let key: HmacKeyStep;
  let inner: HmacInnerStep;
  let outer: HmacOuterStep;

  beforeAll(async () => {
    [key, inner, outer] = await hmacTrace('HS256', testCase(2).key_hex, testCase(2).data_hex);
  });

  it('is the RFC\'s MAC, so the layout is drawing real values', () => {
    expect(toHex(outer.mac)).toBe(testCase(2).expected_hex['HMAC-SHA-256']);
    expect(printableText(key.key)).toBe('Jefe');
  });

  it('meters the 4-byte key as too short for HS256', () => {
    const meter = keyMeter(key.key.length, key.minimumBytes, key.blockBytes, key.hash);
    expect(meter.text).toBe('4 bytes (32 bits) — HS256 needs at least 32 bytes (256 bits)');
    expect(meter.verdict).toBe('Too short');
    expect(meter.weak).toBe(key.weak);
    expect(meter.weak).toBe(true);
    expect(meter.fraction).toBe(4 / 64);
    expect(meter.minimumAt).toBe(0.5);
    expect(meter.overflow).toBe(false);
  });

  it('works the first byte of K⊕ipad and K⊕opad from the trace\'s own bytes', () => {
    const i = xorExample(inner.keyIpad, IPAD)!;
    expect(i.text).toBe('4a ⊕ 36 = 7c');
    expect(i.keyChar).toBe('J');
    expect(i.result).toBe(inner.keyIpad[0]);
    expect(i.keyByte).toBe(key.keyBlock[0]);
    expect(i.bits).toEqual(['0100 1010', '0011 0110', '0111 1100']);
    const o = xorExample(outer.keyOpad, OPAD)!;
    expect(o.text).toBe('4a ⊕ 5c = 16');
    expect(o.hex).toEqual(['4a', '5c', '16']);
    // Every byte of the example matches the trace, not just the first.
    for (let n = 0; n < key.keyBlock.length; n++) expect(xorExample(inner.keyIpad, IPAD, n)!.keyByte).toBe(key.keyBlock[n]);
    expect(xorExample(inner.keyIpad, IPAD, 64)).toBeUndefined();
  });

  it('finds where the zero padding starts in K⊕ipad and K⊕opad', () => {
    expect(trailingRunStart(inner.keyIpad, IPAD)).toBe(4);
    expect(trailingRunStart(outer.keyOpad, OPAD)).toBe(4);
    expect(trailingRunStart(key.keyBlock, 0)).toBe(4);
    expect(keyBlockUsed(key)).toBe(4);
  });
});

describe('a key longer than the block (RFC 4231 test case 6, 131 bytes)', () => {
  it.each(['HS256', 'HS384', 'HS512'] as const)('%s: hashed first, the meter full and not weak', async (alg) => {
    const { key_hex, data_hex, expected_hex } = testCase(6);
    const [key, inner, outer] = await hmacTrace(alg, key_hex, data_hex);
    expect(toHex(outer.mac)).toBe(expected_hex[`HMAC-SHA-${alg.slice(2)}`]);
    expect(key.keyWasHashed).toBe(true);
    const meter = keyMeter(key.key.length, key.minimumBytes, key.blockBytes, key.hash);
    expect(meter.overflow).toBe(true);
    expect(meter.fraction).toBe(1);
    expect(meter.weak).toBe(false);
    expect(meter.verdict).toBe('Long enough');
    expect(meter.text).toBe(`131 bytes (1048 bits) — ${alg} needs at least ${key.minimumBytes} bytes (${key.minimumBytes * 8} bits)`);
    // The block holds the hash, then zeros: the padding starts at the hash length (unless the hash ends in 00).
    const hashLength = hashBytes(key.hash);
    expect(hashLength).toBe(key.minimumBytes);
    expect(keyBlockUsed(key)).toBe(hashLength);
    const rows = byteRows(key.keyBlock, { perRow: 16, paddingFrom: hashLength });
    expect(rows.flatMap((r) => r.cells).filter((c) => c.padding)).toHaveLength(key.blockBytes - hashLength);
    expect(trailingRunStart(inner.keyIpad, IPAD)).toBe(trailingRunStart(key.keyBlock, 0));
    expect(trailingRunStart(key.keyBlock, 0)).toBeLessThanOrEqual(hashLength);
    expect(xorExample(inner.keyIpad, IPAD)!.keyByte).toBe(key.keyBlock[0]);
  });

  it('names the algorithm from the hash', () => {
    expect(hmacAlgorithm('SHA-256')).toBe('HS256');
    expect(hmacAlgorithm('SHA-512')).toBe('HS512');
    expect(hashBytes('SHA-384')).toBe(48);
  });
});
