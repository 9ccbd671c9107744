/**
 * Keeps only the newest of a widget's async computations: each `run` supersedes the ones before it, so a
 * slow old result can never overwrite a newer one (typing fast in a field starts many).
 */
export class Newest {
  #latest = 0;

  run<T>(work: Promise<T>, done: (value: T) => void, failed: (error: unknown) => void): void {
    const run = ++this.#latest;
    work.then(
      (value) => run === this.#latest && done(value),
      (error: unknown) => run === this.#latest && failed(error),
    );
  }

  /** Drops whatever is still running: its result would describe inputs that are no longer there. */
  cancel(): void {
    this.#latest++;
  }
}
