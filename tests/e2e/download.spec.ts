/**
 * The classroom zip (README "Offline"): the start page links a zip of the whole site, made at build time by
 * scripts/site-zip.ts, that holds the start page and every chapter under one folder.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { fromBuffer, type ZipFile } from 'yauzl';
import { writtenChapters } from './support';

/** The names of a zip's entries, read with yauzl. */
async function listing(zipBytes: Buffer): Promise<string[]> {
  const zip = await new Promise<ZipFile>((done, fail) => fromBuffer(zipBytes, { lazyEntries: true }, (e, z) => (e ? fail(e) : done(z))));
  return new Promise((done, fail) => {
    const names: string[] = [];
    zip.on('entry', (entry: { fileName: string }) => {
      names.push(entry.fileName);
      zip.readEntry();
    });
    zip.on('end', () => done(names));
    zip.on('error', fail);
    zip.readEntry();
  });
}

test('the start page links a zip of the whole site, with the start page, the glossary and every chapter', async ({ page }) => {
  await page.goto('/');
  const link = page.getByRole('link', { name: 'Download the whole site' });
  await expect(link.locator('..')).toContainText('python3 -m http.server');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('jwt-step-by-step.zip');
  const path = await download.path();
  const names = await listing(readFileSync(path));
  const expected = ['index.html', 'glossary/index.html', 'sw.js', ...writtenChapters.map((c) => `chapters/${c.slug}/index.html`)];
  for (const name of expected) expect(names, name).toContain(`jwt-step-by-step/${name}`);
  expect(names.some((name) => name.startsWith('jwt-step-by-step/pagefind/')), 'the search index').toBe(true);
  expect(names.filter((name) => name.includes('download/')), 'not the zip itself').toEqual([]);
});
