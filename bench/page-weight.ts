/**
 * What each built page downloads in JavaScript, gzip-compressed, each file counted once: on hydration (the
 * module scripts and island components it names, and every module they import statically), and at most
 * (also every module loaded later with `import()`, such as the stage views a stepper fetches when it needs
 * them). Run after a build: `node bench/page-weight.ts` (or `node bench/page-weight.ts dist-base`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  /** The page's path in the site, e.g. "/chapters/token-anatomy/". */
  page: string;
  islands: number;
  /** The files loaded on hydration, then those only `import()` reaches. */
  files: string[];
  lazyFiles: string[];
  /** Sum of the gzip sizes of `files`, in bytes: what the page loads as its islands hydrate. */
  gzipBytes: number;
  /** The same with `lazyFiles`: the most the page can load. */
  gzipBytesAtMost: number;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Modules a built chunk imports: statically (`import … from "x"`, `export … from "x"`) and later, with
 * `import("x")` (the bundler writes the name in quotes or backticks).
 */
function importsOf(code: string): { now: string[]; later: string[] } {
  const now = new Set<string>();
  const later = new Set<string>();
  for (const match of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']|\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) {
    if (match[1]) now.add(match[1]);
    else later.add(match[2]!);
  }
  return { now: [...now], later: [...later] };
}

/** The page's entry modules as files in `dist`: island components and renderers, and module scripts. */
function entries(html: string, dist: string, base: string): string[] {
  const urls = [
    ...html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g),
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
  ].map((m) => m[1]!);
  return [...new Set(urls)].map((url) => join(dist, url.startsWith(base) ? url.slice(base.length) : url));
}

/** The JavaScript weight of every page in a build directory. `base` is the path the site was built for. */
export function pageWeights(dist: string, base = '/'): PageWeight[] {
  const root = resolve(dist);
  const gzipped = new Map<string, number>();
  const size = (file: string) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
    return gzipped.get(file)!;
  };
  return htmlFiles(root).map((file) => {
    const html = readFileSync(file, 'utf8');
    /** Every module `from` reaches: through static imports only, or also through `import()`. */
    const reach = (from: string[], lazy: boolean) => {
      const seen = new Set<string>();
      const visit = (module: string) => {
        if (seen.has(module)) return;
        seen.add(module);
        const { now, later } = importsOf(readFileSync(module, 'utf8'));
        for (const spec of lazy ? [...now, ...later] : now) {
          if (spec.startsWith('.')) visit(resolve(dirname(module), spec));
          else if (spec.startsWith(base)) visit(join(root, spec.slice(base.length)));
        }
      };
      from.forEach(visit);
      return seen;
    };
    const start = entries(html, root, base);
    const onHydration = reach(start, false);
    const atMost = reach(start, true);
    const named = (files: Iterable<string>) => [...files].map((f) => relative(root, f)).sort();
    const gzip = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + size(f), 0);
    const page = `/${relative(root, dirname(file))}/`.replace(/\/+/g, '/').replace(/^\/\.\/$/, '/');
    return {
      page: file.endsWith('404.html') ? '/404.html' : page,
      islands: html.match(/<astro-island\b/g)?.length ?? 0,
      files: named(onHydration),
      lazyFiles: named([...atMost].filter((f) => !onHydration.has(f))),
      gzipBytes: gzip(onHydration),
      gzipBytesAtMost: gzip(atMost),
    };
  }).sort((a, b) => a.page.localeCompare(b.page));
}

if (import.meta.main) {
  const dist = process.argv[2] ?? 'dist';
  const base = dist === 'dist-base' ? '/jwt/' : '/';
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log('| page | islands | on hydration (gzip) | at most, with every lazy part |\n|---|---|---|---|');
  for (const { page, islands, gzipBytes, gzipBytesAtMost } of pageWeights(dist, base)) {
    console.log(`| ${page} | ${islands} | ${kb(gzipBytes)} | ${kb(gzipBytesAtMost)} |`);
  }
}
