/**
 * The widget a link names: #share=<name>.<state> (a widget's state) or #follow=<n>-<stage> (a follow code's
 * n-th widget of the page). Once that widget can show its stages, a follow code picks the stage, as a learner
 * would on its stage map.
 */
import { readFollowFragment } from '../../lib/follow-code';
import { shareTarget } from '../../lib/share-state';

/** The widget the hash links to: null when it names one the page does not have, undefined for other hashes. */
export function linkedWidget(hash: string): HTMLElement | null | undefined {
  const shared = shareTarget(hash);
  if (shared !== undefined) return document.querySelector<HTMLElement>(`[data-widget="${CSS.escape(shared.widget)}"]`);
  const followed = readFollowFragment(hash);
  if (followed !== undefined) return document.querySelectorAll<HTMLElement>('[data-widget]')[followed.widget - 1] ?? null;
  return undefined;
}

/** How long a followed widget may take to hydrate and compute its first trace before the code gives up. */
const FOLLOW_WAIT_MS = 30_000;

/**
 * Follows a #follow=<n>-<stage> hash: once the n-th widget has drawn its stage map, shows that stage (or the
 * last, when there are fewer). A widget with no stages is only scrolled to; a code for a widget the page does
 * not have says so at the top of the page.
 */
export function followCodeInHash(): void {
  const followed = readFollowFragment(location.hash);
  if (followed === undefined) return;
  const widget = linkedWidget(location.hash);
  if (!widget) {
    const main = document.getElementById('main');
    const note = document.createElement('p');
    note.className = 'follow-note';
    note.setAttribute('role', 'status');
    const count = document.querySelectorAll('[data-widget]').length;
    note.textContent = `The code names widget ${followed.widget}, but this chapter has ${count}: check the code with your presenter.`;
    main?.prepend(note);
    return;
  }
  const pick = (): boolean => {
    const stops = widget.querySelectorAll<HTMLButtonElement>('.map button');
    if (widget.dataset.hydrated !== 'true' || stops.length === 0) return false;
    stops[Math.min(followed.stage, stops.length) - 1]!.click();
    return true;
  };
  if (pick()) return;
  const observer = new MutationObserver(() => pick() && observer.disconnect());
  observer.observe(widget, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-hydrated'] });
  setTimeout(() => observer.disconnect(), FOLLOW_WAIT_MS);
}
