/**
 * Writes the service worker that makes a build work offline after one visit: `node scripts/service-worker.ts dist`
 * (run by `npm run build` and `build:base` after Astro and Pagefind, see README "Offline").
 *
 * Workbox precaches every file of the build, Pagefind's index and the glossary included, each under a revision
 * computed from its content, and answers from that cache first. Its URLs are relative to sw.js, which lies at the
 * build's root, so the same worker works at / and under a base path such as /jwt/, where its scope is that base.
 */
import { generateSW } from 'workbox-build';

/** Writes `sw.js` into the build folder `outDir`; returns how many files it precaches and what Workbox warned. */
export async function writeServiceWorker(outDir: string): Promise<{ count: number; size: number; warnings: string[] }> {
  return generateSW({
    globDirectory: outDir,
    globPatterns: ['**/*'],
    // The classroom zip is the whole site again: a download on request, not something every visitor should fetch.
    globIgnores: ['download/**'],
    swDest: `${outDir}/sw.js`,
    // One file, from this origin: Workbox's runtime inlined, no request to any CDN, no source map beside it.
    inlineWorkboxRuntime: true,
    sourcemap: false,
    // `chapters/claims/` is answered by the precached `chapters/claims/index.html`.
    directoryIndex: 'index.html',
    // Pagefind asks for `pagefind-entry.json?ts=…` to get past HTTP caches; the precached copy is the one to use.
    // `?present` (presenter mode) is read by the page itself: a teacher's page offline is the same page.
    ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/, /^present$/],
    // A new build's worker takes over at once and drops what the old build cached; the page it takes over offers
    // to reload (src/components/layout/service-worker.ts).
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
  });
}

if (import.meta.main) {
  const outDir = process.argv[2];
  if (outDir === undefined) throw new Error('Usage: node scripts/service-worker.ts <build folder>');
  const { count, size, warnings } = await writeServiceWorker(outDir);
  for (const warning of warnings) console.warn(`service worker: ${warning}`);
  // A file too large to precache is a warning to Workbox, and a page that would not work offline here.
  if (warnings.length > 0) process.exitCode = 1;
  console.log(`service worker: ${outDir}/sw.js precaches ${count} files, ${(size / 1024).toFixed(0)} KB`);
}
