/**
 * One run of the guessing attack in a Web Worker, as reactive state the weak-secret widget draws:
 * progress, speed, and the result. Stop asks the worker to stop (so it reports where it got to) and
 * terminates it if it does not answer at once; a new run always gets a fresh worker.
 */
import { guessesPerSecond } from '../../lib/brute-force';
import type { GuessResult } from '../../lib/guess-secret';
import type { WordlistName } from '../../lib/wordlist';
import type { FromWorker, ToWorker } from './guess-secret.worker';

export type RunStatus = 'idle' | 'running' | 'stopping' | 'done' | 'stopped' | 'error';

/** How long a stopped worker may take to report its last count before it is terminated anyway. */
const STOP_GRACE_MS = 500;

export class GuessRun {
  status = $state<RunStatus>('idle');
  tried = $state(0);
  total = $state(0);
  elapsedMs = $state(0);
  result = $state<GuessResult | undefined>();
  error = $state<string | undefined>();
  /** The token the run attacked, for the widget to check a found secret against. */
  token = $state('');

  readonly rate = $derived(guessesPerSecond(this.tried, this.elapsedMs));
  readonly busy = $derived(this.status === 'running' || this.status === 'stopping');

  #worker: Worker | undefined;
  #graceTimer: ReturnType<typeof setTimeout> | undefined;

  start(token: string, list: WordlistName): void {
    this.dispose();
    Object.assign(this, { status: 'running', tried: 0, total: 0, elapsedMs: 0, result: undefined, error: undefined, token });
    const worker = new Worker(new URL('./guess-secret.worker.ts', import.meta.url), { type: 'module' });
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      if (worker !== this.#worker) return; // a message from a run that was replaced
      const message = event.data;
      if (message.type === 'error') {
        this.error = message.message;
        this.#finish('error');
        return;
      }
      Object.assign(this, { tried: message.tried, total: message.total, elapsedMs: message.elapsedMs });
      if (message.type === 'done') {
        this.result = message;
        this.#finish(message.stopped ? 'stopped' : 'done');
      }
    };
    worker.onerror = () => {
      this.error = 'The guessing worker could not run in this browser.';
      this.#finish('error');
    };
    worker.postMessage({ type: 'start', token, list } satisfies ToWorker);
  }

  stop(): void {
    if (!this.#worker || this.status !== 'running') return;
    this.status = 'stopping';
    this.#worker.postMessage({ type: 'stop' } satisfies ToWorker);
    this.#graceTimer = setTimeout(() => this.#finish('stopped'), STOP_GRACE_MS);
  }

  /** Forgets the run, stopping its worker: the widget shows nothing for it until the next start. */
  reset(): void {
    this.dispose();
    this.status = 'idle';
  }

  /** Ends the worker for good; call when the widget goes away. */
  dispose(): void {
    clearTimeout(this.#graceTimer);
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  #finish(status: RunStatus): void {
    this.dispose();
    this.status = status;
  }
}
