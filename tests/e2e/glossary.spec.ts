/**
 * The glossary page and the term links in the chapters: each "taught in" link lands on a real heading, and a term's
 * first use links to its entry with a preview of the definition that shows on hover and on keyboard focus, stays
 * while the pointer moves onto it, and goes with Escape (WCAG 1.4.13).
 */
import { expect, test } from '@playwright/test';
import { glossary } from '../../src/data/glossary';
import { axeViolations, useTheme, writtenChapters } from './support';

test('every "taught in" link of the glossary lands on a heading of that chapter', async ({ page }) => {
  await page.goto('glossary/');
  const links = await page.locator('.taught a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  // As many links as the data names, each to a chapter section.
  expect(links).toHaveLength(glossary.reduce((sum, term) => sum + term.taughtIn.length, 0));
  const headingsOf = new Map<string, string[]>();
  for (const href of links) {
    const url = new URL(href);
    if (!headingsOf.has(url.pathname)) {
      await page.goto(url.pathname);
      headingsOf.set(url.pathname, await page.locator('article h2[id], article h3[id]').evaluateAll((hs) => hs.map((h) => h.id)));
    }
    expect(headingsOf.get(url.pathname), href).toContain(url.hash.slice(1));
  }
});

test('every glossary entry has its anchor and its definition', async ({ page }) => {
  await page.goto('glossary/');
  for (const { id, term, definition } of glossary) {
    await expect(page.locator(`dt[id="${id}"]`)).toHaveText(term);
    await expect(page.locator(`dt[id="${id}"] + dd p`).first()).toHaveText(definition);
  }
});

for (const chapter of writtenChapters) {
  test(`${chapter.slug}: each term link leads to its glossary entry and is described by its definition`, async ({ page }) => {
    await page.goto(`chapters/${chapter.slug}/`);
    const terms = page.locator('article .term');
    expect(await terms.count(), 'terms marked in the chapter').toBeGreaterThanOrEqual(5);
    for (const term of await terms.all()) {
      const link = term.locator('a');
      const id = new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).hash.slice(1);
      const entry = glossary.find((t) => t.id === id);
      expect(entry, `#${id} is a glossary term`).toBeDefined();
      await expect(link).toHaveAccessibleDescription(entry!.definition);
      await expect(term.getByRole('tooltip')).toBeHidden();
    }
  });
}

test('the preview shows on keyboard focus and on hover, stays on the preview, and Escape dismisses it', async ({ page }) => {
  await page.goto('chapters/what-is-jwt/');
  const term = page.locator('article .term').filter({ has: page.locator('a[href$="#claim"]') });
  const link = term.getByRole('link');
  const tip = term.getByRole('tooltip');
  const claim = glossary.find((t) => t.id === 'claim')!;

  // Keyboard: Tab from the element just before the link, as a keyboard user arrives.
  await link.evaluate((a) => {
    const before = document.createElement('button');
    before.textContent = 'start';
    a.closest('p')!.before(before);
    before.focus();
  });
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(claim.definition);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(link).toBeFocused();
  // Focus leaves and comes back: the preview shows again.
  await page.keyboard.press('Shift+Tab');
  await expect(tip).toBeHidden();
  await page.keyboard.press('Tab');
  await expect(tip).toBeVisible();
  await page.keyboard.press('Shift+Tab');

  // Pointer: hover shows it, moving onto the preview keeps it, Escape dismisses it, leaving and coming back shows it.
  // The term at the foot of the window: the preview opens above it, where it can be read and reached.
  await link.evaluate((a) => a.scrollIntoView({ block: 'end', behavior: 'instant' }));
  await page.mouse.move(0, 0);
  await link.hover();
  await expect(tip).toBeVisible();
  await expect
    .poll(async () => {
      const box = (await tip.boundingBox())!;
      return box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
    }, { message: 'the preview is inside the window, above the term' })
    .toBe(true);
  await tip.hover();
  await expect(tip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await page.mouse.move(0, 0);
  await link.hover();
  await expect(tip).toBeVisible();
  // The preview stays within the window.
  const box = (await tip.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);

  // Following the link opens the glossary at the entry.
  await link.click();
  await expect(page).toHaveURL(/\/glossary\/#claim$/);
  await expect(page.locator('dt:target')).toHaveText('claim');
});

for (const theme of ['light', 'dark'] as const) {
  test(`a shown preview passes axe in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto('chapters/hs256/');
    const term = page.locator('article .term').first();
    await term.getByRole('link').focus();
    await expect(term.getByRole('tooltip')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
