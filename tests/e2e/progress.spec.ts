/**
 * Progress as a learner meets it: it survives a reload and reaches other tabs; the start page marks each chapter
 * and counts exercises; corrupt stored data is reported and set aside; progress saved before an exercise was
 * added keeps what it had; export then import on a fresh browser restores it; a bad file is refused with a
 * specific message; Reset asks first; blocked storage still lets a learner work. Answers come from Node.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { GUIDE_PAYLOAD } from '../../src/components/widgets/guide-example';
import { plannedChapters } from '../../src/data/chapters';
import { axeViolations, openWidget, useTheme } from './support';

const KEY = 'jwt-step-by-step/progress';
const ASIDE = 'jwt-step-by-step/progress-set-aside';
const chapter = '/chapters/generating-a-token/';
const declared = plannedChapters.find((c) => c.slug === 'generating-a-token')!.exercises!;
const total = plannedChapters.reduce((sum, c) => sum + (c.exercises?.length ?? 0), 0);
/** A chapter with no exercises yet, whichever that is now (written or not): it has nothing to mark. */
const withoutExercises = plannedChapters.find((c) => (c.exercises?.length ?? 0) === 0);
const chars = Buffer.from(GUIDE_PAYLOAD).toString('base64url').length;

async function solvePrediction(page: Page): Promise<void> {
  const { widget, errors } = await openWidget(page, chapter, 'exercise-payload-length');
  await widget.getByLabel('Characters', { exact: true }).fill(String(chars));
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('[data-status]')).toHaveText('Solved');
  expect(errors).toEqual([]);
}

/**
 * Stores a progress value as it is, from the glossary: a page that reads no progress. From the start page, its
 * panel could still be hydrating (client:idle, late on a busy machine) and set the value aside before the test
 * reloads to watch that happen.
 */
async function storeRaw(page: Page, value: string): Promise<void> {
  await page.goto('glossary/');
  await page.evaluate(([key, raw]) => localStorage.setItem(key!, raw!), [KEY, value]);
}

async function startPage(page: Page) {
  await page.goto('/');
  const panel = page.locator('[data-progress-panel]');
  await expect(panel).toHaveAttribute('data-hydrated', 'true');
  const mark = page.locator('.chapter-list li').filter({ hasText: 'Making a token' }).locator('[data-progress]');
  return { panel, mark };
}

test('progress survives a reload and shows on the start page', async ({ page }) => {
  await solvePrediction(page);
  await page.reload();
  const widget = page.locator('[data-widget="exercise-payload-length"]');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('[data-status]')).toHaveText('Solved');

  const { panel, mark } = await startPage(page);
  await expect(mark).toHaveText(`In progress: 1 of ${declared.length} exercises`);
  // A chapter without exercises has nothing to mark (once every chapter has exercises, there is none to look at).
  if (withoutExercises) {
    await expect(page.locator('.chapter-list li').filter({ hasText: withoutExercises.title }).locator('[data-progress]')).toHaveCount(0);
  }
  await expect(panel).toContainText(`1 of ${total} exercises done`);
});

test('the chapter menu marks progress, opening a chapter starts it, and a solved exercise counts at once', async ({ page }) => {
  await page.goto('/');
  const startMark = page.locator('.chapter-list li').filter({ hasText: 'Making a token' }).locator('[data-progress]');
  await expect(startMark).toHaveText('Not started');

  await page.goto(chapter);
  const menuMark = page.locator('nav[aria-label="Chapters"] li').filter({ hasText: 'Making a token' }).locator('[data-progress]');
  await expect(menuMark).toHaveAttribute('data-progress', 'in-progress');
  await expect(menuMark.locator('[aria-hidden="true"]')).toHaveText(`0/${declared.length}`);
  await expect(menuMark.locator('.visually-hidden')).toHaveText(`In progress: 0 of ${declared.length} exercises`);
  // A chapter not started has no mark in the narrow menu.
  await expect(page.locator('nav[aria-label="Chapters"] [data-progress-mark]').filter({ visible: true })).toHaveCount(1);

  await solvePrediction(page);
  await expect(menuMark.locator('[aria-hidden="true"]')).toHaveText(`1/${declared.length}`);
  await page.goto('/');
  await expect(startMark).toHaveText(`In progress: 1 of ${declared.length} exercises`);
});

test('another tab sees new progress without a reload', async ({ page, context }) => {
  const { mark } = await startPage(page);
  await expect(mark).toHaveText('Not started');
  await solvePrediction(await context.newPage());
  await expect(mark).toHaveText(`In progress: 1 of ${declared.length} exercises`);
});

