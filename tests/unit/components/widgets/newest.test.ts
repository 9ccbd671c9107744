/** Newest: a slow old computation never overwrites a newer result, and a cancelled one is dropped. */
import { describe, expect, it } from 'vitest';
import { Newest } from '../../../../src/components/widgets/newest';

/** A promise settled by hand, to finish computations out of order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('Newest', () => {
  it('delivers only the newest result, whatever order they finish in', async () => {
    const newest = new Newest();
    const seen: string[] = [];
    const [slow, fast] = [deferred<string>(), deferred<string>()];
    newest.run(slow.promise, (v) => seen.push(v), (e) => seen.push(`error ${String(e)}`));
    newest.run(fast.promise, (v) => seen.push(v), (e) => seen.push(`error ${String(e)}`));
    fast.resolve('new');
    await settle();
    slow.resolve('old');
    await settle();
    expect(seen).toEqual(['new']);
  });

  it('passes the newest failure on, and drops an old one', async () => {
    const newest = new Newest();
    const seen: string[] = [];
    const [old, current] = [deferred<string>(), deferred<string>()];
    newest.run(old.promise, (v) => seen.push(v), () => seen.push('old failed'));
    newest.run(current.promise, (v) => seen.push(v), (e) => seen.push(`failed: ${(e as Error).message}`));
    old.reject(new Error('old'));
    current.reject(new Error('bad input'));
    await settle();
    expect(seen).toEqual(['failed: bad input']);
  });

  it('drops a running computation when cancelled', async () => {
    const newest = new Newest();
    const seen: string[] = [];
    const work = deferred<string>();
    newest.run(work.promise, (v) => seen.push(v), () => seen.push('failed'));
    newest.cancel();
    work.resolve('stale');
    await settle();
    expect(seen).toEqual([]);
  });
});
