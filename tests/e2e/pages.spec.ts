import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages, hydrateIslands, siteOrigin, useTheme } from './support';

// The page-wide checks, run on every page of the build.
for (const path of builtPages('dist')) {
  test.describe(`/${path}`, () => {
    for (const theme of ['light', 'dark'] as const) {
      test(`axe finds no violations in the ${theme} theme`, async ({ page }) => {
        await useTheme(page, theme);
        await page.goto(path);
        await hydrateIslands(page);
        await expect(page.locator('html')).toHaveCSS('color-scheme', theme);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const found = violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(found).toEqual([]);
      });
    }

    test('logs no error and requests nothing from another origin', async ({ page }) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol !== 'data:' && url.origin !== siteOrigin) problems.push(`off-origin request: ${url.href}`);
      });
      page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
      page.on('response', (response) => {
        if (response.status() >= 400) {
          problems.push(`HTTP ${response.status()}: ${response.url()}`);
        }
      });

      await page.goto(path);
      await hydrateIslands(page);
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    });

    test('every control is reachable with Tab and shows its focus', async ({ page }) => {
      await page.goto(path);
      await hydrateIslands(page);
      const expected = await page.evaluate(() => {
        const selector = [
          'a[href]',
          'button:not([disabled])',
          'input:not([disabled]):not([type="hidden"])',
          'select:not([disabled])',
          'textarea:not([disabled])',
          'summary',
          '[tabindex]:not([tabindex="-1"])',
        ].join(', ');
        // Tab enters a radio group once, at its checked radio (arrow keys move within it).
        const tabbableRadio = (element: HTMLElement) =>
          !(element instanceof HTMLInputElement && element.type === 'radio' && element.name !== '') ||
          element.checked ||
          (![...document.getElementsByName(element.name)].some((r) => (r as HTMLInputElement).checked) &&
            document.getElementsByName(element.name)[0] === element);
        const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter(
          (element) =>
            element.tabIndex >= 0 && element.checkVisibility({ visibilityProperty: true }) && tabbableRadio(element),
        );
        return controls.map((element, index) => {
          element.dataset.e2eControl = String(index);
          const type = element.getAttribute('type');
          const name = element.getAttribute('aria-label') ?? (element.textContent ?? '').trim().slice(0, 40);
          return `${element.tagName.toLowerCase()}${type ? `[type=${type}]` : ''}${element.id ? `#${element.id}` : ''} "${name}"`;
        });
      });
      expect(expected.length).toBeGreaterThan(0);

      const reached = new Set<number>();
      const unmarked: string[] = [];
      // Some controls take several Tab stops (a date-time field has one per part), so allow extra presses.
      for (let step = 0; step < 2 * expected.length + 10 && reached.size < expected.length; step += 1) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const element = document.activeElement;
          if (!(element instanceof HTMLElement) || element === document.body) return undefined;
          const style = getComputedStyle(element);
          const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
          return { index: element.dataset.e2eControl, visible: outlined || style.boxShadow !== 'none' };
        });
        if (focus === undefined) continue;
        if (focus.index !== undefined) reached.add(Number(focus.index));
        if (!focus.visible) unmarked.push(focus.index === undefined ? 'an unlisted element' : (expected[Number(focus.index)] ?? ''));
      }

      expect(expected.filter((_, index) => !reached.has(index)), 'controls Tab never reached').toEqual([]);
      expect(unmarked, 'focused without a visible outline').toEqual([]);
    });
  });
}
