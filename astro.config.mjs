// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { createHash } from 'node:crypto';
import { themeScript } from './src/components/layout/theme';

// BASE_PATH serves the site under a sub-path (e.g. BASE_PATH=/jwt/ for https://host/jwt/).
// Such a build goes to its own folder, dist-base/, so it never overwrites the default build in dist/.
const base = process.env.BASE_PATH ?? '/';
const outDir = base === '/' ? './dist' : './dist-base';

/** A CSP source that allows exactly this inline script. */
const hashOf = (/** @type {string} */ script) => /** @type {const} */ (`sha256-${createHash('sha256').update(script).digest('base64')}`);

export default defineConfig({
  output: 'static',
  base,
  outDir,
  trailingSlash: 'always',
  integrations: [mdx(), svelte()],
  // Keep the dev server's pages as learners see them (no toolbar over the content on a projector).
  devToolbar: { enabled: false },
  // Learners paste secrets and private keys into these pages: the Content-Security-Policy (a <meta> in every
  // page) lets only this site's own files and Astro's hashed inline scripts and styles run, and sends nothing
  // anywhere but this origin. A host should also send `frame-ancestors 'none'` as a header (see README).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { hashes: [hashOf(themeScript)] },
    },
  },
  build: {
    // Astro hashes a page's own inline <style>s, but not those of components placed in a chapter's MDX;
    // as files they fall under style-src 'self'.
    inlineStylesheets: 'never',
  },
  markdown: {
    // Prism marks tokens with classes (coloured in global.css); Shiki writes inline style attributes,
    // which the Content-Security-Policy refuses.
    syntaxHighlight: 'prism',
  },
});
