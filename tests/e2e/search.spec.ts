/**
 * Search (Pagefind, in the header's dialog): finds a word from each written chapter and opens that chapter, in
 * both builds (at / and under /jwt/), from the keyboard alone, within the strict CSP and without leaving the site.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, baseOrigin, basePath, recordCspViolations, siteOrigin, useTheme, writtenChapters } from './support';

/** A word each chapter's prose uses and no other chapter's does (checked below, from the MDX sources). */
const WORDS: Record<string, string> = {
  'what-is-jwt': 'jot',
  claims: 'gateway',
  'generating-a-token': 'ingredients',
  'verifying-a-token': 'twins',
  hs256: 'Jefe',
  rs256: 'Bleichenbacher',
  'jws-and-jwe': 'ciphertext',
  expiration: 'leeway',
  benefits: 'HPACK',
};

/** Console errors, uncaught exceptions, CSP violations and requests to any other origin, from now on. */
async function watch(page: Page, origin: string): Promise<string[]> {
  const problems = await recordCspViolations(page);
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.origin !== origin) problems.push(`off-origin request: ${url.href}`);
  });
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return problems;
}

test('each chapter has its word, and only that chapter', () => {
  expect(Object.keys(WORDS).sort()).toEqual(writtenChapters.map((c) => c.slug).sort());
  for (const [slug, word] of Object.entries(WORDS)) {
    const using = writtenChapters.filter((c) => new RegExp(`\\b${word}\\b`, 'i').test(readFileSync(`content/chapters/${c.slug}.mdx`, 'utf8')));
    expect(using.map((c) => c.slug), word).toEqual([slug]);
  }
});

for (const [origin, base] of [[siteOrigin, '/'], [baseOrigin, basePath]] as const) {
  test(`under ${base}: "/" opens search, a word from each chapter finds it, and Enter on the result opens it`, async ({ page }) => {
    const problems = await watch(page, origin);
    for (const chapter of writtenChapters) {
      await page.goto(`${origin}${base}`);
      const dialog = page.getByRole('dialog', { name: 'Search the chapters' });
      await expect(dialog).toBeHidden();
      await page.keyboard.press('/');
      await expect(dialog).toBeVisible();
      const field = dialog.getByRole('searchbox', { name: 'Words to find' });
      await expect(field).toBeFocused();
      await page.keyboard.type(WORDS[chapter.slug]!);
      const first = dialog.locator('.hits > li').first();
      await expect(first.locator('.search-page')).toHaveText(chapter.title);
      await expect(first.locator('.search-page')).toHaveAttribute('href', `${base}chapters/${chapter.slug}/`);
      await expect(first.locator('mark').first()).toHaveText(new RegExp(WORDS[chapter.slug]!, 'i'));
      // Keyboard only: Tab from the field reaches the first result, and Enter opens it.
      await page.keyboard.press('Tab');
      await expect(first.locator('a').first()).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`^${origin}${base}chapters/${chapter.slug}/(#[\\w-]+)?$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(chapter.title);
    }
    expect(problems).toEqual([]);
  });
}

test('the header button opens search; Escape closes it and focus returns to the button', async ({ page }) => {
  await page.goto('glossary/');
  const button = page.getByRole('button', { name: /^Search/ });
  const dialog = page.getByRole('dialog', { name: 'Search the chapters' });
  // Reach the button with Tab, as a keyboard user does.
  for (let i = 0; i < 10 && !(await button.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('searchbox')).toBeFocused();
  // "/" typed in the search field is text, not a new search.
  await page.keyboard.type('a/b');
  await expect(dialog.getByRole('searchbox')).toHaveValue('a/b');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('"/" typed in a chapter\'s field is text, and does not open search', async ({ page }) => {
  await page.goto('chapters/what-is-jwt/');
  const field = page.locator('article textarea').first();
  await field.fill('');
  await field.focus();
  await page.keyboard.type('/');
  await expect(field).toHaveValue('/');
  await expect(page.getByRole('dialog', { name: 'Search the chapters' })).toBeHidden();
});

test('a word no chapter uses says so', async ({ page }) => {
  await page.goto('');
  await page.keyboard.press('/');
  await page.keyboard.type('zyzzyva');
  await expect(page.getByRole('dialog').getByRole('status')).toHaveText('No chapter mentions “zyzzyva”.');
  await expect(page.locator('.hits > li')).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the open dialog with its results passes axe in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto('chapters/hs256/');
    await page.keyboard.press('/');
    await page.keyboard.type('HMAC');
    await expect(page.locator('.hits > li').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
