// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { createHash } from 'node:crypto';
import { themeScript } from './src/components/layout/theme';
import { presentScript } from './src/components/layout/presenter';

// BASE_PATH serves the site under a sub-path (e.g. BASE_PATH=/jwt/ for https://host/jwt/).
// Such a build goes to its own folder, dist-base/, so it never overwrites the default build in dist/.
const base = process.env.BASE_PATH ?? '/';
const outDir = base === '/' ? './dist' : './dist-base';

/** Matches the core modules (under src/lib/) whose path, without `.ts`, matches `pattern`. */
const core = (/** @type {string} */ pattern) => new RegExp(`/src/lib/(${pattern})\\.ts$`);

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
      scriptDirective: { hashes: [hashOf(themeScript), hashOf(presentScript)] },
    },
  },
  build: {
    // Astro hashes a page's own inline <style>s, but not those of components placed in a chapter's MDX;
    // as files they fall under style-src 'self'.
    inlineStylesheets: 'never',
  },
  vite: {
    build: {
      rolldownOptions: {
        // The core (src/lib) has no side effects, so a widget importing one function from src/lib/jwt/index.ts
        // loads only the modules that function needs, not everything index.ts names.
        treeshake: { moduleSideEffects: (/** @type {string} */ id) => !id.includes('/src/lib/') },
        // What pages download, in a few files by what a page does (README, "Page weight"): fewer, larger files
        // compress better than one per module. A group also takes the modules its own modules import that no
        // earlier group took (higher priority goes first).
        output: {
          codeSplitting: {
            groups: [
              // What every island needs: Svelte's runtime (taken as the components' imports), token decoding, the
              // widget frame and the components that show a token's text.
              {
                name: 'decode',
                priority: 5,
                test: (/** @type {string} */ id) => core('jwt/(decode|json|base64url|bytes|errors)|text|format').test(id) ||
                  /\/src\/components\/(visualizer\/(ColoredToken|MarkedText)|ui\/(VisibleText|ErrorMessage)|widgets\/WidgetFrame)\.svelte$/.test(id),
              },
              { name: 'jwt-sign', priority: 4, test: core('jwt/(algorithms|hmac|sign|signature|rsa|pkcs1-shape|keys/(fit|jwk|secret|common|generate))') },
              { name: 'jwt-verify', priority: 3, test: core('jwt/(verify|claims)') },
              // JWK Sets (verifyWithKeySet): only pages that verify with a key set; otherwise in jwt-keys below.
              { name: 'jwt-key-set', priority: 3, test: core('jwt/keys/set') },
              // Encryption (JWE), which only chapter 3 uses: kept out of the RSA chapter's key file.
              { name: 'jwt-jwe', priority: 2, test: core('jwt/jwe/.*') },
              // The rest: DER, PEM and key import and export, which only the RSA chapter uses.
              { name: 'jwt-keys', priority: 1, test: core('jwt/.*') },
            ],
          },
        },
      },
    },
  },
  markdown: {
    // Prism marks tokens with classes (coloured in global.css); Shiki writes inline style attributes,
    // which the Content-Security-Policy refuses.
    syntaxHighlight: 'prism',
  },
});
