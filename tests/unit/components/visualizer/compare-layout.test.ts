/** Layout for the comparison view, checked against the compare steps of real verifications. */
import { describe, expect, it } from 'vitest';
import {
  JwtError, base64urlEncode, generateKeyPair, secretFromText, sign, toHex, utf8Encode, verify, type CompareStep, type Step,
} from '../../../../src/lib/jwt';
import { compareRows, cursorRow, describePositions, diffPositions, naiveCompareText } from '../../../../src/components/visualizer/compare-layout';

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

describe('cursorRow', () => {
  const expected = Uint8Array.from({ length: 20 }, (_, i) => i);
  const received = Uint8Array.from(expected, (b, i) => (i === 9 ? 0xee : b));

  it('shows the row of the last byte the cursor reaches, each byte passed, under the cursor or not reached', () => {
    const { offset, cells } = cursorRow(expected, received, { from: 9, to: 10 });
    expect(offset).toBe(8);
    expect(cells.map((c) => c.index)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(cells.map((c) => c.state)).toEqual(['done', 'now', 'ahead', 'ahead', 'ahead', 'ahead', 'ahead', 'ahead']);
    expect(cells[1]).toMatchObject({ expected: '09', received: 'ee', differs: true });
    expect(cells.filter((c) => c.differs)).toHaveLength(1);
  });

  it('ends with the last, shorter row after a sweep to the end, and starts at the first row before any byte', () => {
    const swept = cursorRow(expected, received, { from: 10, to: 20 });
    expect(swept.offset).toBe(16);
    expect(swept.cells.map((c) => [c.index, c.state])).toEqual([[16, 'now'], [17, 'now'], [18, 'now'], [19, 'now']]);
    expect(cursorRow(expected, received, { from: 0, to: 0 }).cells.every((c) => c.state === 'ahead')).toBe(true);
  });
});
