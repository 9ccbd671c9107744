/**
 * Keeps only the newest of overlapping async runs. A widget's effect starts a run on every change; a slow
 * old run that finishes late must never overwrite a newer result.
 */
export class Newest {
  #latest = 0;

  /** Starts a run: `done` (or `failed`) gets its outcome only if no newer run started, nor drop(), meanwhile. */
  run<T>(work: Promise<T>, done: (value: T) => void, failed?: (error: unknown) => void): void {
    const run = ++this.#latest;
    work.then(
      (value) => {
        if (run === this.#latest) done(value);
      },
      (error: unknown) => {
        if (run === this.#latest) failed?.(error);
      },
    );
  }

  /** Forgets the runs still pending: the inputs changed to something that starts none. */
  drop(): void {
    this.#latest++;
  }
}
