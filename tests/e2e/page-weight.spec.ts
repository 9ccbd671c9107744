/**
 * What each built page downloads in JavaScript, in gzip KB: read from the build (bench/page-weight.ts), in
 * both builds, and measured in Chromium, where a reader's browser fetches the stage views a stepper needs
 * only when it needs them. A page whose widgets only decode must not carry the signing, key and DER code.
 * Sizes, not times.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { pageWeights } from '../../bench/page-weight';
import { basePath, hydrateIslands, recordCspViolations } from './support';

const DECODE_ONLY_PAGE = '/chapters/what-is-jwt/';

/** Text only the signing, key and DER code holds: WebCrypto calls, RSA's WebCrypto name, DER tag names. */
const NOT_DECODING = ['crypto.subtle', 'RSASSA-PKCS1-v1_5', 'OBJECT IDENTIFIER'];

/**
 * Budgets, with about 1 KB of headroom over the figures in README's "Page weight": what a page downloads
 * once its islands have hydrated, and after the learner has used every stepper on it (all the stage views
 * its traces need). A page not listed has no islands.
 */
const BUDGETS_KB: Record<string, { hydrated: number; stepped: number }> = {
  // The progress panel: the shared file with the Svelte runtime, and the progress module.
  '/': { hydrated: 40, stepped: 40 },
  // Every page also loads the chapter menu's progress marks, presenter mode and the service worker's
  // registration; every widget its share link. Chapters 1, 5, 8 and 9 carry three exercises each: the frame,
  // the progress store and the chapter's checks.
  '/chapters/what-is-jwt/': { hydrated: 50, stepped: 50 },
  // Parsing only: the date exercise loads the core's claim checks (the verify file) when first answered right.
  '/chapters/claims/': { hydrated: 54, stepped: 54 },
  '/chapters/generating-a-token/': { hydrated: 87, stepped: 110 },
  '/chapters/verifying-a-token/': { hydrated: 89, stepped: 108 },
  '/chapters/hs256/': { hydrated: 95.5, stepped: 95.5 },
  // Chapter 6: the time machine (signs once with HS256, verifies at two clocks) and three exercises that run
  // the claim checks.
  '/chapters/expiration/': { hydrated: 69.5, stepped: 69.5 },
  // One widget that signs with HS256, ES256 or RS256 and exports a public JWK, and three exercises.
  '/chapters/benefits/': { hydrated: 66.5, stepped: 66.5 },
  // The heaviest page: six widgets, RSA keys in PEM, JWK and DER, and every signing and checking stage.
  '/chapters/rs256/': { hydrated: 125.5, stepped: 155 },
  // Chapter 3: JWE encryption and decryption (two widgets, each stage's view), the side by side (which signs and
  // encrypts), the key pair and three exercises that decrypt.
  '/chapters/jws-and-jwe/': { hydrated: 115.5, stepped: 122.5 },
};
/**
 * No page, counting every module it could ever load, passes this (the heaviest, chapter 3, could load 171.5 KB:
 * every JWS stage view is reachable from its steppers, though they only ever show JWE stages, besides its own).
 */
const CEILING_KB = 173;

for (const [dist, base] of [['dist', '/'], ['dist-base', basePath]] as const) {
  test.describe(`page weight read from the build (${dist})`, () => {
    const weights = pageWeights(dist, base);

    test('the decode-only chapter can load no signing, key or DER code', () => {
      const page = weights.find((w) => w.page === DECODE_ONLY_PAGE)!;
      expect(page.islands).toBeGreaterThan(0);
      for (const file of [...page.files, ...page.lazyFiles]) {
        const code = readFileSync(join(dist, file), 'utf8');
        for (const marker of NOT_DECODING) expect(code.includes(marker), `${file} contains ${marker}`).toBe(false);
      }
    });

    test('every page stays under the ceiling, counting every module it could load', () => {
      for (const { page, gzipBytesAtMost } of weights) expect(gzipBytesAtMost / 1024, page).toBeLessThanOrEqual(CEILING_KB);
    });

    test('every page with islands has a budget', () => {
      for (const { page, islands } of weights) if (islands > 0) expect(Object.keys(BUDGETS_KB), page).toContain(page);
    });
  });
}

/** The gzip KB of the scripts the page has fetched so far, from the files they came from in `dist`. */
async function downloadedKb(page: Page): Promise<number> {
  const paths = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')),
  );
  const bytes = [...new Set(paths)].reduce((sum, path) => sum + gzipSync(readFileSync(join('dist', path)), { level: 9 }).length, 0);
  return bytes / 1024;
}

for (const [path, budget] of Object.entries(BUDGETS_KB)) {
  test(`${path} downloads within its budget, before and after every stepper is used, with no error`, async ({ page }) => {
    // The stage views load as the learner steps: neither that nor anything else may log an error or break the CSP.
    const errors = await recordCspViolations(page);
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(path.slice(1));
    await hydrateIslands(page);
    const hydrated = await downloadedKb(page);
    // Every stage of every stepper shown once, each drawn (its view loaded) before the next.
    const steppers = page.locator('.stepper');
    for (let i = 0; i < (await steppers.count()); i++) {
      const stages = steppers.nth(i).getByRole('list', { name: 'Stages' }).getByRole('button');
      for (let j = 0; j < (await stages.count()); j++) {
        await stages.nth(j).click();
        await expect(steppers.nth(i).locator('[aria-busy="true"]')).toHaveCount(0);
      }
    }
    const stepped = await downloadedKb(page);
    test.info().annotations.push({ type: 'page weight', description: `${hydrated.toFixed(1)} KB hydrated, ${stepped.toFixed(1)} KB after every stage` });
    expect(hydrated).toBeLessThanOrEqual(budget.hydrated);
    expect(stepped).toBeLessThanOrEqual(budget.stepped);
    expect(errors).toEqual([]);
  });
}
