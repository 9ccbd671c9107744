import { expect, test, type Page } from '@playwright/test';
import { plannedChapters } from '../../src/data/chapters';
import { useTheme, writtenChapters } from './support';

const firstChapter = writtenChapters[0];
if (firstChapter === undefined) throw new Error('No chapter is written yet: content/chapters/ is empty.');
const chapterPath = `chapters/${firstChapter.slug}/`;

/** The page background's lightness (0 black … 255 white), to tell which theme is showing. */
function backgroundLightness(page: Page): Promise<number> {
  return page.evaluate(() => {
    const channels = getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g)?.slice(0, 3) ?? [];
    return channels.reduce((sum, channel) => sum + Number(channel), 0) / 3;
  });
}

test('the start page lists all 13 chapters in order, linking only the written ones', async ({ page }) => {
  await page.goto('');
  const items = page.locator('main ol > li');
  await expect(items).toHaveCount(13);
  for (const [index, chapter] of plannedChapters.entries()) {
    const item = items.nth(index);
    await expect(item).toContainText(chapter.title);
    await expect(item).toContainText(chapter.description);
    if (writtenChapters.some((written) => written.slug === chapter.slug)) {
      await expect(item.getByRole('link', { name: chapter.title })).toHaveAttribute('href', `/chapters/${chapter.slug}/`);
      await expect(item).not.toContainText('coming soon');
    } else {
      await expect(item.getByRole('link')).toHaveCount(0);
      await expect(item).toContainText('coming soon');
    }
  }
});

test('the sidebar names unwritten chapters "coming soon" to screen readers, not on screen', async ({ page }) => {
  await page.goto(chapterPath);
  const unwritten = plannedChapters.filter((chapter) => !writtenChapters.some((written) => written.slug === chapter.slug));
  const items = page.getByRole('navigation', { name: 'Chapters' }).locator('li');
  await expect(items).toHaveCount(plannedChapters.length);
  for (const chapter of unwritten) {
    const item = items.filter({ hasText: chapter.title });
    await expect(item).toContainText('coming soon');
    // In the accessibility tree, clipped to nothing on screen.
    const box = await item.getByText('coming soon').boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(1);
    expect(box?.height ?? 0).toBeLessThanOrEqual(1);
  }
});

test('previous and next links lead through the written chapters in order', async ({ page }) => {
  for (const [index, chapter] of writtenChapters.entries()) {
    await page.goto(`chapters/${chapter.slug}/`);
    const footer = page.getByRole('navigation', { name: 'Previous and next chapter' });
    const previous = writtenChapters[index - 1];
    const next = writtenChapters[index + 1];
    await expect(footer.locator('a[rel="prev"]')).toHaveAttribute('href', previous ? `/chapters/${previous.slug}/` : '/');
    if (next === undefined) {
      await expect(footer.locator('a[rel="next"]')).toHaveCount(0);
    } else {
      await footer.locator('a[rel="next"]').click();
      await expect(page).toHaveURL(`/chapters/${next.slug}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.title);
    }
  }
});

test('the chapter page has a table of contents that links to its sections', async ({ page }) => {
  await page.goto(chapterPath);
  const links = page.getByRole('navigation', { name: 'On this page' }).getByRole('link');
  expect(await links.count()).toBeGreaterThan(1);
  for (const link of await links.all()) {
    const target = (await link.getAttribute('href')) ?? '';
    await expect(page.locator(`article ${target}`)).toHaveText((await link.textContent()) ?? '');
  }
});

test.describe('theme switch', () => {
  test('a choice survives a reload and is on <html> before <body> is parsed', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('');
    expect(await backgroundLightness(page)).toBeGreaterThan(200);

    await page.getByRole('button', { name: 'Dark' }).click();
    await expect(page.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => backgroundLightness(page)).toBeLessThan(50);

    // Record the theme at the moment <body> is parsed, i.e. before anything can be painted.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body === null) return;
        document.documentElement.dataset.themeAtBody = document.documentElement.dataset.theme ?? 'unset';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme-at-body', 'dark');
    await expect(page.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
    expect(await backgroundLightness(page)).toBeLessThan(50);
  });

  test('"System" follows the operating system setting', async ({ page }) => {
    await useTheme(page, 'dark');
    await page.goto(chapterPath);
    await page.getByRole('button', { name: 'System' }).click();
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => backgroundLightness(page)).toBeGreaterThan(200);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => backgroundLightness(page)).toBeLessThan(50);
  });
});

test.describe('chapter menu', () => {
  test('on a narrow screen it opens and closes with the keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(chapterPath);
    const menu = page.getByRole('navigation', { name: 'Chapters' });
    const summary = menu.getByText('Chapters', { exact: true });
    const firstLink = menu.getByRole('link', { name: firstChapter.title });
    await expect(firstLink).toBeHidden();

    // Tab from the top of the page until the menu's summary has focus.
    for (let step = 0; step < 10 && !(await summary.evaluate((element) => element === document.activeElement)); step += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(summary).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(firstLink).toBeVisible();
    await expect(firstLink).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Tab');
    await expect(firstLink).toBeFocused();

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await expect(firstLink).toBeHidden();
    await expect(summary).toBeFocused();
  });

  test('on a wide screen it is an always-open sidebar', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(chapterPath);
    const menu = page.getByRole('navigation', { name: 'Chapters' });
    await expect(menu.getByText('Chapters', { exact: true })).toBeHidden();
    await expect(menu.getByRole('listitem')).toHaveCount(13);
    await expect(menu.getByRole('link', { name: firstChapter.title })).toBeVisible();
  });
});

test('with reduced motion, nothing moves', async ({ page }) => {
  /** Elements with a CSS transition or animation set, plus animations running right now. */
  const motion = () =>
    page.evaluate(() => {
      const moving = [...document.querySelectorAll('*')].filter((element) => {
        const style = getComputedStyle(element);
        const durations = `${style.transitionDuration},${style.animationDuration}`.split(',');
        return durations.some((duration) => Number.parseFloat(duration) > 0);
      });
      return { styled: moving.length, running: document.getAnimations().length };
    });

  // Without the preference the site does use transitions, so the check below can fail.
  await page.goto(chapterPath);
  expect((await motion()).styled).toBeGreaterThan(0);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(chapterPath);
  await page.getByRole('button', { name: 'Dark' }).click();
  await page.locator('a[rel="prev"]').hover();
  expect(await motion()).toEqual({ styled: 0, running: 0 });
  await expect(page.locator('html')).toHaveCSS('scroll-behavior', 'auto');
});

test('code blocks are highlighted by class, so the CSP needs no inline style, in both themes', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(chapterPath);
    const block = page.locator('pre[data-language="json"]').first();
    await expect(block.locator('[style]')).toHaveCount(0);
    const text = await block.evaluate((element) => getComputedStyle(element).color);
    // A key and a string each have a colour of their own, unlike the plain text around them.
    await expect(block.locator('.token.property').first()).not.toHaveCSS('color', text);
    await expect(block.locator('.token.string').first()).not.toHaveCSS('color', text);
  }
});
