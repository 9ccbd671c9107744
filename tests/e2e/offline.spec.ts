/**
 * Offline (README "Offline"): after one visit the service worker has the whole build, so with the network off every
 * page opens and search finds its words, at / and under /jwt/; and a new build's worker takes over and brings the
 * new pages. Service workers are blocked in the other specs (playwright.config.ts); here they run.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { baseOrigin, basePath, builtPages, recordCspViolations, siteOrigin } from './support';

test.use({ serviceWorkers: 'allow' });

/** The text of a built page's <h1>, read from its file (headings are plain text). */
function headingOf(outDir: string, path: string): string {
  const file = join(outDir, path === '' || path.endsWith('/') ? `${path}index.html` : path);
  const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(readFileSync(file, 'utf8'))?.[1]?.trim();
  if (heading === undefined) throw new Error(`${file} has no plain-text <h1>`);
  return heading;
}

/** Console errors, uncaught exceptions, CSP violations and requests to another origin (the worker's too). */
async function watch(context: BrowserContext, page: Page, origin: string): Promise<string[]> {
  const problems = await recordCspViolations(page);
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.origin !== origin) problems.push(`off-origin request: ${url.href}`);
  });
  return problems;
}

/** Waits until the page is controlled by a service worker that has precached everything (it is activated). */
async function controlled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 30_000 }).toBe('activated');
}

/** Whether a same-origin fetch that bypasses the HTTP cache reaches anything, from a second tab of the context. */
async function networkReachable(context: BrowserContext, at: string, url: string): Promise<boolean> {
  const probe = await context.newPage();
  await probe.goto(at);
  const reached = await probe.evaluate((u) => fetch(u, { cache: 'no-store' }).then(() => true, () => false), url);
  await probe.close();
  return reached;
}

for (const [origin, base, outDir] of [[siteOrigin, '/', 'dist'], [baseOrigin, basePath, 'dist-base']] as const) {
  test(`under ${base}: after one visit, every page opens and search finds a word with the network off`, async ({ context, page }) => {
    test.setTimeout(120_000);
    const problems = await watch(context, page, origin);
    await page.goto(`${origin}${base}`);
    await controlled(page);
    await context.setOffline(true);
    // The network is really off, for the worker too: a file it does not keep (itself) cannot be fetched.
    expect(await networkReachable(context, `${origin}${base}`, `${base}sw.js`)).toBe(false);

    for (const path of builtPages(outDir)) {
      await page.goto(`${origin}${base}${path}`);
      await expect(page.getByRole('heading', { level: 1 }), `/${path}`).toHaveText(headingOf(outDir, path));
    }
    // A teacher on a network that drops: presenter mode's ?present is the same page.
    await page.goto(`${origin}${base}chapters/hs256/?present`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headingOf(outDir, 'chapters/hs256/'));
    await expect(page.getByRole('complementary', { name: 'Presenter' })).toBeVisible();
    await page.getByRole('button', { name: 'Stop presenting' }).click();

    // Search: Pagefind's script, Wasm and index come from the worker's cache.
    await page.goto(`${origin}${base}`);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search the chapters' });
    await dialog.getByRole('searchbox', { name: 'Words to find' }).fill('Bleichenbacher');
    const result = dialog.locator('.hits > li').first().locator('.search-page');
    await expect(result).toHaveAttribute('href', `${base}chapters/rs256/`);
    await result.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headingOf(outDir, 'chapters/rs256/'));
    expect(problems).toEqual([]);
  });
}

/** Serves a folder as it is on a free port (a folder by its index.html), until closed. */
async function serve(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
  const server = createServer((request, response) => {
    let file = join(dir, normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const close = () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close };
}

test('a new build reaches a returning reader: its worker takes over, says so, and Reload shows the new page', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'jwt-offline-'));
  cpSync('dist', dir, { recursive: true });
  const site = await serve(dir);
  try {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
    await page.goto(`${site.origin}/chapters/what-is-jwt/`);
    await controlled(page);
    // A returning reader: this page comes from the worker's cache.
    await page.reload();
    const heading = page.getByRole('heading', { level: 1 });
    const before = headingOf(dir, 'chapters/what-is-jwt/');
    await expect(heading).toHaveText(before);

    // Deploy a new build: one page changes, and its worker is written again from the changed files.
    const file = join(dir, 'chapters/what-is-jwt/index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace(`>${before}</h1>`, `>${before}, revised</h1>`));
    await promisify(execFile)(process.execPath, ['scripts/service-worker.ts', dir]);

    // The browser looks for a new worker at each visit; asked here on the open page, whose script is listening,
    // it finds one, which takes over the page the old one served.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    await expect(heading).toHaveText(before);
    const notice = page.getByRole('status').filter({ hasText: 'This site has been updated.' });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await notice.getByRole('button', { name: 'Reload' }).click();
    await expect(heading).toHaveText(`${before}, revised`);
    expect(problems).toEqual([]);
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
