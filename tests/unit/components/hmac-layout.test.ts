/** Layout for the HMAC and compare views and the secret field, checked against the core's own traces. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  algorithmInfo, base64urlEncode, exportPem, fromHex, generateKeyPair, JwtError, secretFromText, sign, toHex, utf8Encode,
  verify, type CompareStep, type HmacInnerStep, type HmacKeyStep, type HmacOuterStep, type Step,
} from '../../../src/lib/jwt';
import { hmacSteps } from '../../../src/lib/jwt/hmac';
import {
  IPAD, OPAD, byteRows, compareRows, describePositions, diffPositions, hashBytes, hmacAlgorithm, keyMeter, naiveCompareText,
  printableText, readSecret, trailingRunStart, xorExample,
} from '../../../src/components/visualizer/hmac-layout';

interface Rfc4231 {
  vectors: { test_case: number; key_hex: string; data_hex: string; expected_hex: Record<string, string> }[];
}
const rfc4231 = JSON.parse(readFileSync(new URL('../../vectors/rfc4231.json', import.meta.url), 'utf8')) as Rfc4231;
const testCase = (n: number) => rfc4231.vectors.find((v) => v.test_case === n)!;

async function traceOf(alg: 'HS256' | 'HS384' | 'HS512', keyHex: string, dataHex: string) {
  return hmacSteps(algorithmInfo(alg), fromHex(keyHex), fromHex(dataHex));
}

/** Verifies and returns the trace, whether the token passed or was refused. */
async function verifyTrace(token: string, key: Parameters<typeof verify>[1], alg: 'HS256' | 'RS256'): Promise<Step[]> {
  try {
    return (await verify(token, key, { algorithms: [alg], trace: true })).trace!;
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    return error.trace!;
  }
}

const compareOf = (trace: Step[]) => trace.find((s): s is CompareStep => s.stage === 'compare')!;

/** The same token with its payload replaced: the signature no longer covers it. */
function withPayload(token: string, payload: object): string {
  const [header, , signature] = token.split('.');
  return `${header}.${base64urlEncode(utf8Encode(JSON.stringify(payload)))}.${signature}`;
}

