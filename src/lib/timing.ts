/**
 * Timing repeated async operations, for the speed comparison that runs in the learner's browser. One call
 * takes less than the clock's resolution (browsers round performance.now() to 0.1 ms or coarser), so each
 * sample times a batch long enough to measure, and the result is the median of several batches: a pause
 * of the garbage collector or another tab spoils one batch, not the figure.
 */

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface TimingOptions {
  /** The clock, in milliseconds. */
  now?: () => number;
  /** A batch is grown until it takes at least this long. */
  minBatchMs?: number;
  /** The most runs in one batch, so that a clock that never moves cannot loop for ever. */
  maxBatchRuns?: number;
}

const WARM_UP_RUNS = 3;

/** Runs `op` `runs` times, one after the other, and returns how long that took. */
export async function timeBatch(op: () => Promise<unknown>, runs: number, now: () => number): Promise<number> {
  const start = now();
  for (let i = 0; i < runs; i++) await op();
  return now() - start;
}

/**
 * How many runs make one batch: how many fit in `minBatchMs`, counted three times and the median taken,
 * so one stall of the machine does not decide it. A few runs come first, untimed: the first calls of an
 * operation pay for compiling and caching, and would make it look slow.
 */
export async function batchSize(op: () => Promise<unknown>, { now = () => performance.now(), minBatchMs = 10, maxBatchRuns = 4096 }: TimingOptions = {}): Promise<number> {
  for (let i = 0; i < WARM_UP_RUNS; i++) await op();
  const counts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = now();
    let runs = 0;
    while (runs < maxBatchRuns && now() - start < minBatchMs) {
      await op();
      runs++;
    }
    counts.push(runs);
  }
  return median(counts);
}

/** Time per run in each batch, from batch totals. */
export function perRun(batchTotals: readonly number[], runs: number): number[] {
  return batchTotals.map((total) => total / runs);
}

/** A duration for people: "0.052 ms", "1.3 ms", "27 ms". */
export function formatMs(ms: number): string {
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${Number(ms.toPrecision(2))} ms`;
}

/** How many times `a` is `b`: "4.2×", "31×". */
export function formatRatio(a: number, b: number): string {
  const ratio = a / b;
  return `${ratio.toFixed(ratio < 10 ? 1 : 0)}×`;
}
