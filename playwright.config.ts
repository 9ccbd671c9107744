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
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `${siteOrigin}/`,
    launchOptions: executablePath === undefined ? {} : { executablePath },
    trace: 'retain-on-failure',
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
