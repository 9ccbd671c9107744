/**
 * The learner's progress in this browser: one reactive store over localStorage, shared by every island of a
 * page. Corrupt or newer-version data is reported and moved aside under SET_ASIDE_KEY, never thrown on; other
 * tabs' changes arrive through the `storage` event; where storage is blocked (some private modes throw on
 * access), progress lives in memory for this page and a note says so.
 */
import { emptyProgress, readProgress, recordAnswer, type Progress } from '../../lib/progress';
import { PROGRESS_CHANGED, PROGRESS_KEY, SET_ASIDE_KEY, announceChange, openStorage, storeProgress } from './stored-progress';

export class ProgressStore {
  progress = $state<Progress>(emptyProgress());
  /** What was wrong with the stored progress, set aside on load. */
  problem = $state<string | undefined>();
  /** Why progress is not being saved, when it is not. */
  note = $state<string | undefined>();
  readonly #storage: Storage | undefined;
  #problemShownBy: string | undefined;

  constructor() {
    this.#storage = openStorage();
    if (this.#storage === undefined) {
      this.note = 'This browser does not let the page store anything, so your progress is kept only until you leave this page.';
      return;
    }
    this.#load();
    window.addEventListener('storage', (event) => {
      if (event.key === PROGRESS_KEY || event.key === null) this.#load();
    });
    // The chapter lists' script also writes (a chapter opened): read it back, so a later save keeps it.
    window.addEventListener(PROGRESS_CHANGED, () => this.#load());
  }

  #load(): void {
    const raw = this.#storage!.getItem(PROGRESS_KEY);
    const { progress, problem } = readProgress(raw);
    this.progress = progress;
    if (problem === undefined || raw === null) return;
    let kept = `The old value is kept under "${SET_ASIDE_KEY}" in this browser's storage.`;
    try {
      this.#storage!.setItem(SET_ASIDE_KEY, raw);
      this.#storage!.removeItem(PROGRESS_KEY);
      announceChange();
    } catch {
      kept = 'It could not be moved aside, so it stays where it was until you record new progress.';
    }
    this.problem = `${problem} Your progress starts afresh. ${kept}`;
  }

  /** The first of a page's exercises to ask shows the stored-data problem; the others need not repeat it. */
  claimProblem(who: string): boolean {
    this.#problemShownBy ??= who;
    return this.#problemShownBy === who;
  }

  record(slug: string, id: string, solved: boolean): void {
    this.replace(recordAnswer(this.progress, slug, id, solved, new Date()));
  }

  /** Replaces every chapter's progress (an import). */
  replace(progress: Progress): void {
    this.progress = progress;
    this.#save();
  }

  reset(): void {
    this.progress = emptyProgress();
    try {
      this.#storage?.removeItem(PROGRESS_KEY);
      announceChange();
    } catch {
      // Nothing stored can be removed where storage refuses access; memory is already empty.
    }
  }

  #save(): void {
    if (this.#storage === undefined) return;
    this.note = storeProgress(this.#storage, this.progress)
      ? undefined
      : 'Your progress could not be saved (this browser refused to store it); it is kept only until you leave this page.';
  }
}

let store: ProgressStore | undefined;

/** The page's one store, made on first use in the browser (never during server rendering). */
export function progressStore(): ProgressStore {
  store ??= new ProgressStore();
  return store;
}
