// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';

// BASE_PATH serves the site under a sub-path (e.g. BASE_PATH=/jwt/ for https://host/jwt/).
// Such a build goes to its own folder, dist-base/, so it never overwrites the default build in dist/.
const base = process.env.BASE_PATH ?? '/';
const outDir = base === '/' ? './dist' : './dist-base';

export default defineConfig({
  output: 'static',
  base,
  outDir,
  trailingSlash: 'always',
  integrations: [mdx(), svelte()],
  // Keep the dev server's pages as learners see them (no toolbar over the content on a projector).
  devToolbar: { enabled: false },
  markdown: {
    shikiConfig: {
      // Both themes are emitted as CSS variables; src/styles/global.css picks one with light-dark().
      themes: { light: 'github-light', dark: 'github-dark-default' },
      defaultColor: false,
    },
  },
});
