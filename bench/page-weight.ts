/**
 * What each built page downloads in JavaScript once every island on it has hydrated: the module scripts and
 * island components it names, and every module they import, each file counted once, gzip-compressed.
 * Run after a build: `node bench/page-weight.ts` (or `node bench/page-weight.ts dist-base`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  /** The page's path in the site, e.g. "/chapters/token-anatomy/". */
  page: string;
  islands: number;
  files: string[];
  /** Sum of the files' gzip sizes, in bytes. */
  gzipBytes: number;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Modules a built chunk imports, statically (`import … from "x"`, `export … from "x"`) or with `import("x")`. */
function importsOf(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']|\bimport\(\s*["']([^"']+\.js)["']\s*\)/g)) {
    found.add((match[1] ?? match[2])!);
  }
  return [...found];
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
    const seen = new Set<string>();
    const visit = (module: string) => {
      if (seen.has(module)) return;
      seen.add(module);
      for (const spec of importsOf(readFileSync(module, 'utf8'))) {
        if (spec.startsWith('.')) visit(resolve(dirname(module), spec));
        else if (spec.startsWith(base)) visit(join(root, spec.slice(base.length)));
      }
    };
    entries(html, root, base).forEach(visit);
    const files = [...seen].map((f) => relative(root, f)).sort();
    const page = `/${relative(root, dirname(file))}/`.replace(/\/+/g, '/').replace(/^\/\.\/$/, '/');
    return {
      page: file.endsWith('404.html') ? '/404.html' : page,
      islands: html.match(/<astro-island\b/g)?.length ?? 0,
      files,
      gzipBytes: [...seen].reduce((sum, f) => sum + size(f), 0),
    };
  }).sort((a, b) => a.page.localeCompare(b.page));
}

if (import.meta.main) {
  const dist = process.argv[2] ?? 'dist';
  const base = dist === 'dist-base' ? '/jwt/' : '/';
  console.log('| page | islands | JavaScript (gzip) |\n|---|---|---|');
  for (const { page, islands, gzipBytes } of pageWeights(dist, base)) {
    console.log(`| ${page} | ${islands} | ${(gzipBytes / 1024).toFixed(1)} KB |`);
  }
}
