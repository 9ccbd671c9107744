import { expect, test } from '@playwright/test';
import { baseOrigin, basePath, builtPages, expectStrictCsp, hydrateIslands, recordCspViolations } from './support';

// The site built with BASE_PATH=/jwt/ (into dist-base/) and served only under /jwt/: any link or asset
// that forgot the base would point outside /jwt/ and get a 404.
for (const path of builtPages('dist-base')) {
  test(`under ${basePath}: every link and asset of /${path} resolves, within its strict CSP`, async ({ page, request }) => {
    const failed = await recordCspViolations(page);
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(`${baseOrigin}${basePath}${path}`);
    await expectStrictCsp(page);
    // Hydrated, every island has loaded its scripts and styles under the base, as the policy allows.
    await hydrateIslands(page);
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    // The stylesheet applied: the skip link is moved off screen by global.css.
    await expect(page.locator('.skip-link')).toHaveCSS('position', 'absolute');

    const urls = await page.evaluate(() =>
      [...document.querySelectorAll('[href], [src]')].map((element) => {
        const attribute = element.hasAttribute('href') ? 'href' : 'src';
        return new URL(element.getAttribute(attribute) ?? '', document.baseURI).href;
      }),
    );
    const internal = [...new Set(urls.map((url) => url.split('#')[0] ?? url))].filter((url) => url.startsWith(baseOrigin));
    expect(internal.length).toBeGreaterThan(1);
    for (const url of internal) {
      expect(new URL(url).pathname, url).toMatch(new RegExp(`^${basePath}`));
      expect((await request.get(url)).status(), url).toBe(200);
    }
  });
}
