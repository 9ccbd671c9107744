/**
 * The compare stage's plan, on the compare steps of real verifications: HS256 signatures made by node:crypto
 * and changed byte by byte here, and an RS256 token whose payload was changed (EM′ recovered by node:crypto
 * with no padding removed, EM built from createHash and the DER prefix of RFC 8017 §9.2).
 */
import { KeyObject, constants, createHash, createHmac, publicDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COMPARE_DETAIL, comparePlan, type CompareBeat } from '../../../../../src/components/visualizer/plan/compare-plan';
import { JwtError, generateKeyPair, secretFromText, sign, verify, type CompareStep, type KeyInput } from '../../../../../src/lib/jwt';

const SECRET = 'a-long-enough-secret-for-hs256!!';
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const input = `${b64('{"alg":"HS256"}')}.${b64('{"sub":"ada"}')}`;
const mac = createHmac('sha256', SECRET).update(input).digest();
const hex = (b: number) => b.toString(16).padStart(2, '0');

async function compareOf(token: string, key: KeyInput, alg: 'HS256' | 'RS256'): Promise<CompareStep> {
  let trace;
  try {
    trace = (await verify(token, key, { algorithms: [alg], trace: true })).trace!;
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    trace = error.trace!;
  }
  return trace.find((s): s is CompareStep => s.stage === 'compare')!;
}

/** The HS256 compare of `input` signed with a signature of these bytes. */
const hsCompare = (signature: Buffer) => compareOf(`${input}.${signature.toString('base64url')}`, secretFromText(SECRET), 'HS256');

function changed(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at]! ^= 0x01;
  return copy;
}

/** Whatever the values, the cursor only moves forward, the naive compare never passes the careful one, and the last beat is the verdict. */
function expectWellFormed(plan: readonly CompareBeat[], total: number) {
  expect(plan.at(-1)!.kind).toBe('verdict');
  for (let i = 1; i < plan.length; i++) {
    expect(plan[i]!.careful).toBeGreaterThanOrEqual(plan[i - 1]!.careful);
    expect(plan[i]!.naive).toBeGreaterThanOrEqual(plan[i - 1]!.naive);
  }
  for (const beat of plan) {
    expect(beat.naive).toBeLessThanOrEqual(Math.max(beat.careful, 0));
    expect(beat.to).toBeLessThanOrEqual(total);
    expect(beat.caption).toMatch(/\S/);
  }
}

