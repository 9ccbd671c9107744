/**
 * Presenter mode as a teacher uses it on a projector: ?present (or the header's button) enlarges the page and
 * hides the menus; N and P move between widgets and the stepper's own arrows step the one presented; "Follow
 * me" gives a code and a link that open the same widget and stage on a student's laptop; the mode stays on from
 * page to page in the tab until stopped. Checked with axe in both themes.
 */
import { expect, test, type Page } from '@playwright/test';
import { plannedChapters } from '../../src/data/chapters';
import { axeViolations, useTheme, writtenChapters } from './support';

const CHAPTER = 'chapters/generating-a-token/';
const chapterNumber = plannedChapters.findIndex((c) => c.slug === 'generating-a-token') + 1;

async function present(page: Page) {
  await page.goto(`${CHAPTER}?present`);
  const bar = page.getByRole('complementary', { name: 'Presenter' });
  await expect(bar).toBeVisible();
  return bar;
}

test('?present enlarges the page, hides the menus and presses the header button', async ({ page }) => {
  await page.goto(CHAPTER);
  const normal = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await present(page);
  const projected = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(projected).toBeGreaterThan(normal * 1.15);
  await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('N and P move between widgets, and the arrows step the one presented', async ({ page }) => {
  const bar = await present(page);
  const widgets = page.locator('[data-widget]');
  const count = await widgets.count();
  expect(count).toBeGreaterThan(1);
  await page.keyboard.press('n');
  const first = widgets.first();
  await expect(first).toHaveAttribute('data-presented', '');
  await expect(bar).toContainText(`Widget 1 of ${count}`);
  await expect(first).toBeInViewport();
  // Focus is in the widget, where its stepper's keys work.
  await expect.poll(() => first.evaluate((w) => w.contains(document.activeElement))).toBe(true);
  const position = first.locator('.position');
  await expect(position).toContainText('Stage 1 of');
  await page.keyboard.press('ArrowRight');
  await expect(position).toContainText('Stage 2 of');
  await page.keyboard.press('n');
  await expect(widgets.nth(1)).toHaveAttribute('data-presented', '');
  await expect(first).not.toHaveAttribute('data-presented');
  await expect(bar).toContainText(`Widget 2 of ${count}`);
  await page.keyboard.press('p');
  await expect(first).toHaveAttribute('data-presented', '');
  // A key typed into a field stays the field's.
  const payload = first.getByLabel('Payload (JSON)');
  await first.locator('details.inputs-fold > summary').getByText('Edit').click();
  await payload.press('End');
  await payload.press('n');
  await expect(first).toHaveAttribute('data-presented', '');
  await expect(payload).toHaveValue(/n$/);
});

test('"Follow me" gives a code and a link that open the same widget and stage', async ({ page, browser }) => {
  const bar = await present(page);
  await page.keyboard.press('n');
  const position = page.locator('[data-widget]').first().locator('.position');
  await expect(position).toContainText('Stage 1 of');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(position).toContainText('Stage 3 of');
  const stage = await position.textContent();
  await page.keyboard.press('f');
  const code = `${chapterNumber}-1-3`;
  await expect(bar.locator('.follow-code')).toHaveText(code);
  const link = await bar.locator('[data-follow] a').getAttribute('href');
  expect(new URL(link!).hash).toBe('#follow=1-3');

  // A student types the code on the start page.
  const student = await browser.newPage();
  await student.goto('/');
  await student.getByLabel('Code').fill(code);
  await student.getByRole('button', { name: 'Follow' }).click();
  await expect(student).toHaveURL(new RegExp(`${CHAPTER}#follow=1-3$`));
  const followed = student.locator('[data-widget]').first();
  await expect(followed.locator('.position')).toHaveText(stage!);
  await expect(followed).toBeInViewport();
  // Students do not present.
  await expect(student.getByRole('complementary', { name: 'Presenter' })).toBeHidden();

  // Or opens the link, in a tab already showing the chapter at its first stage: only the hash changes.
  await student.goto(CHAPTER);
  await followed.scrollIntoViewIfNeeded();
  await expect(followed).toHaveAttribute('data-hydrated', 'true');
  await followed.locator('.map .stop').first().click();
  await expect(followed.locator('.position')).toContainText('Stage 1 of');
  await student.goto(link!);
  await expect(followed.locator('.position')).toHaveText(stage!);
  await student.close();
});

test('a code that leads nowhere gets a message at the field', async ({ page }) => {
  await page.goto('/');
  const field = page.getByLabel('Code');
  const problem = page.locator('#follow-problem');
  for (const [code, message] of [
    ['4-2', '"4-2" is not a code: it is three numbers'],
    ['99-1-1', `There is no chapter 99: the course has ${plannedChapters.length}.`],
    // The first chapter not written yet, whichever that is now.
    [`${plannedChapters.findIndex((c) => !writtenChapters.includes(c)) + 1}-1-1`, 'is not written yet'],
  ] as const) {
    await field.fill(code);
    await field.press('Enter');
    await expect(problem).toContainText(message);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue(code);
  }
  await page.goto(`${CHAPTER}#follow=99-1`);
  await expect(page.locator('.follow-note')).toContainText('The code names widget 99');
});

test('presenting stays on from page to page until stopped', async ({ page }) => {
  await present(page);
  await page.goto('glossary/');
  await expect(page.getByRole('complementary', { name: 'Presenter' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop presenting' }).click();
  await expect(page.getByRole('complementary', { name: 'Presenter' })).toBeHidden();
  await page.goto(CHAPTER);
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Presenter' })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`presenter mode with "Follow me" open passes axe in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    await present(page);
    await page.keyboard.press('n');
    await page.keyboard.press('f');
    expect(await axeViolations(page)).toEqual([]);
  });
}
