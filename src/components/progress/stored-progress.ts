/**
 * Where progress is kept in the browser, shared by the Svelte store (exercises, the start page's panel) and the
 * plain script that marks the chapter lists, so both read and write the same value in the same way.
 */
import { readProgress, serializeProgress, type Progress } from '../../lib/progress';

export const PROGRESS_KEY = 'jwt-step-by-step/progress';
export const SET_ASIDE_KEY = 'jwt-step-by-step/progress-set-aside';
/** Dispatched on window whenever this page changes the stored progress (storage events only reach other tabs). */
export const PROGRESS_CHANGED = 'jwt-step-by-step:progress-changed';

/** The page's localStorage, or undefined where the browser refuses access (some private modes throw). */
export function openStorage(): Storage | undefined {
  try {
    const storage = window.localStorage;
    storage.getItem(PROGRESS_KEY);
    return storage;
  } catch {
    return undefined;
  }
}

/** The stored progress, if it can be read; unreadable data is left for the store to report and set aside. */
export function peekProgress(storage: Storage): Progress | undefined {
  const { progress, problem } = readProgress(storage.getItem(PROGRESS_KEY));
  return problem === undefined ? progress : undefined;
}

/** Stores the progress and tells this page's other readers; false when the browser refused to store it. */
export function storeProgress(storage: Storage, progress: Progress): boolean {
  try {
    storage.setItem(PROGRESS_KEY, serializeProgress(progress));
  } catch {
    return false;
  }
  announceChange();
  return true;
}

export function announceChange(): void {
  window.dispatchEvent(new Event(PROGRESS_CHANGED));
}
