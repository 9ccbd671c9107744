/** Chapter 9's speed comparison: nothing runs until asked; pressed, it shows a median for every operation. */
import { expect, test } from '@playwright/test';
import { OPERATIONS } from '../../src/lib/speed-comparison';
import { openWidget } from './support';

test('measures on a button press and reports every median with its unit and what it includes', async ({ page }) => {
  test.setTimeout(150_000); // six operations timed in batches, on a loaded 2-core machine
  const { widget, errors } = await openWidget(page, 'chapters/rs256/', 'speed-comparison');
  await expect(widget.locator('table')).toHaveCount(0); // nothing measured on page load

  // The measurement may finish between two checks, so record from the start whether a progress bar ever showed.
  await page.evaluate(() => {
    const widget = document.querySelector('[data-widget="speed-comparison"]')!;
    new MutationObserver(() => {
      if (widget.querySelector('progress')) widget.setAttribute('data-e2e-progress-seen', '');
    }).observe(widget, { childList: true, subtree: true });
  });
  const button = widget.getByRole('button', { name: 'Measure in this browser' });
  await button.click();
  await expect(widget.locator('table')).toBeVisible({ timeout: 120_000 });
  await expect(widget).toHaveAttribute('aria-busy', 'false');
  await expect(widget).toHaveAttribute('data-e2e-progress-seen');
  await expect(widget.getByRole('button', { name: 'Measure again' })).toBeFocused();

  for (const op of OPERATIONS) {
    const row = widget.locator(`tr[data-operation="${op.id}"]`);
    await expect(row.getByRole('rowheader')).toHaveText(op.label);
    const figure = (await row.locator('td').first().textContent()) ?? '';
    const match = /^(\d+(?:\.\d+)?(?:e-\d+)?) ms$/.exec(figure);
    expect(match, `${op.label}: "${figure}"`).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThan(0);
    await expect(row.locator('td').nth(1)).toContainText(op.includes);
    await expect(row.locator('td').nth(1)).toContainText(/Median of \d+ batches of \d+\./);
  }
  for (const ratio of ['sign', 'verify', 'raw']) {
    await expect(widget.locator(`[data-ratio="${ratio}"] strong`)).toHaveText(/^\d+(\.\d)?×$/);
  }
  expect(errors).toEqual([]);
});
