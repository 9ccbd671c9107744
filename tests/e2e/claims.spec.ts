/**
 * Chapter 2's claims inspector, used as a learner would, by keyboard: each claim explained in order, dates
 * against a clock the test fixes, and warnings at the claim they are about (milliseconds, a name written twice,
 * personal data), bad JSON named at its line and column with the text kept. Expected values are computed here.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { plannedChapters } from '../../src/data/chapters';
import { axeViolations, openWidget, useTheme } from './support';

const PATH = '/chapters/claims/';
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
const EXP = 1900000000;

async function inspector(page: Page): Promise<{ widget: Locator; field: Locator; errors: string[] }> {
  const { widget, errors } = await openWidget(page, PATH, 'claims-inspector');
  return { widget, field: widget.getByLabel('Payload (JSON): edit it, or paste your own'), errors };
}

/** Replaces the field's text by typing, as a learner does (select all, then type). */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
}

test('lists every claim in order, with its kind, its dates against the clock and the payload’s size', async ({ page }) => {
  // Three days before the example's exp: the relative dates are measured against this clock.
  await page.clock.setFixedTime(new Date((EXP - 3 * 86400) * 1000));
  const { widget, field, errors } = await inspector(page);
  const text = await field.inputValue();
  const names = Object.keys(JSON.parse(text) as object);
  await expect(widget.locator('[data-claim]')).toHaveCount(names.length);
  expect(await widget.locator('[data-claim] .name').allTextContents()).toEqual(names);
  await expect(widget.locator('[data-claim="exp"] .kind')).toHaveText('registered');
  await expect(widget.locator('[data-claim="https://example.com/claims/department"] .kind')).toHaveText('public');
  await expect(widget.locator('[data-claim="role"] .kind')).toHaveText('private');
  const exp = widget.locator('[data-claim="exp"]');
  await expect(exp.locator('summary')).toContainText('Expiration Time');
  // What it is and how it is checked, opened from the keyboard.
  await exp.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(exp.getByText('A careful server: refused at or after this moment, with a small clock tolerance.')).toBeVisible();
  await expect(exp.locator('[data-utc]')).toHaveText(iso(EXP));
  await expect(exp.locator('[data-relative]')).toHaveText('in 3 days');
  const bytes = Buffer.byteLength(text);
  await expect(widget.locator('[data-size]')).toContainText(`${bytes} bytes as typed, ${Buffer.from(text).toString('base64url').length} base64url characters in a token`);
  expect(errors).toEqual([]);
});

