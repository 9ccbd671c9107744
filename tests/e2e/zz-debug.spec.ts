import { test } from '@playwright/test';
import { hydrateIslands } from './support';
test('shots', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.goto('chapters/rs256/');
  await hydrateIslands(page);
  const s = page.locator('[data-widget="rsa-signing-visualizer"]');
  for (const [i, name] of [[6, 'digest'], [7, 'encode'], [8, 'sign']] as const) {
    await s.getByRole('list', { name: 'Stages' }).getByRole('button').nth(i - 1).click();
    await s.locator('div.stage').screenshot({ path: `/tmp/rsa/s-${name}.png` });
  }
  const v = page.locator('[data-widget="rsa-verification-visualizer"]');
  for (const [i, name] of [[9, 'public'], [10, 'compare']] as const) {
    await v.getByRole('list', { name: 'Stages' }).getByRole('button').nth(i - 1).click();
    await v.locator('div.stage').screenshot({ path: `/tmp/rsa/v-${name}.png` });
  }
  await v.screenshot({ path: '/tmp/rsa/v-top.png' });
});
