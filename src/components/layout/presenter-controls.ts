/**
 * What presenter mode does once the page has loaded: the header's toggle, the presenter bar, and the keys a
 * presenter uses without reaching for the mouse. N and P move to the next and previous widget (scrolled to the
 * top, focus on its stage line, so the stepper's own ← → Home End step it); F opens and closes "Follow me". Keys typed into
 * a field stay the field's.
 */
import { followCode, followFragment } from '../../lib/follow-code';
import { presentKey } from './presenter';

const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

export function presenterControls(): void {
  const root = document.documentElement;
  const toggle = document.querySelector<HTMLButtonElement>('[data-present-toggle]');
  const bar = document.querySelector<HTMLElement>('[data-presenter-bar]');
  if (toggle === null || bar === null) return;
  const where = bar.querySelector<HTMLElement>('[data-presenter-where]')!;
  const follow = bar.querySelector<HTMLElement>('[data-follow]')!;
  const widgets = () => [...document.querySelectorAll<HTMLElement>('[data-widget]')];
  let current = -1;

  const presenting = () => root.dataset.present !== undefined;
  const show = () => {
    toggle.setAttribute('aria-pressed', String(presenting()));
    bar.hidden = !presenting();
    const count = widgets().length;
    where.textContent = count === 0 ? 'No widget on this page' : current < 0 ? `${count} widgets: N for the first` : `Widget ${current + 1} of ${count}`;
  };
  const setPresenting = (on: boolean) => {
    if (on) root.dataset.present = '';
    else delete root.dataset.present;
    try {
      if (on) sessionStorage.setItem(presentKey, 'on');
      else sessionStorage.removeItem(presentKey);
    } catch {
      // Blocked storage: the mode lasts for this page.
    }
    follow.hidden = true;
    show();
  };

  const goTo = (index: number) => {
    const all = widgets();
    if (all.length === 0) return;
    current = Math.max(0, Math.min(all.length - 1, index));
    for (const [i, widget] of all.entries()) widget.toggleAttribute('data-presented', i === current);
    const widget = all[current]!;
    // At once, not smoothly: the widget hydrates as it comes into view and may grow, or the widgets above it may,
    // which would leave a smooth scroll short of it. Once it has hydrated, it is brought back to the top.
    widget.scrollIntoView({ block: 'start', behavior: 'instant' });
    if (widget.dataset.hydrated !== 'true') {
      const presented = current;
      const observer = new MutationObserver(() => {
        if (widget.dataset.hydrated !== 'true') return;
        observer.disconnect();
        if (current === presented) requestAnimationFrame(() => widget.scrollIntoView({ block: 'start', behavior: 'instant' }));
      });
      observer.observe(widget, { attributes: true, attributeFilter: ['data-hydrated'] });
    }
    // Focus goes into the widget, where its stepper listens for ← → Home End: on the stage line once there is one
    // (the stepper's own target, read out), else on the widget itself, which may still be loading its stepper.
    const line = widget.querySelector<HTMLElement>('.position');
    if (line === null) widget.tabIndex = -1;
    (line ?? widget).focus({ preventScroll: true });
    follow.hidden = true;
    show();
  };

  const showFollow = () => {
    if (!follow.hidden) {
      follow.hidden = true;
      return;
    }
    const all = widgets();
    const chapter = Number(document.querySelector<HTMLElement>('[data-chapter-number]')?.dataset.chapterNumber);
    if (!chapter || all.length === 0) {
      follow.replaceChildren(paragraph('"Follow me" works on a chapter with widgets.'));
      follow.hidden = false;
      return;
    }
    const index = current < 0 ? 0 : current;
    const widget = all[index]!;
    const stops = [...widget.querySelectorAll('.map button')];
    const stage = Math.max(1, stops.findIndex((stop) => stop.getAttribute('aria-current') === 'step') + 1);
    const code = followCode({ chapter, widget: index + 1, stage });
    const link = `${location.origin}${location.pathname}#${followFragment(index + 1, stage)}`;
    const codeLine = paragraph('Code: ');
    const strong = codeLine.appendChild(document.createElement('strong'));
    strong.className = 'follow-code';
    strong.textContent = code;
    codeLine.append(' (students type it on the start page)');
    const linkLine = paragraph('Or the link: ');
    const anchor = linkLine.appendChild(document.createElement('a'));
    anchor.href = link;
    anchor.textContent = link;
    follow.replaceChildren(
      codeLine,
      linkLine,
      paragraph('Both open this widget at this stage with its example inputs. To pass on your own inputs, use the widget\'s "Copy a link to this" (secrets stay out).'),
    );
    follow.hidden = false;
  };

  toggle.addEventListener('click', () => setPresenting(!presenting()));
  bar.querySelector('[data-presenter-next]')!.addEventListener('click', () => goTo(current + 1));
  bar.querySelector('[data-presenter-previous]')!.addEventListener('click', () => goTo(current - 1));
  bar.querySelector('[data-presenter-follow]')!.addEventListener('click', showFollow);
  bar.querySelector('[data-presenter-stop]')!.addEventListener('click', () => setPresenting(false));
  addEventListener('keydown', (event) => {
    if (!presenting() || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target instanceof Element && event.target.closest(`${TYPING}, dialog`)) return;
    const key = event.key.toLowerCase();
    if (key === 'n') goTo(current + 1);
    else if (key === 'p') goTo(current - 1);
    else if (key === 'f') showFollow();
    else return;
    event.preventDefault();
  });
  show();
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}
