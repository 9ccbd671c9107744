import { describe, expect, it } from 'vitest';
import { timeline } from '../../../../src/components/visualizer/claim-timeline';

describe('timeline', () => {
  it('keeps the order of the dates and the ends inside the margins', () => {
    const t = timeline(1000, 2000);
    expect(t.value).toBe(15);
    expect(t.now).toBe(85);
    expect(timeline(3000, 2000).value).toBeGreaterThan(timeline(3000, 2000).now);
  });

  it('centres the tolerance band on the clock and spans both ends with it', () => {
    const t = timeline(1000, 2000, 500);
    expect(t.band[0]).toBeLessThan(t.now);
    expect(t.band[1]).toBeGreaterThan(t.now);
    expect(t.now - t.band[0]).toBeCloseTo(t.band[1] - t.now);
    expect(t.band[1]).toBe(85);
  });

  it('puts equal dates in the middle', () => {
    expect(timeline(5, 5)).toEqual({ value: 50, now: 50, band: [50, 50] });
  });
});
