/**
 * Print (global.css, "Print"): each chapter, with its widgets hydrated, prints without the site's menus or any
 * control, with every scrolling box at full length and each link's target, and makes a PDF on A4 and on Letter.
 */
import { expect, test, type Page } from '@playwright/test';
import { contrast, hydrateIslands, useTheme, writtenChapters } from './support';

/** Elements in the main content that clip what they hold: a box that scrolls, hides its overflow or contains its paint. */
function clippedBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main *')]
      .filter((el) => !el.classList.contains('visually-hidden') && el.checkVisibility())
      .filter((el) => {
        const { overflowX, overflowY, contain } = getComputedStyle(el);
        const painted = /strict|content|paint/.test(contain);
        const clips = (o: string) => painted || o !== 'visible';
        return (clips(overflowY) && el.scrollHeight > el.clientHeight + 1) || (clips(overflowX) && el.scrollWidth > el.clientWidth + 1);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${el.scrollHeight} > ${el.clientHeight})`),
  );
}

/** The pages of a PDF, counted from its page objects. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

for (const chapter of writtenChapters) {
  test(`${chapter.slug}: prints its content and widgets without controls or clipped boxes, on A4 and Letter`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`chapters/${chapter.slug}/`);
    await hydrateIslands(page);
    await page.emulateMedia({ media: 'print' });

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(chapter.title);
    for (const menu of ['.site-header', '.chapter-nav', '.toc', '.prev-next']) await expect(page.locator(menu)).toBeHidden();
    const controls = page.locator('main').locator('button, input[type="range"], .stepper select');
    expect(await controls.evaluateAll((all) => all.filter((el) => el.checkVisibility()).map((el) => el.outerHTML.slice(0, 80)))).toEqual([]);
    expect(await clippedBoxes(page)).toEqual([]);

    // A link prints its target after its text.
    const link = page.locator('article a[href]:not([href^="#"])').first();
    const href = await link.getAttribute('href');
    expect(await link.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(`" <${href}>"`);

    for (const format of ['A4', 'Letter'] as const) {
      const pages = pageCount(await page.pdf({ format }));
      expect(pages, `${format} pages`).toBeGreaterThan(1);
      expect(pages, `${format} pages`).toBeLessThan(80);
    }
  });
}

test('on screen a chapter does clip long byte runs, which print at full length', async ({ page }) => {
  await page.goto('chapters/rs256/');
  await hydrateIslands(page);
  expect((await clippedBoxes(page)).length).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  expect(await clippedBoxes(page)).toEqual([]);
});

test('a reader in the dark theme prints dark text for white paper', async ({ page }) => {
  await useTheme(page, 'dark');
  await page.goto('chapters/what-is-jwt/');
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'light');
  const text = await page.locator('article p').first().evaluate((p) => getComputedStyle(p).color);
  expect(contrast(text, 'rgb(255, 255, 255)')).toBeGreaterThan(7);
});
