/**
 * The search dialog's results (SiteSearch.astro opens the dialog and loads this module the first time): asks
 * Pagefind as the learner types, and lists the chapters found, each with its best sections. Results are built with DOM calls and
 * textContent, never parsed as HTML. Pagefind itself (its script, index and WebAssembly) loads on the first search.
 */
import { searchSite, type ExcerptPart, type SearchHit } from './pagefind';

function excerpt(parts: readonly ExcerptPart[]): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'search-excerpt';
  for (const part of parts) {
    if (part.marked) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      p.append(mark);
    } else {
      p.append(part.text);
    }
  }
  return p;
}

function link(url: string, text: string, close: () => void): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = url;
  a.textContent = text;
  // A section of the page already open only scrolls: close the dialog so that it shows.
  a.addEventListener('click', close);
  return a;
}

function hitItem(hit: SearchHit, close: () => void): HTMLLIElement {
  const li = document.createElement('li');
  const page = link(hit.url, hit.title, close);
  page.className = 'search-page';
  li.append(page);
  if (hit.sections.length === 0) {
    li.append(excerpt(hit.excerpt));
    return li;
  }
  const sections = document.createElement('ul');
  sections.className = 'search-sections';
  for (const section of hit.sections) {
    const item = document.createElement('li');
    item.append(link(section.url, section.title, close), excerpt(section.excerpt));
    sections.append(item);
  }
  li.append(sections);
  return li;
}

/**
 * Searches as the learner types in the dialog's field, from now on and for what is already typed (the field may
 * have been typed in while this module loaded).
 */
export function startSearch(base: string, dialog: HTMLDialogElement): void {
  const field = dialog.querySelector<HTMLInputElement>('input[type="search"]');
  const status = dialog.querySelector<HTMLElement>('[data-search-status]');
  const list = dialog.querySelector<HTMLOListElement>('[data-search-hits]');
  if (!field || !status || !list) return;
  const close = () => dialog.close();

  let latest = 0;
  const run = async () => {
    const asked = ++latest;
    const words = field.value.trim();
    if (words === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const hits = await searchSite(base, words);
      if (hits === null || asked !== latest) return;
      list.replaceChildren(...hits.map((hit) => hitItem(hit, close)));
      status.textContent =
        hits.length === 0 ? `No chapter mentions “${words}”.` : `${hits.length === 1 ? '1 chapter' : `${hits.length} chapters`} found.`;
    } catch {
      if (asked !== latest) return;
      list.replaceChildren();
      status.textContent = 'Search is not available: its index did not load. The build writes it (npm run build); the development server has none.';
    }
  };
  field.addEventListener('input', () => void run());
  void run();
}
