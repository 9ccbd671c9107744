/**
 * Runs the dictionary attack off the main thread, so the page stays responsive while it guesses.
 * It receives a token and a list name, reports progress, and stops when told. Nothing leaves the browser.
 */
import { attackTarget, guessSecret, type GuessProgress, type GuessResult } from '../../lib/guess-secret';
import { wordlist, type WordlistName } from '../../lib/wordlist';

export type ToWorker = { type: 'start'; token: string; list: WordlistName } | { type: 'stop' };
export type FromWorker =
  | ({ type: 'progress' } & GuessProgress)
  | ({ type: 'done' } & GuessResult)
  | { type: 'error'; message: string };

const controller = new AbortController();
const post = (message: FromWorker) => postMessage(message);

addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'stop') {
    controller.abort();
    return;
  }
  // One worker per run: a new run gets a new worker, so this listener starts at most one attack.
  try {
    const target = attackTarget(message.token);
    guessSecret(wordlist(message.list), target, {
      signal: controller.signal,
      progressEvery: 250,
      onProgress: (progress) => post({ type: 'progress', ...progress }),
    }).then(
      (result) => post({ type: 'done', ...result }),
      (error: Error) => post({ type: 'error', message: error.message }),
    );
  } catch (error) {
    post({ type: 'error', message: (error as Error).message });
  }
});
