/**
 * A widget's recompute after its inputs changed: scheduled by afterInput (after the keystroke is drawn, once
 * per burst, after a pause in typing for a large input), guarded by Newest (a late result of older inputs is
 * dropped), and telling the widget, while it waits, that what it shows is not for the inputs on screen.
 */
import { afterInput, waitsForPause } from './after-input';
import { Newest } from './newest';

export class Recompute {
  /** From a change until its result (or failure) has been handed over: the widget is busy. */
  working = $state(false);
  #long = $state(false);
  #newest = new Newest();

  /**
   * True while a large input waits for typing to pause and then computes: long enough to see, so the result
   * on screen must be marked out of date. An ordinary input's wait is one frame, shown by `working` alone.
   */
  get pending(): boolean {
    return this.working && this.#long;
  }

  /**
   * Drops whatever is still running or waiting, then runs `work` when afterInput says, handing its result to
   * `done` (or its failure to `failed`) only if no newer change came first. Returns the cancel function for
   * the `$effect` that calls it.
   */
  after<T>(size: number, work: () => Promise<T>, done: (value: T) => void, failed: (error: unknown) => void): () => void {
    this.#newest.cancel();
    this.working = true;
    this.#long = waitsForPause(size);
    return afterInput(size, () =>
      this.#newest.run(
        // A work that throws at once fails like one that rejects.
        Promise.resolve().then(work),
        (value) => {
          done(value);
          this.working = false;
        },
        (error) => {
          failed(error);
          this.working = false;
        },
      ),
    );
  }

  /** The inputs make nothing to compute: drops whatever is running or waiting. */
  stop(): void {
    this.#newest.cancel();
    this.working = false;
  }
}
