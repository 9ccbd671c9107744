import { existsSync, readdirSync } from 'node:fs';
import { sep } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { themeStorageKey, type Theme } from '../../src/components/layout/theme';
import { plannedChapters } from '../../src/data/chapters';

// E2E_PORT lets two checkouts run their suites side by side; the sub-path build is served one port up.
export const sitePort = Number(process.env.E2E_PORT ?? 4331);
export const basePort = sitePort + 1;
export const basePath = '/jwt/';
export const siteOrigin = `http://127.0.0.1:${sitePort}`;
export const baseOrigin = `http://127.0.0.1:${basePort}`;

/**
 * Every page of a build, found by walking its output folder (so a new chapter is checked without
 * touching the tests), as a path relative to the site's base: '', 'chapters/claims/', '404.html'.
 */
export function builtPages(outDir: string): string[] {
  const files = existsSync(outDir) ? readdirSync(outDir, { recursive: true, encoding: 'utf8' }) : [];
  const pages = files
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(sep).join('/').replace(/(^|\/)index\.html$/, '$1'))
    .sort();
  if (pages.length === 0) throw new Error(`No pages in ${outDir}/: build first: "npm run test:e2e" builds both sites, then runs Playwright.`);
  return pages;
}

/** The chapters that have an MDX file, in course order. */
export const writtenChapters = plannedChapters.filter((chapter) => existsSync(`content/chapters/${chapter.slug}.mdx`));

/** Chooses the reader's theme before any page script runs, as a returning reader would have it. */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [themeStorageKey, theme] as const);
}

/**
 * Scrolls every island into view so that client:visible hydrates it, and waits until all have hydrated
 * (Astro removes the `ssr` attribute from an island once it has) and no widget is still busy computing.
 *
 * One island at a time, each waited for before the next, from the test's side: nothing here waits for an
 * animation frame, which headless Chromium sometimes stops producing for a while on a busy machine (a
 * `requestAnimationFrame` inside page.evaluate once spent a whole test's 60 s waiting). An island that does
 * not hydrate fails with its component's name instead.
 */
export async function hydrateIslands(page: Page): Promise<void> {
  const islands = page.locator('astro-island');
  const count = await islands.count();
  for (let i = 0; i < count; i++) {
    const island = islands.nth(i);
    const name = await island.getAttribute('component-url');
    // Islands are display: contents, so scroll to what each one holds. Instantly: the site scrolls smoothly,
    // and a smooth scroll cut short by the next one might never reach a later island. Scrolled to again at
    // each look, as a reader would: a widget above that is still growing can push this one back out of view
    // before the browser sees it. Up to 30 s, like settled(): a busy machine fetches and runs a module slowly.
    await expect
      .poll(
        async () => {
          await island.evaluate((el) => el.firstElementChild?.scrollIntoView({ behavior: 'instant' }));
          return island.getAttribute('ssr');
        },
        { message: `island ${i + 1} of ${count} (${name}) hydrates`, timeout: 30_000 },
      )
      .toBeNull();
  }
  await settled(page);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
}

/**
 * Waits until every island has hydrated and no widget is busy. Up to 30 s: generating an RSA key pair,
 * which some widgets do on arrival, can take seconds on a busy machine.
 */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('astro-island[ssr]'), 'every island has hydrated').toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('[aria-busy="true"]'), 'no widget is still computing').toHaveCount(0, { timeout: 30_000 });
}

/**
 * What axe finds wrong on the page, one readable line per rule. Legacy mode runs axe in the page itself
 * rather than opening a second page to merge the results of frames (this site has none), and only the
 * violations are gathered: on the heaviest chapter of a busy machine, 33 s instead of 168 s.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] }).analyze();
  return violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const cspViolations = new WeakMap<Page, string[]>();

/**
 * Collects every Content-Security-Policy violation from now on, in every document the page loads: each
 * `securitypolicyviolation` event, and each console message about the policy (those also cover workers).
 * Called again for the same page, it returns the same list.
 */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const known = cspViolations.get(page);
  if (known !== undefined) return known;
  const into: string[] = [];
  cspViolations.set(page, into);
  await page.exposeFunction('e2eCspViolation', (report: string) => into.push(report));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const where = event.sourceFile === '' ? '' : ` at ${event.sourceFile}:${event.lineNumber}`;
      const report = `CSP violation: ${event.effectiveDirective} refused ${event.blockedURI || 'an inline source'}${where}`;
      (window as unknown as { e2eCspViolation: (report: string) => void }).e2eCspViolation(report);
    });
  });
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) into.push(`console: ${message.text()}`);
  });
  return into;
}

/** The page's Content-Security-Policy, from its <meta>: each directive with its sources. */
export async function contentSecurityPolicy(page: Page): Promise<Map<string, string[]>> {
  const content = await page.locator('head meta[http-equiv="content-security-policy"]').getAttribute('content');
  const directives = (content ?? '').split(';').map((directive) => directive.trim().split(/\s+/));
  return new Map(directives.filter(([name]) => name).map(([name = '', ...sources]) => [name, sources]));
}

/**
 * Checks the page's policy: scripts and styles only from this origin or by hash (no 'unsafe-inline',
 * 'unsafe-eval' or other origin), data sent and workers loaded only to and from this origin, no plugins.
 */
export async function expectStrictCsp(page: Page): Promise<void> {
  const policy = await contentSecurityPolicy(page);
  for (const [directive, sources] of policy) {
    for (const source of sources) {
      const allowed = directive === 'img-src' ? /^('self'|data:)$/ : /^('self'|'none'|'sha(256|384|512)-[\w+/=]+')$/;
      expect(source, `${directive} allows ${source}`).toMatch(allowed);
    }
  }
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toContain("'self'");
  expect(policy.get('style-src')).toContain("'self'");
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('worker-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  expect(policy.get('form-action')).toEqual(["'self'"]);
}

/**
 * Opens a page at one widget, scrolls it into view and waits until it has hydrated; `errors` collects the
 * console errors, uncaught exceptions and CSP violations from then on, for the test to check at its end.
 */
export async function openWidget(page: Page, path: string, name: string): Promise<{ widget: Locator; errors: string[] }> {
  const errors = await recordCspViolations(page);
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  const widget = page.locator(`[data-widget="${name}"]`);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-hydrated', 'true');
  return { widget, errors };
}

/** WCAG's contrast ratio of two computed `rgb(r, g, b)` colours. */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
