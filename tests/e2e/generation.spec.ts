/** Chapter 4's generation visualizer, used as a learner would: editing JSON and the secret, stepping through. */
import { createHmac } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { editInputs } from './inputs';
import { playsToTheEnd } from './stepper';
import { openWidget } from './support';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
/** An independent HS256 (node:crypto), to check what the page shows. */
const hs256 = (header: string, payload: string, secret: string | Buffer) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};

async function open(page: Page) {
  const { widget, errors } = await openWidget(page, 'chapters/generating-a-token/', 'generation-visualizer');
  return {
    widget,
    errors,
    header: widget.getByLabel('Header (JSON)'),
    payload: widget.getByLabel('Payload (JSON)'),
    token: widget.locator('.output > .long .token'),
    position: widget.locator('.position'),
  };
}

test("computes the guide's token with the real signature", async ({ page }) => {
  const { token, errors } = await open(page);
  const expected = hs256('{"alg":"HS256","typ":"JWT"}', '{"name":"John Doe","iat":1687716785,"exp":1741651200}', 'super-secret');
  await expect(token).toHaveText(expected);
  expect(expected.endsWith('Vwrb-zbkQiDAoS3hejME3pWooCHUyv1vb0PLLBTeWJQ')).toBe(true);
  expect(errors).toEqual([]);
});

for (const [name, payload] of [
  ['ASCII', '{"sub":"ada","admin":true}'],
  ['multi-byte unicode', '{"name":"Zoë 日本 🎉"}'],
  ['an empty object', '{}'],
] as const) {
  test(`shows the bytes of ${name} and the token they make`, async ({ page }) => {
    const { widget, payload: field, token, position } = await open(page);
    await field.fill(payload);
    await expect(token).toHaveText(hs256('{"alg":"HS256","typ":"JWT"}', payload, 'super-secret'));
    await widget.getByRole('button', { name: /Payload → UTF-8/ }).click();
    await expect(position).toContainText('Payload → UTF-8');
    const bytes = Buffer.byteLength(payload);
    // Characters as a person sees them (grapheme clusters); JavaScript's length is named only where it differs.
    const seen = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(payload)].length;
    const explanation = widget.locator('.explanation');
    await expect(explanation).toContainText(`Your ${seen} payload character${seen === 1 ? '' : 's'}`);
    await expect(explanation).toContainText(`become ${bytes} UTF-8 byte`);
    if (payload.length !== seen) await expect(explanation).toContainText(`${payload.length} UTF-16 code units`);
    // Each character's bytes, as node:crypto's Buffer writes them.
    const grid = widget.getByRole('grid');
    for (const char of [...payload].filter((c) => c.codePointAt(0)! > 0x7f)) {
      const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      await expect(grid).toContainText(codePoint);
      await expect(grid).toContainText(Buffer.from(char).toString('hex').replace(/(..)(?!$)/g, '$1 '));
    }
    await widget.getByRole('button', { name: /Payload → base64url/ }).click();
    await expect(widget.locator('.explanation')).toContainText(`become ${b64(payload).length} base64url characters`);
  });
}

test('keeps the last good token, marked out of date, while the JSON is broken', async ({ page }) => {
  const { widget, payload, token } = await open(page);
  const before = await token.textContent();
  await payload.fill('{"sub":"ada",\n "sub":"eve"}');
  await expect(widget).toContainText('The payload has the member "sub" twice');
  await expect(widget.locator('.line mark')).toHaveText('"');
  await expect(widget).toContainText('Out of date');
  await expect(token).toHaveText(before!);
  await expect(payload).toHaveValue('{"sub":"ada",\n "sub":"eve"}');
  await payload.fill('{"sub":"ada"}');
  await expect(widget).not.toContainText('Out of date');
  await expect(token).toHaveText(hs256('{"alg":"HS256","typ":"JWT"}', '{"sub":"ada"}', 'super-secret'));
});

test('steps through every stage with the keyboard, and stays on the stage while editing', async ({ page }) => {
  const { widget, payload, position } = await open(page);
  await widget.getByRole('button', { name: 'Forward →' }).focus();
  await page.keyboard.press('Home');
  await expect(position).toContainText('Stage 1 of 10: Header → UTF-8');
  for (let i = 2; i <= 10; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(position).toContainText(`Stage ${i} of 10`);
  }
  await expect(position).toContainText('Token');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(position).toContainText('Stage 8 of 10: Outer hash');
  // Stepping folded the inputs away: the learner unfolds them to edit, and stays on the stage.
  await editInputs(widget);
  await payload.fill('{"changed":true}');
  await expect(widget.locator('.explanation')).toContainText('These 32 bytes are the HMAC');
  await expect(position).toContainText('Stage 8 of 10: Outer hash');
  await widget.getByRole('button', { name: 'Forward →' }).focus();
  await page.keyboard.press('End');
  await expect(position).toContainText('Stage 10 of 10');
});

test('plays from the first stage to the last and stops there', async ({ page }) => {
  const { widget } = await open(page);
  await playsToTheEnd(page, widget);
});