describe('comparePlan', () => {
  it('sweeps equal signatures to the end: the first bytes one by one, then the rest, both compares all the way', async () => {
    const step = await hsCompare(mac);
    const plan = comparePlan(step);
    expect(plan.map((b) => b.kind)).toEqual([...Array(COMPARE_DETAIL).fill('byte'), 'equal-run', 'verdict']);
    expectWellFormed(plan, 32);
    for (let i = 0; i < COMPARE_DETAIL; i++) {
      expect(plan[i]).toMatchObject({ from: i, to: i + 1, naive: i + 1, careful: i + 1 });
      expect(plan[i]!.caption).toBe(`Byte ${i + 1} (E ${hex(mac[i]!)}, R ${hex(mac[i]!)}): equal. Both compares go on.`);
    }
    expect(plan[COMPARE_DETAIL]).toMatchObject({ from: COMPARE_DETAIL, to: 32, naive: 32, careful: 32 });
    expect(plan[COMPARE_DETAIL]!.caption).toContain(`Bytes ${COMPARE_DETAIL + 1}–32: equal too`);
    expect(plan.at(-1)).toMatchObject({ naive: 32, careful: 32 });
    expect(plan.at(-1)!.caption).toBe('All 32 bytes are equal: both compares looked at every one. WebCrypto says valid.');
  });

  it('stops the naive compare at a difference in byte 0, and the careful one sweeps on', async () => {
    const received = changed(mac, 0);
    const step = await hsCompare(received);
    const plan = comparePlan(step);
    expect(plan.map((b) => b.kind)).toEqual(['stop', 'rest', 'verdict']);
    expectWellFormed(plan, 32);
    expect(plan[0]).toMatchObject({ from: 0, to: 1, naive: 1, careful: 1 });
    expect(plan[0]!.caption).toBe(`Byte 1 (E ${hex(mac[0]!)}, R ${hex(received[0]!)}): different. The naive compare stops here, after 1 of 32 bytes: its answer comes that early.`);
    expect(plan[1]).toMatchObject({ from: 1, to: 32, naive: 1, careful: 32 });
    expect(plan[1]!.caption).toContain('through bytes 2–32 (all equal)');
    expect(plan[2]).toMatchObject({ naive: 1, careful: 32 });
    expect(plan[2]!.caption).toContain('the naive compare after 1 of 32 bytes, the careful one after all 32');
  });

  it('reaches a difference in the last byte after the sweep, with nothing left for the careful compare', async () => {
    const received = changed(mac, 31);
    const plan = comparePlan(await hsCompare(received));
    expect(plan.map((b) => b.kind)).toEqual([...Array(COMPARE_DETAIL).fill('byte'), 'equal-run', 'stop', 'verdict']);
    expectWellFormed(plan, 32);
    expect(plan[COMPARE_DETAIL]).toMatchObject({ from: COMPARE_DETAIL, to: 31 });
    expect(plan[COMPARE_DETAIL + 1]).toMatchObject({ from: 31, to: 32, naive: 32, careful: 32 });
    expect(plan[COMPARE_DETAIL + 1]!.caption).toContain(`Byte 32 (E ${hex(mac[31]!)}, R ${hex(received[31]!)}): different`);
    expect(plan.at(-1)).toMatchObject({ naive: 32, careful: 32 });
  });

  it('counts the other differences the careful compare passes over', async () => {
    const received = changed(changed(changed(mac, 1), 20), 30);
    const plan = comparePlan(await hsCompare(received));
    expect(plan.map((b) => b.kind)).toEqual(['byte', 'stop', 'rest', 'verdict']);
    expect(plan[2]!.caption).toContain('through bytes 3–32 (2 more differ)');
  });

  it('stops at the lengths when they differ, before any byte', async () => {
    const step = await hsCompare(mac.subarray(0, 31));
    const plan = comparePlan(step);
    expect(plan.map((b) => b.kind)).toEqual(['lengths', 'verdict']);
    expect(plan[0]!.caption).toContain('E has 32 bytes, R has 31 bytes');
    expect(plan.every((b) => b.naive === 0 && b.careful === 0 && b.from === b.to)).toBe(true);
  });

  it('plays an RS256 encoded message of 256 bytes in a handful of beats, stopping at the first byte EM and EM′ differ', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const { token } = await sign({ alg: 'RS256' }, { sub: 'ada' }, privateKey);
    const [header, , signature] = token.split('.') as [string, string, string];
    const tampered = `${header}.${b64('{"sub":"eve"}')}.${signature}`;
    const step = await compareOf(tampered, publicKey, 'RS256');

    const nodeKey = KeyObject.from(publicKey);
    const recovered = publicDecrypt({ key: nodeKey, padding: constants.RSA_NO_PADDING }, Buffer.from(signature, 'base64url'));
    const digestInfo = Buffer.concat([Buffer.from('3031300d060960864801650304020105000420', 'hex'), createHash('sha256').update(tampered.slice(0, tampered.lastIndexOf('.'))).digest()]);
    const built = Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(256 - 3 - digestInfo.length, 0xff), Buffer.from([0]), digestInfo]);
    const first = built.findIndex((b, i) => b !== recovered[i]);
    expect(first).toBeGreaterThanOrEqual(256 - 32); // in the digest: everything before it is the same for any message

    const plan = comparePlan(step);
    expect(plan.length).toBeLessThanOrEqual(COMPARE_DETAIL + 4);
    expectWellFormed(plan, 256);
    const stop = plan.find((b) => b.kind === 'stop')!;
    expect(stop).toMatchObject({ from: first, to: first + 1, naive: first + 1 });
    expect(stop.caption).toContain(`Byte ${first + 1} (E ${hex(built[first]!)}, R ${hex(recovered[first]!)}): different`);
    expect(stop.caption).toContain(`after ${first + 1} of 256 bytes`);
    expect(plan.at(-1)).toMatchObject({ naive: first + 1, careful: 256 });
    // The stepper and the view read the same plan.
  });
});