test('exp in milliseconds is flagged at exp with the year it names', async ({ page }) => {
  const { widget, field, errors } = await inspector(page);
  const ms = EXP * 1000;
  const text = (await field.inputValue()).replace(`"exp": ${EXP}`, `"exp": ${ms}`);
  await typeInto(field, text);
  const exp = widget.locator('[data-claim="exp"]');
  await expect(exp.locator('.note.warning')).toContainText(`This reads as the year ${new Date(ms * 1000).getUTCFullYear().toLocaleString('en')}: it looks like milliseconds`);
  await expect(exp.locator('[data-utc]')).toHaveText(iso(ms));
  await expect(widget.locator('[data-claim="iss"] .note.warning')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a name written twice is reported at both places and at its claim', async ({ page }) => {
  const { widget, field, errors } = await inspector(page);
  const text = (await field.inputValue()).replace('"role": "editor"', '"role": "editor",\n  "role": "admin"');
  await field.fill(text);
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.includes('"role": "editor"')) + 1;
  const second = lines.findIndex((l) => l.includes('"role": "admin"')) + 1;
  await expect(widget.getByText('A name written twice:')).toBeVisible();
  const role = widget.locator('[data-claim="role"]');
  await expect(role.locator('.note.warning')).toContainText(`Warning (line ${second}, column 3): "role" is written twice, at line ${first}, column 3 and at line ${second}, column 3.`);
  // What JSON.parse keeps is shown.
  await expect(role.locator('.value')).toHaveText(JSON.stringify((JSON.parse(text) as { role: string }).role));

  // Written twice inside another claim's object: the warning is that claim's, not the top-level "role"'s.
  const nested = (await field.inputValue()).replace('"role": "editor",\n  "role": "admin"', '"role": "editor",\n  "team": { "role": "a", "role": "b" }');
  await field.fill(nested);
  await expect(widget.locator('[data-claim="team"] .note.warning')).toContainText('Inside this claim, "role" is written twice');
  await expect(role.locator('.note.warning')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('bad JSON is named at its line, column and character, and the text is kept', async ({ page }) => {
  const { widget, field, errors } = await inspector(page);
  const text = (await field.inputValue()).replace('"user-4821",', '"user-4821"');
  await field.fill(text);
  const line = text.split('\n').findIndex((l) => l.includes('"aud"')) + 1;
  await expect(widget.locator('[data-problem]')).toContainText(`Line ${line}, column 3 of the payload: expected "," or "}" after a member, but found`);
  await expect(widget.locator('[data-problem] mark')).toHaveText('"');
  await expect(field).toHaveValue(text);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.locator('[data-claim]')).toHaveCount(0);
  // Put the comma back: the claims return.
  await field.fill(text.replace('"user-4821"', '"user-4821",'));
  await expect(widget.locator('[data-claim="sub"]')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  expect(errors).toEqual([]);
});

test('personal data and a wrong aud are flagged at their claims; passes axe in both themes', async ({ page }) => {
  const { widget, field, errors } = await inspector(page);
  await field.fill('{\n  "sub": "ada@example.com",\n  "aud": 42,\n  "exp": "1900000000"\n}');
  await expect(widget.locator('[data-claim="sub"] .note.warning')).toContainText('looks like an e-mail address, which is personal data: anyone holding the token can base64url-decode this; a signature hides nothing.');
  await expect(widget.locator('[data-claim="aud"] .note.warning')).toContainText('aud must be a string or a list of strings, but this is a number');
  await expect(widget.locator('[data-claim="exp"] .note.warning')).toContainText('Write 1900000000 without the quotes');
  for (const theme of ['light', 'dark'] as const) {
    await useTheme(page, theme);
    expect(await axeViolations(page), theme).toEqual([]);
  }
  expect(errors).toEqual([]);
});

test('presenter mode focuses into the inspector, and the keyboard reaches its field', async ({ page }) => {
  await page.goto(`${PATH}?present`);
  await expect(page.getByRole('complementary', { name: 'Presenter' })).toBeVisible();
  const widget = page.locator('[data-widget="claims-inspector"]');
  await page.keyboard.press('n');
  await expect(widget).toHaveAttribute('data-presented', '');
  await expect(widget).toHaveAttribute('data-hydrated', 'true');
  await expect.poll(() => widget.evaluate((w) => w.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Tab');
  const field = widget.getByLabel('Payload (JSON): edit it, or paste your own');
  await expect(field).toBeFocused();
  // A key typed into the field stays the field's.
  await field.press('End');
  await field.press('n');
  await expect(widget).toHaveAttribute('data-presented', '');
  await expect(field).toHaveValue(/n$/);
});

test('works without WebCrypto (a page served over http), and says nothing about it', async ({ page }) => {
  await page.addInitScript(() => delete (Crypto.prototype as { subtle?: SubtleCrypto }).subtle);
  const { widget, field, errors } = await inspector(page);
  expect(await page.evaluate(() => globalThis.crypto.subtle)).toBeUndefined();
  await field.fill('{"jti":"a-1","nbf":0}');
  await expect(widget.locator('[data-claim="nbf"] [data-utc]')).toHaveText(iso(0));
  await expect(widget.getByText('This browser offers no WebCrypto here')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('"Follow me" names the inspector by a code, and its link brings a student to it', async ({ page, browser }) => {
  await page.goto(`${PATH}?present`);
  const widget = page.locator('[data-widget="claims-inspector"]');
  await page.keyboard.press('n');
  await expect(widget).toHaveAttribute('data-presented', '');
  await page.keyboard.press('f');
  const chapter = plannedChapters.findIndex((c) => c.slug === 'claims') + 1;
  await expect(page.getByText(`${chapter}-1-1`, { exact: true })).toBeVisible();
  const student = await browser.newPage();
  await student.goto(`${PATH}#follow=1-1`);
  const followed = student.locator('[data-widget="claims-inspector"]');
  await expect(followed).toHaveAttribute('data-hydrated', 'true');
  await expect(followed).toBeInViewport();
  await student.close();
});
