/**
 * The key-pair widget's choice of key: the learner asks for the example, a generated pair or a pasted key, in
 * any order and as fast as they like, and only the newest request is shown and published (a 4096-bit pair that
 * takes seconds never replaces a key chosen after it). Plain TypeScript over a state object the component
 * makes reactive, so the order of events is unit-tested without a browser.
 */
import type { JwtError } from '../../lib/jwt';
import { Newest } from './newest';
import type { SharedRsaKey } from './rsa-key.svelte';
import { loadKey, type ExampleKey, type KeySource, type LoadedKey } from './rsa-key-source';

export interface KeyChoiceState {
  /** The key on screen: the last one that could be read. */
  shown?: LoadedKey;
  /** Why the newest request failed, for the paste field to show at its place. */
  error?: JwtError;
  /** The newest request failed, so the key shown is out of date. */
  outOfDate: boolean;
  /** The newest request is still being read. */
  loading: boolean;
  /** The size of the pair being generated: one generation at a time, even when a newer choice replaced it. */
  generating?: number;
}

export class KeyChoice {
  readonly #newest = new Newest();
  /** Whether the newest request is a paste, which emptying the field withdraws. */
  #pasteIsNewest = false;
  /** The example key this widget starts from and goes back to. */
  example: ExampleKey = 'rfc7515';

  constructor(
    readonly state: KeyChoiceState,
    readonly publish: (key: SharedRsaKey | undefined) => void,
    readonly load: (source: KeySource) => Promise<LoadedKey> = loadKey,
  ) {}

  useExample(): void {
    void this.#request({ kind: 'example', example: this.example });
  }

  generate(bits: number): void {
    if (this.state.generating !== undefined) return;
    this.state.generating = bits;
    const done = () => (this.state.generating = undefined);
    this.#request({ kind: 'generate', bits }).then(done, done);
  }

  /** The paste field's text changed: read it, or, emptied, keep the key shown and drop a paste still being read. */
  paste(text: string): void {
    this.state.error = undefined;
    if (text.trim() !== '') {
      void this.#request({ kind: 'paste', text });
      return;
    }
    if (this.#pasteIsNewest) {
      this.#newest.cancel();
      this.state.loading = false;
    }
    this.state.outOfDate = false;
  }

  /** Starts loading a key; settles when it is loaded, whether or not a newer request replaced it. */
  #request(source: KeySource): Promise<LoadedKey> {
    this.#pasteIsNewest = source.kind === 'paste';
    this.state.loading = true;
    const work = this.load(source);
    this.#newest.run(
      work,
      (key) => {
        this.state.shown = key;
        // The example is not published: the other widgets use it whenever no key is.
        this.publish(key.shared ? { ...key.pair, label: key.label } : undefined);
        Object.assign(this.state, { outOfDate: false, loading: false });
      },
      (error) => Object.assign(this.state, { error: error as JwtError, outOfDate: true, loading: false }),
    );
    return work;
  }
}
