/**
 * Keeps the heading a reader jumped to (an "On this page" link, or a page opened at #section) at the top
 * of the window while the widgets above it hydrate and grow by thousands of pixels, which the browser's
 * own scroll anchoring does not always absorb. It lets go as soon as the reader scrolls or acts: the page
 * never moves under someone who is reading or typing.
 */

import { linkedWidget } from './linked-widget';

/** What a reader does to scroll or act: from then on the page is theirs. */
const READER_ACTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

export function keepHashTarget(): void {
  let target: HTMLElement | null = null;

  const follow = () => {
    // A link to a widget (#share=… or a follow code's #follow=…) targets the widget, which the browser does not
    // scroll to by itself.
    const widget = linkedWidget(location.hash);
    if (widget !== undefined) {
      target = widget;
      target?.scrollIntoView({ block: 'start', behavior: 'instant' });
      return;
    }
    const id = idOf(location.hash);
    target = id === '' ? null : document.getElementById(id);
  };
  const letGo = () => (target = null);
  // A link is followed after the pointerdown or keydown that chose it, so that press does not let go.
  addEventListener('hashchange', follow);
  for (const type of READER_ACTS) addEventListener(type, letGo, { capture: true, passive: true });

  // The page grows when a widget hydrates: bring the heading back to where the jump put it.
  const observer = new ResizeObserver(() => target?.scrollIntoView({ block: 'start', behavior: 'instant' }));
  observer.observe(document.body);
  follow();
}

/** The element id a #hash names; a hash that is not valid percent-encoding names none. */
function idOf(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return '';
  }
}