describe('byteRows', () => {
  it('splits a 64-byte key block into offset rows and marks the padding', async () => {
    const [key] = await traceOf('HS256', testCase(2).key_hex, testCase(2).data_hex);
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

describe('the HMAC stages of RFC 4231 test case 2 (key "Jefe")', () => {
  let key: HmacKeyStep;
  let inner: HmacInnerStep;
  let outer: HmacOuterStep;

  beforeAll(async () => {
    [key, inner, outer] = await traceOf('HS256', testCase(2).key_hex, testCase(2).data_hex);
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
  });
});

describe('a key longer than the block (RFC 4231 test case 6, 131 bytes)', () => {
  it.each(['HS256', 'HS384', 'HS512'] as const)('%s: hashed first, the meter full and not weak', async (alg) => {
    const { key_hex, data_hex, expected_hex } = testCase(6);
    const [key, inner, outer] = await traceOf(alg, key_hex, data_hex);
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

describe('comparing signatures', () => {
  const secret = secretFromText('a-long-enough-secret-for-hs256!!');

  it('marks where a tampered HS256 token\'s signature differs, consistent with the trace', async () => {
    const { token } = await sign({ alg: 'HS256' }, { sub: 'alice' }, secret);
    const step = compareOf(await verifyTrace(withPayload(token, { sub: 'mallory' }), secret, 'HS256'));
    expect(step.what).toBe('mac');
    expect(step.equal).toBe(false);
    const diffs = diffPositions(step.expected, step.received);
    expect(diffs[0]).toBe(step.firstDifference);
    expect(diffs.length).toBeGreaterThan(20);
    const rows = compareRows(step.expected, step.received, step.firstDifference);
    expect(rows).toHaveLength(4);
    const cells = rows.flatMap((r) => r.cells);
    expect(cells.filter((c) => c.differs).map((c) => c.index)).toEqual(diffs);
    expect(cells.filter((c) => c.first).map((c) => c.index)).toEqual([step.firstDifference]);
    expect(cells[0]!.expected).toBe(toHex(step.expected.subarray(0, 1)));
    expect(naiveCompareText(step.naiveBytesExamined, 32, 32, step.equal)).toBe(
      `A naive compare would have stopped after ${step.firstDifference + 1} of 32 bytes.`,
    );
  });

  it('finds no difference for a genuine token', async () => {
    const { token } = await sign({ alg: 'HS256' }, { sub: 'alice' }, secret);
    const step = compareOf(await verifyTrace(token, secret, 'HS256'));
    expect(step.equal).toBe(true);
    expect(diffPositions(step.expected, step.received)).toEqual([]);
    expect(compareRows(step.expected, step.received, step.firstDifference).flatMap((r) => r.cells).some((c) => c.differs || c.first)).toBe(false);
    expect(naiveCompareText(step.naiveBytesExamined, 32, 32, true)).toBe('A naive compare would have looked at all 32 bytes, because they all match.');
  });

  it('for RS256, differs only in the digest at the end of the 256-byte encoded message', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const { token } = await sign({ alg: 'RS256' }, { sub: 'alice' }, privateKey);
    const step = compareOf(await verifyTrace(withPayload(token, { sub: 'mallory' }), publicKey, 'RS256'));
    expect(step.what).toBe('encoded-message');
    expect(step.equal).toBe(false);
    expect(step.expected).toHaveLength(256);
    const diffs = diffPositions(step.expected, step.received);
    // 00 01 FF…FF 00 and the DigestInfo prefix are the same; only (some of) the last 32 bytes, the SHA-256 digest, differ.
    expect(diffs[0]).toBe(step.firstDifference);
    expect(diffs[0]).toBeGreaterThanOrEqual(256 - 32);
    const rows = compareRows(step.expected, step.received, step.firstDifference);
    expect(rows).toHaveLength(32);
    expect(rows.at(-1)!.label).toBe('248');
  }, 20_000);

  it('handles signatures of different lengths', () => {
    const expected = Uint8Array.of(1, 2, 3, 4);
    const received = Uint8Array.of(1, 2, 3);
    expect(diffPositions(expected, received)).toEqual([3]);
    const cells = compareRows(expected, received, 3).flatMap((r) => r.cells);
    expect(cells.at(-1)).toEqual({ index: 3, expected: '04', received: undefined, differs: true, first: true });
    expect(naiveCompareText(0, 4, 3, false)).toBe(
      'A naive compare would have stopped before looking at any byte: the lengths differ (4 and 3 bytes).',
    );
  });

  it('describes positions as 1-based ranges', () => {
    expect(describePositions([])).toBe('no bytes');
    expect(describePositions([4])).toBe('byte 5');
    expect(describePositions([0, 1, 2])).toBe('bytes 1–3');
    expect(describePositions([0, 1, 2, 5])).toBe('bytes 1–3 and 6');
    expect(describePositions([0, 2, 3, 7, 9, 10, 11])).toBe('bytes 1, 3–4, 8 and 10–12');
  });
});

describe('readSecret', () => {
  it('reads UTF-8 text as its bytes', () => {
    const r = readSecret('super-secret', 'utf8');
    expect(r.bytes).toEqual(utf8Encode('super-secret'));
    expect(r.error).toBeUndefined();
    expect(readSecret('Zoë', 'utf8').bytes).toHaveLength(4);
  });

  it('decodes base64url: "c2VjcmV0" is the 6 bytes of "secret"', () => {
    expect(readSecret('c2VjcmV0', 'base64url').bytes).toEqual(utf8Encode('secret'));
    expect(readSecret('c2VjcmV0', 'utf8').bytes).toHaveLength(8);
  });

  it('reports a bad base64url character with its position', () => {
    const r = readSecret('c2Vj+mV0', 'base64url');
    expect(r.bytes).toBeUndefined();
    expect(r.code).toBe('ERR_BASE64URL_INVALID');
    expect(r.index).toBe(4);
    expect(r.error).toContain('Character 5');
    expect(r.error).toContain('"-"');
    expect(readSecret('c2VjcmV0=', 'base64url').index).toBe(8);
  });

  it('refuses an empty secret', () => {
    const r = readSecret('', 'utf8');
    expect(r.bytes).toBeUndefined();
    expect(r.error).toContain('empty');
    expect(r.confusion).toBeUndefined();
  });

  it('explains a pasted PEM public key as the algorithm-confusion attack', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const pem = await exportPem(publicKey);
    const r = readSecret(pem, 'utf8');
    expect(r.bytes).toBeUndefined();
    expect(r.code).toBe('ERR_KEY_MISMATCH');
    expect(r.error).toContain('algorithm-confusion');
    expect(r.confusion).toBe(true);
    // An <input> drops the line breaks of a paste; it is still recognised.
    expect(readSecret(pem.replace(/\n/g, ''), 'utf8').confusion).toBe(true);
    // A private key is refused too, but it is a different mistake.
    const secretPem = readSecret(await exportPem(privateKey), 'utf8');
    expect(secretPem.code).toBe('ERR_KEY_MISMATCH');
    expect(secretPem.confusion).toBeUndefined();
  }, 20_000);

  it('hints when UTF-8 text is also valid base64url', () => {
    const secret = base64urlEncode(new Uint8Array(32).fill(7));
    expect(readSecret(secret, 'utf8').alsoBase64url).toBe(32);
    expect(readSecret(secret, 'base64url').alsoBase64url).toBeUndefined();
    expect(readSecret('super-secret', 'utf8').alsoBase64url).toBeUndefined();
  });
});