test('with reduced motion nothing plays by itself, and the keys still step', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { widget, position } = await open(page);
  await expect(widget.getByRole('button', { name: 'Play' })).toHaveCount(0);
  await expect(widget.getByLabel('Speed')).toHaveCount(0);
  await expect(widget.getByText('Keys: ← → Home End', { exact: true })).toBeVisible();
  await widget.getByRole('button', { name: 'Copy token' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(position).toContainText('Stage 2 of 10');
});

test('the stage keys work from any control in the widget that does not use them itself', async ({ page }) => {
  const { widget, payload, position } = await open(page);
  await expect(widget.getByText(/^Keys: ← → Home End/)).toBeVisible();
  // A button outside the stepper: arrows, Home and End move the stepper.
  await widget.getByRole('button', { name: 'Copy token' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(position).toContainText('Stage 2 of 10');
  await page.keyboard.press('End');
  await expect(position).toContainText('Stage 10 of 10');
  await page.keyboard.press('Home');
  await expect(position).toContainText('Stage 1 of 10');
  // In the JSON field (unfolded again after stepping) an arrow moves the caret, not the stepper.
  await editInputs(widget);
  await payload.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('~');
  await expect(payload).toHaveValue(/^\{"~name"/);
  await expect(position).toContainText('Stage 1 of 10');
  // In a radio group the arrows choose: the secret is read as base64url, the stepper stays.
  await widget.getByRole('radio', { name: 'UTF-8 text' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(widget.getByRole('radio', { name: 'base64url bytes' })).toBeChecked();
  await expect(position).toContainText('Stage 1 of 10');
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true });

  test('the keyboard hint is not shown', async ({ page }) => {
    const { widget } = await open(page);
    await expect(widget.getByRole('button', { name: 'Forward →' })).toBeVisible();
    await expect(widget.getByText(/^Keys: ← → Home End/)).toBeHidden();
  });
});

test('copies the token', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { widget, token } = await open(page);
  await widget.getByRole('button', { name: 'Copy token' }).click();
  await expect(widget).toContainText('Copied the token.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await token.textContent());
});

test('the secret switch: "super-secret" read as base64url gives the signature printed in the guide', async ({ page }) => {
  const { widget, header, token } = await open(page);
  await widget.getByLabel('base64url bytes').check();
  await expect(widget).toContainText('9 bytes');
  await expect(token).toContainText('zrwE8dR_RbbkjKsxul-U8cL9FUcMjeCvOSnk6obd0Xo');
  const secret = widget.getByLabel('Secret', { exact: true });
  await secret.fill('super=secret');
  await expect(widget).toContainText('"="');
  await expect(widget).toContainText('Out of date');
  await expect(secret).toHaveValue('super=secret');
  await widget.getByLabel('UTF-8 text').check();
  await secret.fill('a much longer secret of at least thirty-two bytes');
  await header.fill('{"alg":"HS384","typ":"JWT"}');
  await expect(token).toHaveText(
    (() => {
      const input = `${b64('{"alg":"HS384","typ":"JWT"}')}.${b64('{"name":"John Doe","iat":1687716785,"exp":1741651200}')}`;
      return `${input}.${createHmac('sha384', 'a much longer secret of at least thirty-two bytes').update(input).digest('base64url')}`;
    })(),
  );
});

test.describe('a 200 KB payload', () => {
  const header = '{"alg":"HS256","typ":"JWT"}';
  const payload = JSON.stringify({ sub: 'ada', note: 'x'.repeat(200_000) });

  test('keeps every stage within a screen of its usual height, with the token shortened and correct', async ({ page }) => {
    // Twenty stages drawn, ten of them from 200 KB: a minute or more on a loaded 2-core machine.
    test.setTimeout(150_000);
    const { widget, payload: field, token, position, errors } = await open(page);
    const forward = widget.getByRole('button', { name: 'Forward →' });
    /** The widget's height at each of the ten stages, walked with the keyboard. */
    const heights = async () => {
      const seen: number[] = [];
      await forward.focus();
      await page.keyboard.press('Home');
      for (let stage = 1; stage <= 10; stage++) {
        await expect(position).toContainText(`Stage ${stage} of 10`);
        // A stage's view downloads when first shown; until then the one before stands in, marked busy.
        await expect(widget.locator('[aria-busy="true"]')).toHaveCount(0);
        seen.push((await widget.boundingBox())!.height);
        await page.keyboard.press('ArrowRight');
      }
      return seen;
    };
    const usual = await heights();

    await editInputs(widget);
    await field.fill(payload);
    const expected = hs256(header, payload, 'super-secret');
    const [h, p, s] = expected.split('.') as [string, string, string];
    // Each part keeps both ends; the signature is short enough to read whole.
    await expect(token).toHaveText(`${h}.${p.slice(0, 60)}…${p.slice(-60)}.${s}`);
    const long = widget.locator('.output > .long');
    await expect(long.getByRole('button', { name: 'Show all' })).toHaveAccessibleName(
      `Show all ${expected.length.toLocaleString('en-US')} characters of the token`,
    );
    await expect(long).toContainText(`(${(p.length - 120).toLocaleString('en-US')} characters hidden)`);

    const screen = page.viewportSize()!.height;
    const large = await heights();
    large.forEach((height, i) => expect(height, `stage ${i + 1}`).toBeLessThan(usual[i]! + screen));
    await forward.scrollIntoViewIfNeeded();
    await expect(forward).toBeInViewport();

    await long.getByRole('button', { name: 'Show all' }).click();
    await expect(token).toHaveText(expected);
    await long.getByRole('button', { name: 'Show less' }).click();
    await expect(token).toHaveText(`${h}.${p.slice(0, 60)}…${p.slice(-60)}.${s}`);
    expect(errors).toEqual([]);
  });

  test('a JSON error on a 200 KB line shows the line around the error only', async ({ page }) => {
    const { widget, payload: field } = await open(page);
    const broken = `${payload.slice(0, -1)},}`;
    await field.fill(broken);
    const line = widget.locator('pre.line');
    await expect(line.locator('mark')).toBeVisible();
    await expect(line).toContainText('xxxx",}');
    // The line number, at most 40 characters either side of the mark, and a gap where the line was cut.
    expect((await line.textContent())!.length).toBeLessThan(100);
    await expect(field).toHaveValue(broken);
  });
});
