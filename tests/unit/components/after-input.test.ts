/** afterInput: work runs after the frame that shows the keystroke, once per burst, and later for large inputs. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_WAIT_MS, LARGE_INPUT, PAUSE_MS, afterInput, waitsForPause } from '../../../src/components/widgets/after-input';

const FRAME_MS = 16;

beforeEach(() => {
  vi.useFakeTimers();
  // Node has no frames: one every 16 ms, on the fake clock.
  vi.stubGlobal('requestAnimationFrame', (draw: () => void) => setTimeout(draw, FRAME_MS));
  vi.stubGlobal('cancelAnimationFrame', (frame: ReturnType<typeof setTimeout>) => clearTimeout(frame));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterInput', () => {
  it('runs an ordinary input after the next frame, not while the keystroke is handled', () => {
    const work = vi.fn();
    afterInput(100, work);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(FRAME_MS);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledOnce();
  });

  it('runs only the newest of several inputs that came before it could run', () => {
    const runs: string[] = [];
    let cancel = afterInput(10, () => runs.push('a'));
    cancel();
    cancel = afterInput(11, () => runs.push('ab'));
    vi.runAllTimers();
    expect(runs).toEqual(['ab']);
  });

  it('runs an ordinary input once, after the frame, even when the wait for a frame runs out later', () => {
    const work = vi.fn();
    afterInput(100, work);
    vi.advanceTimersByTime(FRAME_WAIT_MS * 2);
    expect(work).toHaveBeenCalledOnce();
  });

  it('runs an ordinary input when no frame comes (a hidden tab, a stalled headless browser)', () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const work = vi.fn();
    afterInput(100, work);
    vi.advanceTimersByTime(FRAME_WAIT_MS - 1);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledOnce();
  });

  it('waits for a pause in typing before running a large input', () => {
    const work = vi.fn();
    let cancel = afterInput(LARGE_INPUT + 1, work);
    vi.advanceTimersByTime(PAUSE_MS - 1);
    cancel();
    cancel = afterInput(LARGE_INPUT + 2, work);
    vi.advanceTimersByTime(PAUSE_MS - 1);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledOnce();
  });

  it('says which inputs wait for a pause', () => {
    expect(waitsForPause(LARGE_INPUT)).toBe(false);
    expect(waitsForPause(LARGE_INPUT + 1)).toBe(true);
  });
});
