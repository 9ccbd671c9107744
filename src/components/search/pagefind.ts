/**
 * The part of Pagefind's browser API (pagefind.js, written into the build by `pagefind --site …`) that search uses,
 * loaded on demand from this site, and what a result becomes on screen.
 */

/** One result's text, from Pagefind's excerpt: plain text with the matched words marked, never HTML. */
export interface ExcerptPart {
  readonly text: string;
  readonly marked: boolean;
}

export interface SearchHit {
  readonly url: string;
  readonly title: string;
  readonly excerpt: readonly ExcerptPart[];
  /** The sections of the page that match, each a link to its heading. */
  readonly sections: readonly { readonly url: string; readonly title: string; readonly excerpt: readonly ExcerptPart[] }[];
}

interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: { url: string; title: string; excerpt: string }[];
}

interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * Pagefind's excerpt is HTML: the page's text, escaped, with <mark> around the words found. It becomes text parts,
 * so that nothing in it is ever parsed as markup.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const decode = (html: string) => html.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter((part) => part !== '')
    .map((part) => {
      const marked = part.startsWith('<mark>');
      return { text: decode(marked ? part.slice(6, -7) : part), marked };
    });
}

let loading: Promise<Pagefind> | undefined;

/** Loads this site's Pagefind once (from `base` + pagefind/pagefind.js), so result URLs carry the base path. */
export function loadPagefind(base: string): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  // A failed load can be tried again (the learner may be back online).
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * The pages that match `query`, best first, at most `limit`, or null when a newer query has replaced this one
 * (Pagefind's debounce).
 */
export async function searchSite(base: string, query: string, limit = 8): Promise<SearchHit[] | null> {
  const pagefind = await loadPagefind(base);
  const found = await pagefind.debouncedSearch(query, {}, 150);
  if (found === null) return null;
  const pages = await Promise.all(found.results.slice(0, limit).map((result) => result.data()));
  return pages.map((data) => ({
    url: data.url,
    title: data.meta.title ?? data.url,
    excerpt: excerptParts(data.excerpt),
    sections: (data.sub_results ?? [])
      .filter((section) => section.url.includes('#'))
      .slice(0, 3)
      .map((section) => ({ url: section.url, title: section.title, excerpt: excerptParts(section.excerpt) })),
  }));
}
