import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages, siteOrigin, useTheme } from './support';

// The page-wide checks, run on every page of the build.
for (const path of builtPages('dist')) {
  test.describe(`/${path}`, () => {
    for (const theme of ['light', 'dark'] as const) {
      test(`axe finds no violations in the ${theme} theme`, async ({ page }) => {
        await useTheme(page, theme);
        await page.goto(path);
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
      // Scroll to the end so islands that hydrate when visible load too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    });

    test('every control is reachable with Tab and shows its focus', async ({ page }) => {
      await page.goto(path);
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
        const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter(
          (element) => element.tabIndex >= 0 && element.checkVisibility({ visibilityProperty: true }),
        );
        return controls.map((element, index) => {
          element.dataset.e2eControl = String(index);
          return `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
        });
      });
      expect(expected.length).toBeGreaterThan(0);

      const reached = new Set<number>();
      const unmarked: string[] = [];
      for (let step = 0; step < expected.length + 5 && reached.size < expected.length; step += 1) {
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
