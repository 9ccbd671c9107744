import { test } from '@playwright/test';
import { hydrateIslands, useTheme } from './support';
test('debug', async ({ page }) => {
  test.setTimeout(60_000);
  await useTheme(page, 'dark');
  await page.goto('chapters/rs256/');
  const t0 = Date.now();
  const done = hydrateIslands(page).then(() => 'ok', (e) => String(e).slice(0, 100));
  const race = await Promise.race([done, new Promise((r) => setTimeout(() => r('slow'), 15000))]);
  console.log(Date.now() - t0, race, await page.evaluate(() => JSON.stringify([[...document.querySelectorAll('astro-island[ssr]')].map((e) => e.getAttribute('component-url')), [...document.querySelectorAll('[aria-busy="true"]')].map((e) => e.getAttribute('data-widget'))])));
});
