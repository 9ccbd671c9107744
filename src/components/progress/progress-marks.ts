/**
 * The progress marks of the chapter lists, on the start page and in every chapter's menu: filled in from the
 * stored progress once the page has loaded, and kept current as this page (an exercise solved, an import, a
 * reset) or another tab changes it. Opening a chapter records it as visited. A plain script rather than an
 * island: every page has the menu, and this needs no framework. Without JavaScript the lists show no marks.
 */
import { chapterStatus, doneCount, markVisited, type Progress } from '../../lib/progress';
import { PROGRESS_CHANGED, PROGRESS_KEY, openStorage, peekProgress, storeProgress } from './stored-progress';

/** A mark's text: the words, and in the narrow menu the short form sighted readers see instead. */
export function markText(progress: Progress, slug: string, exercises: readonly string[]): { status: string; words: string; short: string } {
  const status = chapterStatus(progress, slug, exercises);
  const done = doneCount(progress, slug, exercises);
  if (status === 'done') return { status, words: 'Done', short: '✓' };
  if (status === 'in-progress') return { status, words: `In progress: ${done} of ${exercises.length} exercises`, short: `${done}/${exercises.length}` };
  return { status, words: 'Not started', short: '' };
}

function draw(progress: Progress | undefined): void {
  for (const mark of document.querySelectorAll<HTMLElement>('[data-progress-mark]')) {
    const { chapter = '', exercises = '' } = mark.dataset;
    if (progress === undefined) {
      mark.hidden = true;
      continue;
    }
    const text = markText(progress, chapter, exercises.split(' ').filter(Boolean));
    mark.dataset.progress = text.status;
    const compact = mark.dataset.compact !== undefined;
    // The narrow menu shows nothing for a chapter not started, and a symbol or a count otherwise, with the words
    // for screen readers.
    mark.hidden = compact && text.short === '';
    mark.replaceChildren();
    if (compact) {
      const short = mark.appendChild(document.createElement('span'));
      short.setAttribute('aria-hidden', 'true');
      short.textContent = text.short;
      const words = mark.appendChild(document.createElement('span'));
      words.className = 'visually-hidden';
      words.textContent = text.words;
    } else {
      mark.textContent = text.words;
    }
  }
}

export function showProgressMarks(currentChapter: string | undefined): void {
  const storage = openStorage();
  if (storage === undefined) return;
  const progress = peekProgress(storage);
  if (progress !== undefined && currentChapter !== undefined) {
    const visited = markVisited(progress, currentChapter);
    if (visited !== progress) storeProgress(storage, visited);
  }
  const redraw = () => draw(peekProgress(storage));
  redraw();
  addEventListener(PROGRESS_CHANGED, redraw);
  addEventListener('storage', (event) => {
    if (event.key === PROGRESS_KEY || event.key === null) redraw();
  });
}
