/**
 * Chapter 4's exercises, used as a learner would: each kind answered wrong (specific feedback, hints one at a
 * time, the worked solution) and right, by keyboard alone, and axe-clean with a wrong answer on screen. Expected
 * values are computed here with Node (Buffer, node:crypto), not read from the page.
 */
import { createHmac } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { GUIDE_HEADER, GUIDE_PAYLOAD } from '../../src/components/widgets/guide-example';
import { axeViolations, openWidget, useTheme } from './support';

const chapter = '/chapters/generating-a-token/';
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64url');
const hs256 = (header: string, payload: string, secret: string) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const bytes = Buffer.byteLength(GUIDE_PAYLOAD);
const chars = b64(GUIDE_PAYLOAD).length;

async function exercise(page: Page, id: string): Promise<{ widget: Locator; errors: string[] }> {
  return openWidget(page, chapter, `exercise-${id}`);
}

test('predict then reveal: a wrong count says what it implies, hints come one at a time, the right one is solved', async ({ page }) => {
  const { widget, errors } = await exercise(page, 'payload-length');
  await expect(widget.getByText(`This payload is ${bytes} bytes of UTF-8`)).toBeVisible();
  // The encoding is not shown before the learner commits to a number.
  await expect(widget.getByText(b64(GUIDE_PAYLOAD))).toHaveCount(0);
  await expect(widget.locator('[data-status]')).toHaveText('Not tried yet');

  const field = widget.getByLabel('Characters', { exact: true });
  await field.fill('seventy');
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText('Type a whole number of characters');
  await expect(widget.locator('[data-status]')).toHaveText('Not tried yet');

  await field.fill(String(bytes));
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toHaveText(`Not yet. ${bytes} is the number of bytes. Base64url writes 4 characters for every 3 bytes, so the text is about a third longer than the bytes.`);
  await expect(widget.getByText(b64(GUIDE_PAYLOAD), { exact: true })).toBeVisible();
  await expect(widget.locator('[data-status]')).toHaveText('Tried, not solved yet');

  await field.fill('43');
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText(`43 is too few: it is the length for 32 bytes, and this payload has ${bytes}.`);

  const hints = widget.getByRole('list', { name: 'Hints' }).getByRole('listitem');
  await widget.getByRole('button', { name: 'Show hint 1 of 3' }).click();
  await expect(hints).toHaveCount(1);
  await widget.getByRole('button', { name: 'Show hint 2 of 3' }).click();
  await expect(hints).toHaveCount(2);
  await expect(hints.nth(1)).toContainText(`${bytes} bytes are ${Math.floor(bytes / 3)} full groups of 3`);
  await widget.getByRole('button', { name: 'Show hint 3 of 3' }).click();
  await expect(hints).toHaveCount(3);
  await expect(widget.getByRole('button', { name: /Show hint/ })).toHaveCount(0);

  await widget.getByRole('button', { name: 'Show the worked solution' }).click();
  await expect(widget.locator('.solution')).toContainText(`In all, ${chars} characters.`);

  await field.fill(String(chars));
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText(`Solved. Right: ${chars} characters.`);
  await expect(widget.locator('[data-status]')).toHaveText('Solved');
  expect(errors).toEqual([]);
});

test('make it happen: the payload’s byte count decides, with how far it is from a whole group', async ({ page }) => {
  const { widget, errors } = await exercise(page, 'whole-groups');
  const field = widget.getByLabel('Payload', { exact: true });
  await expect(field).toHaveValue(GUIDE_PAYLOAD);

  const short = GUIDE_PAYLOAD.replace('John Doe', 'John Do');
  const n = Buffer.byteLength(short);
  await field.fill(short);
  await expect(widget.getByText(`Now: ${n} bytes, ${b64(short).length} base64url characters.`)).toBeVisible();
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText(`Your payload is ${n} bytes: ${n % 3} byte left over`);
  await expect(widget.locator('.verdict')).toContainText(`with ${b64(short).length * 6 - n * 8} spare bits. Add ${3 - (n % 3)} bytes or remove ${n % 3} byte.`);

  await field.fill('{"name":');
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText('The payload must stay a JSON object:');
  await expect(field).toHaveValue('{"name":'); // the learner's text stays

  await widget.getByRole('button', { name: 'Show the worked solution' }).click();
  const example = GUIDE_PAYLOAD.replace('John Doe', 'John Does');
  expect(Buffer.byteLength(example) % 3).toBe(0);
  await expect(widget.locator('.solution')).toContainText(example);

  await field.fill(GUIDE_PAYLOAD.replace('John Doe', 'John D'));
  expect(Buffer.byteLength(GUIDE_PAYLOAD.replace('John Doe', 'John D')) % 3).toBe(0);
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText('Solved.');
  await expect(widget.locator('[data-status]')).toHaveText('Solved');
  expect(errors).toEqual([]);
});

test('forge or refuse: the core’s verifier refuses a tampered token with the reason and accepts a re-signed one', async ({ page }) => {
  const { widget, errors } = await exercise(page, 'forge-ada');
  const field = widget.getByLabel('Token', { exact: true });
  const ada = GUIDE_PAYLOAD.replace('John Doe', 'Ada');
  const [h, , s] = hs256(GUIDE_HEADER, GUIDE_PAYLOAD, 'super-secret').split('.');

  await field.fill(`${h}.${b64(ada)}.${s}`);
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText('Refused: the signature is not the HMAC of this header and payload under "super-secret".');

  await field.fill(`${b64('{"alg":"none"}')}.${b64(ada)}.`);
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText('"none" means no signature at all');

  await widget.getByRole('button', { name: 'Show the worked solution' }).click();
  await expect(widget.locator('.solution')).toContainText(hs256(GUIDE_HEADER, ada, 'super-secret'));

  await field.fill(hs256(GUIDE_HEADER, ada, 'super-secret'));
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText('Solved. Accepted');
  await expect(widget.locator('[data-status]')).toHaveText('Solved');
  expect(errors).toEqual([]);
});

test('an exercise works from the keyboard alone', async ({ page }) => {
  const { widget } = await exercise(page, 'payload-length');
  // pages.spec.ts checks that Tab reaches every control; from the field on, only keys are used here.
  await widget.getByLabel('Characters', { exact: true }).focus();
  await page.keyboard.type(String(chars));
  await page.keyboard.press('Enter');
  await expect(widget.locator('.verdict')).toContainText('Solved.');
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: 'Show hint 1 of 3' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);
  // The button moves on to the next hint and keeps the focus.
  await expect(widget.getByRole('button', { name: 'Show hint 2 of 3' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(widget.locator('.solution')).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`chapter 4 with a wrong answer on screen passes axe in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await useTheme(page, theme);
    const { widget } = await exercise(page, 'payload-length');
    await widget.getByLabel('Characters', { exact: true }).fill('43');
    await widget.getByRole('button', { name: 'Check' }).click();
    await widget.getByRole('button', { name: 'Show hint 1 of 3' }).click();
    await widget.getByRole('button', { name: 'Show the worked solution' }).click();
    await expect(widget.locator('.verdict.wrong')).toBeVisible();
    const forge = page.locator('[data-widget="exercise-forge-ada"]');
    await forge.scrollIntoViewIfNeeded();
    await expect(forge).toHaveAttribute('data-hydrated', 'true');
    await forge.getByLabel('Token', { exact: true }).fill('abc');
    await forge.getByRole('button', { name: 'Check' }).click();
    await expect(forge.locator('.verdict.wrong')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