test('corrupt stored progress is reported, set aside, and the page still works', async ({ page }) => {
  await storeRaw(page, '{"version":1,"chapters":');
  const { panel, mark } = await startPage(page);
  await expect(panel.locator('.error')).toContainText('Saved progress: The saved progress is not valid JSON');
  await expect(panel.locator('.error')).toContainText(`kept under "${ASIDE}"`);
  await expect(mark).toHaveText('Not started');
  expect(await page.evaluate(([key, aside]) => [localStorage.getItem(key!), localStorage.getItem(aside!)], [KEY, ASIDE])).toEqual([null, '{"version":1,"chapters":']);

  await solvePrediction(page);
  const stored = JSON.parse((await page.evaluate(([key]) => localStorage.getItem(key!), [KEY]))!);
  expect(stored.chapters['generating-a-token'].exercises['payload-length'].state).toBe('done');
});

test('a stored progress from a newer version is set aside, not overwritten', async ({ page }) => {
  const newer = JSON.stringify({ version: 99, chapters: {} });
  await storeRaw(page, newer);
  const { panel } = await startPage(page);
  await expect(panel.locator('.error')).toContainText('saved by a newer version of this site (progress version 99');
  expect(await page.evaluate(([aside]) => localStorage.getItem(aside!), [ASIDE])).toBe(newer);
});

test('progress saved before an exercise was added keeps what it had, and the chapter is in progress again', async ({ page }) => {
  // As a build with only the first two exercises (and one since retired) would have stored it.
  const at = '2026-12-01T10:00:00.000Z';
  const before = {
    version: 1,
    chapters: {
      'generating-a-token': {
        visited: true,
        exercises: { [declared[0]!]: { state: 'done', at }, [declared[1]!]: { state: 'done', at }, 'a-retired-one': { state: 'tried', at } },
      },
    },
  };
  await storeRaw(page, JSON.stringify(before));
  const { panel, mark } = await startPage(page);
  await expect(panel.locator('.error')).toHaveCount(0);
  await expect(mark).toHaveText(`In progress: 2 of ${declared.length} exercises`);

  const { widget } = await openWidget(page, chapter, `exercise-${declared[1]}`);
  await expect(widget.locator('[data-status]')).toHaveText('Solved');
  const stored = JSON.parse((await page.evaluate(([key]) => localStorage.getItem(key!), [KEY]))!);
  expect(stored).toEqual(before);
});

test('export, then import on a fresh browser, restores the progress', async ({ page, browser }) => {
  await solvePrediction(page);
  const { panel } = await startPage(page);
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toBe('jwt-step-by-step-progress.json');
  const text = readFileSync((await download.path())!, 'utf8');
  const file = JSON.parse(text);
  expect(file.format).toBe('jwt-step-by-step-progress');
  expect(file.chapters['generating-a-token'].exercises['payload-length'].state).toBe('done');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const { panel: otherPanel, mark } = await startPage(other);
  await expect(mark).toHaveText('Not started');
  await otherPanel.getByLabel('Import a progress file').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(otherPanel.getByRole('status')).toHaveText("Imported progress.json: your progress is now the file's.");
  await expect(mark).toHaveText(`In progress: 1 of ${declared.length} exercises`);
  const { widget } = await openWidget(other, chapter, 'exercise-payload-length');
  await expect(widget.locator('[data-status]')).toHaveText('Solved');
  await fresh.close();
});

test('a bad import file is refused with a message that says what is wrong and where', async ({ page }) => {
  const { panel } = await startPage(page);
  const input = panel.getByLabel('Import a progress file');
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(panel.locator('.error')).toContainText('Import refused: notes.txt: This file is not valid JSON');
  const unknown = { format: 'jwt-step-by-step-progress', version: 1, chapters: { 'no-such-chapter': { visited: true, exercises: {} } } };
  await input.setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(unknown)) });
  await expect(panel.locator('.error')).toContainText('chapters["no-such-chapter"]: this course has no chapter "no-such-chapter"');
  await expect(panel).toContainText(`0 of ${total} exercises done`);
});

test('reset asks first, and can be cancelled', async ({ page }) => {
  await solvePrediction(page);
  const { panel, mark } = await startPage(page);
  await panel.getByRole('button', { name: 'Reset…' }).click();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(mark).toHaveText(`In progress: 1 of ${declared.length} exercises`);
  await panel.getByRole('button', { name: 'Reset…' }).click();
  await panel.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(mark).toHaveText('Not started');
  await expect(panel).toContainText(`0 of ${total} exercises done`);
  expect(await page.evaluate(([key]) => localStorage.getItem(key!), [KEY])).toBeNull();
});

test('where storage is blocked, exercises still work and a note says progress is not kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const { widget, errors } = await openWidget(page, chapter, 'exercise-payload-length');
  await expect(widget.locator('.note')).toContainText('kept only until you leave this page');
  await widget.getByLabel('Characters', { exact: true }).fill(String(chars));
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('[data-status]')).toHaveText('Solved');
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the start page with progress, a refused import and a pending reset passes axe in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await useTheme(page, theme);
    await solvePrediction(page);
    const { panel } = await startPage(page);
    await page.locator('[data-progress]').first().waitFor();
    await panel.getByLabel('Import a progress file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('[]') });
    await expect(panel.locator('.error')).toBeVisible();
    await panel.getByRole('button', { name: 'Reset…' }).click();
    expect(await axeViolations(page)).toEqual([]);
  });
}
