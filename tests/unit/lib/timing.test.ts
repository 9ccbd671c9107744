/** Timing statistics: medians, batch sizing against a fake clock, and the figures as a person reads them. */
import { describe, expect, it } from 'vitest';
import { batchSize, formatMs, formatRatio, median, perRun, timeBatch } from '../../../src/lib/timing';

/** A clock that moves `step` ms each time an operation runs, and not otherwise. */
function fakeClock(step: number) {
  let t = 0;
  return { now: () => t, op: async () => void (t += step) };
}

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([3, 100, 2, 4, 1])).toBe(3);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('ignores one wild outlier, unlike the mean', () => {
    expect(median([1, 1, 1, 1, 1000])).toBe(1);
  });

  it('refuses an empty list, and leaves its input unsorted', () => {
    expect(() => median([])).toThrow(RangeError);
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('batches', () => {
  it('times a batch as the clock moved during its runs', async () => {
    const { now, op } = fakeClock(0.25);
    expect(await timeBatch(op, 8, now)).toBe(2);
  });

  it('makes a batch of as many runs as it takes to last the minimum', async () => {
    const { now, op } = fakeClock(0.3);
    // 0.3 × 16 = 4.8 < 5, 0.3 × 17 = 5.1 ≥ 5
    expect(await batchSize(op, { now, minBatchMs: 5 })).toBe(17);
    const slow = fakeClock(6);
    expect(await batchSize(slow.op, { now: slow.now, minBatchMs: 5 })).toBe(1);
  });

  it('leaves the slow first calls out of the sizing', async () => {
    let t = 0;
    let calls = 0;
    const op = async () => void (t += ++calls <= 3 ? 100 : 0.3);
    expect(await batchSize(op, { now: () => t, minBatchMs: 5 })).toBe(17);
  });

  it('takes the middle of three counts, so one stall does not decide', async () => {
    let t = 0;
    let calls = 0;
    // Warm-up (3 calls), then the first count meets one 50 ms stall and gets 1; the next two get 17.
    const op = async () => void (t += ++calls === 4 ? 50 : 0.3);
    expect(await batchSize(op, { now: () => t, minBatchMs: 5 })).toBe(17);
  });

  it('stops growing at the cap when the clock never moves', async () => {
    const { now, op } = fakeClock(0);
    expect(await batchSize(op, { now, minBatchMs: 5, maxBatchRuns: 64 })).toBe(64);
  });

  it('divides batch totals by their runs', () => {
    expect(perRun([10, 20], 4)).toEqual([2.5, 5]);
  });
});

describe('formatting', () => {
  it('writes durations with their unit and about two significant digits', () => {
    expect(formatMs(0.0523)).toBe('0.052 ms');
    expect(formatMs(1.27)).toBe('1.3 ms');
    expect(formatMs(27.4)).toBe('27 ms');
  });

  it('writes ratios with one decimal below ten', () => {
    expect(formatRatio(4.2, 1)).toBe('4.2×');
    expect(formatRatio(31.4, 1)).toBe('31×');
  });
});
