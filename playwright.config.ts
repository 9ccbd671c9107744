import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { baseOrigin, basePath, basePort, siteOrigin, sitePort } from './tests/e2e/support';

// Debian's Chromium when present (CI, this machine), else $CHROMIUM_PATH, else Playwright's own browser
// (`npx playwright install chromium` on a laptop).
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  // Limits that fit a 2-core machine running two workers, two preview servers and Chromium at once, where
  // the page-wide checks of the heaviest chapter (axe over ~1,700 elements) take tens of seconds. A state
  // that never comes still fails; it only gets longer to come.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `${siteOrigin}/`,
    launchOptions: executablePath === undefined ? {} : { executablePath },
    // Every page registers the offline service worker (README "Offline"), which would fetch the whole build in the
    // background of each test and answer requests from its cache. offline.spec.ts allows it and checks it.
    serviceWorkers: 'block',
    // A failed test keeps its trace: actions, console, network and sources. Not a DOM snapshot and screenshot
    // at every action: on a busy machine those made the action-heavy checks several times slower (the Tab
    // check of the RSA chapter ran past its limit). `--trace on` brings them back when debugging.
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
  },
  // `npm run test:e2e` builds both sites first: the tests are listed from the build's pages, so the build
  // must exist before Playwright reads the test files. These only serve it.
  // --ignore-lock: test servers neither claim nor clash with Astro's one-preview-per-project lock.
  webServer: [
    {
      command: `npm run preview -- --ignore-lock --host 127.0.0.1 --port ${sitePort}`,
      url: `${siteOrigin}/`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // The same site built for a sub-path (into dist-base/), to prove every link and asset honours the base.
      command: `npm run preview -- --ignore-lock --host 127.0.0.1 --port ${basePort}`,
      env: { BASE_PATH: basePath },
      url: `${baseOrigin}${basePath}`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
