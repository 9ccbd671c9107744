import { expect, test } from '@playwright/test';
import { axeViolations, baseOrigin, builtPages, expectStrictCsp, hydrateIslands, recordCspViolations, siteOrigin, useTheme } from './support';

/** What the page-wide Tab check records in the page: each focus Tab gave, and whether it showed. */
type FocusLog = { e2eFocused: { index: string | undefined; visible: boolean }[] };

// The page-wide checks, run on every page of the build.
for (const path of builtPages('dist')) {
  test.describe(`/${path}`, () => {
    for (const theme of ['light', 'dark'] as const) {
      test(`axe finds no violations in the ${theme} theme`, async ({ page }) => {
        // Axe over a whole chapter (rs256: six widgets, about 1,700 elements) takes tens of seconds on a busy
        // 2-core machine: a limit that fits the work, not a retry.
        test.setTimeout(120_000);
        await useTheme(page, theme);
        await page.goto(path);
        await hydrateIslands(page);
        await expect(page.locator('html')).toHaveCSS('color-scheme', theme);
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    test('carries a strict CSP, breaks none of it, logs no error and requests nothing from another origin', async ({ page }) => {
      const problems = await recordCspViolations(page);
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
      await expectStrictCsp(page);
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
        // From here on, record where each Tab press lands, and whether a focus indicator shows right then.
        const log: FocusLog['e2eFocused'] = [];
        (window as unknown as FocusLog).e2eFocused = log;
        document.addEventListener('focusin', ({ target }) => {
          if (!(target instanceof HTMLElement)) return;
          const style = getComputedStyle(target);
          const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
          log.push({ index: target.dataset.e2eControl, visible: outlined || style.boxShadow !== 'none' });
        });
        return controls.map((element, index) => {
          element.dataset.e2eControl = String(index);
          const type = element.getAttribute('type');
          const name = element.getAttribute('aria-label') ?? (element.textContent ?? '').trim().slice(0, 40);
          return `${element.tagName.toLowerCase()}${type ? `[type=${type}]` : ''}${element.id ? `#${element.id}` : ''} "${name}"`;
        });
      });
      expect(expected.length).toBeGreaterThan(0);

      // A round trip per press made this check the slowest of the suite on a busy machine. The presses go in
      // batches instead: sent together, the browser still takes them one after another, and a single read per
      // batch tells how many controls are still unreached (each needs at least one more press). Some controls
      // take several Tab stops (a date-time field has one per part), so allow extra presses.
      const reachedCount = () =>
        page.evaluate(() => new Set((window as unknown as FocusLog).e2eFocused.map((focus) => focus.index).filter((index) => index !== undefined)).size);
      for (let presses = 0, missing = expected.length; missing > 0 && presses < 2 * expected.length + 10; ) {
        await Promise.all(Array.from({ length: missing }, () => page.keyboard.press('Tab')));
        presses += missing;
        missing = expected.length - (await reachedCount());
      }
      const focused = await page.evaluate(() => (window as unknown as FocusLog).e2eFocused);
      const reached = new Set(focused.map((focus) => Number(focus.index)));
      const unmarked = focused
        .filter((focus) => !focus.visible)
        .map((focus) => (focus.index === undefined ? 'an unlisted element' : (expected[Number(focus.index)] ?? '')));

      expect(expected.filter((_, index) => !reached.has(index)), 'controls Tab never reached').toEqual([]);
      expect(unmarked, 'focused without a visible outline').toEqual([]);
    });
  });
}

test('the CSP refuses an injected script and a request to another origin, and the checks see it', async ({ page }) => {
  const violations = await recordCspViolations(page);
  await page.goto('');
  const outcome = await page.evaluate(async (elsewhere) => {
    const script = document.createElement('script');
    script.textContent = 'document.documentElement.dataset.injected = "ran"';
    document.head.append(script);
    const sent = await fetch(elsewhere, { method: 'POST', body: 'a secret' }).then(
      () => 'sent',
      () => 'refused',
    );
    return { ran: document.documentElement.dataset.injected ?? 'blocked', sent };
  }, `${baseOrigin}/`);
  expect(outcome).toEqual({ ran: 'blocked', sent: 'refused' });
  await expect.poll(() => violations.filter((v) => v.startsWith('CSP violation: script-src'))).toHaveLength(1);
  await expect.poll(() => violations.filter((v) => v.startsWith('CSP violation: connect-src'))).toHaveLength(1);
});
