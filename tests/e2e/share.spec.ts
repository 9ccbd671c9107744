/**
 * Shareable state as a learner and a teacher use it: "Copy a link to this" puts a widget's inputs and stage in
 * the fragment, opening the link restores them exactly, the secret stays out unless the learner ticks the box
 * (which warns what it shares), and a bad or hostile link is refused with a message, the widget on its defaults.
 * Expected tokens come from Node.
 */
import { createHmac } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET } from '../../src/components/widgets/guide-example';
import { axeViolations, builtPages, hydrateIslands, openWidget } from './support';

const CHAPTER = 'chapters/generating-a-token/';
const NAME = 'generation-visualizer';

function hs256(header: string, payload: string, secret: string): string {
  const input = `${Buffer.from(header).toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

async function open(page: Page, hash = '') {
  const { widget, errors } = await openWidget(page, `${CHAPTER}${hash}`, NAME);
  return {
    widget,
    errors,
    payload: widget.getByLabel('Payload (JSON)'),
    secret: widget.getByLabel('Secret', { exact: true }),
    token: widget.locator('.output > .long .token'),
    position: widget.locator('.position'),
  };
}

/** Edits the payload and the secret, moves to the HMAC's first stage, and copies a link; returns the link. */
async function makeLink(page: Page, includeSecret: boolean): Promise<{ link: string; payload: string; stage: string }> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const { widget, payload, secret, position } = await open(page);
  const edited = '{"sub":"ada","name":"Zoë 🎉"}';
  await payload.fill(edited);
  await secret.fill('a classroom secret');
  await widget.getByRole('button', { name: /^HMAC/ }).first().click();
  const stage = (await position.textContent())!;
  expect(stage).toMatch(/^Stage \d+ of \d+/);
  const include = widget.getByRole('checkbox', { name: 'Include the secret' });
  await expect(include).not.toBeChecked();
  if (includeSecret) {
    await include.check();
    await expect(widget.locator('.share .warning')).toContainText('readable by anyone who gets it');
  }
  await widget.getByRole('button', { name: 'Copy a link to this' }).click();
  await expect(widget.locator('.share [role="status"]')).toHaveText(
    `Copied a link to this widget as it is now, ${includeSecret ? 'with' : 'without'} the secret.`,
  );
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(new URL(link).hash).toMatch(new RegExp(`^#share=${NAME}\\.[A-Za-z0-9_-]+$`));
  return { link, payload: edited, stage };
}

test('a copied link restores the inputs and the stage, and leaves the secret out', async ({ page, browser }) => {
  const { link, payload, stage } = await makeLink(page, false);
  // The fragment holds no trace of the secret, even encoded.
  const state = Buffer.from(new URL(link).hash.split('.')[1]!, 'base64url').toString();
  expect(state).not.toContain('classroom');

  const other = await browser.newPage();
  const opened = await open(other, new URL(link).hash);
  await expect(opened.position).toHaveText(stage);
  await expect(opened.payload).toHaveValue(payload);
  await expect(opened.secret).toHaveValue(GUIDE_SECRET);
  await expect(opened.widget.locator('[data-link-note]')).toContainText('The link left out the secret');
  await expect(opened.token).toHaveText(hs256(GUIDE_HEADER, payload, GUIDE_SECRET));
  // The widget is where the link points, not the top of the page.
  await expect(opened.widget).toBeInViewport();
  // What the learner types next is theirs: the link is not applied again over it.
  await opened.widget.locator('details.inputs-fold > summary').getByText('Edit').click();
  await opened.payload.fill('{"sub":"mine"}');
  await expect(opened.token).toHaveText(hs256(GUIDE_HEADER, '{"sub":"mine"}', GUIDE_SECRET));
  await expect(opened.payload).toHaveValue('{"sub":"mine"}');
  expect(opened.errors).toEqual([]);
  await other.close();
});

test('with "Include the secret" ticked, the link restores the secret too', async ({ page, browser }) => {
  const { link, payload } = await makeLink(page, true);
  const other = await browser.newPage();
  const opened = await open(other, new URL(link).hash);
  await expect(opened.secret).toHaveValue('a classroom secret');
  await expect(opened.token).toHaveText(hs256(GUIDE_HEADER, payload, 'a classroom secret'));
  await expect(opened.widget.locator('[data-link-note]')).toHaveCount(0);
  await other.close();
});

const handmade = (json: string) => `#share=${NAME}.${Buffer.from(json).toString('base64url')}`;
const huge = handmade(JSON.stringify({ payload: 'x'.repeat(120_000) }));

for (const [what, hash, message] of [
  ['cut short', handmade('{"payload":"{\\"sub\\":\\"ada\\"}"}').slice(0, -5), 'Its state is not base64url-encoded JSON; the link may have been cut short or changed'],
  ['of the wrong type', handmade('{"payload":42}'), '"payload" should be text, but it is the number 42'],
  ['huge', huge, `Its state is ${(huge.length - `#share=${NAME}.`.length).toLocaleString('en-US')} characters long, more than the 100,000 a link to a widget may hold`],
  ['an unknown setting', handmade('{"onload":"alert(1)"}'), '"onload" is not a setting of this widget'],
] as const) {
  test(`a link whose state is ${what} is refused with a message, the widget on its example`, async ({ page }) => {
    const { widget, payload, token, errors } = await open(page, hash);
    await expect(widget.locator('[data-link-note]')).toHaveText(`Link not used: ${message}. The widget shows its own example instead.`);
    await expect(payload).toHaveValue(GUIDE_PAYLOAD);
    await expect(token).toHaveText(hs256(GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET));
    expect(errors).toEqual([]);
  });
}

test('a link opened in a tab already showing the page is applied, though only the hash changes', async ({ page }) => {
  const { payload, token, errors } = await open(page);
  await payload.fill('{"sub":"typed before the link"}');
  const sent = '{"sub":"from the teacher"}';
  // A mark on this document: still there after the link, so the page was not loaded again.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.goto(`${CHAPTER}${handmade(JSON.stringify({ payload: sent }))}`);
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
  await expect(payload).toHaveValue(sent);
  await expect(token).toHaveText(hs256(GUIDE_HEADER, sent, GUIDE_SECRET));
  expect(errors).toEqual([]);
});

test('script text in a link is restored as text, and nothing runs', async ({ page }) => {
  const script = '{"name":"<img src=x onerror=alert(1)><script>alert(2)</script>"}';
  page.on('dialog', () => {
    throw new Error('a dialog opened');
  });
  const { widget, payload, token, errors } = await open(page, handmade(JSON.stringify({ payload: script })));
  await expect(payload).toHaveValue(script);
  await expect(token).toHaveText(hs256(GUIDE_HEADER, script, GUIDE_SECRET));
  await expect(widget.locator('img, script')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the share controls pass axe with the warning shown', async ({ page }) => {
  const { widget } = await open(page);
  await widget.getByRole('checkbox', { name: 'Include the secret' }).check();
  expect(await axeViolations(page)).toEqual([]);
});

/** The fields a learner types into. */
const FIELDS = 'textarea, input[type="text"], input[type="number"]';

/**
 * Every widget that offers a link, on every chapter: its first text field changed and its stepper (if any) moved
 * on, the link restores both in a fresh browser. New widgets that pass `share` to WidgetFrame are covered here.
 */
for (const path of builtPages('dist').filter((p) => p.startsWith('chapters/'))) {
  test(`/${path}: every widget's link restores its first field and its stage`, async ({ page, browser }) => {
    test.setTimeout(120_000);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(path);
    await hydrateIslands(page);
    const widgets = page.locator('[data-widget]').filter({ has: page.getByRole('button', { name: 'Copy a link to this' }) });
    const names = await widgets.evaluateAll((all) => all.map((w) => w.getAttribute('data-widget')!));
    test.skip(names.length === 0, 'no widget on this page offers a link');

    const other = await browser.newPage();
    for (const name of names) {
      const widget = page.locator(`[data-widget="${name}"]`);
      const field = widget.locator(FIELDS).first();
      const before = await field.inputValue();
      // A space in front: a change every text field keeps as typed, which leaves JSON valid, so a stepper still
      // steps. A number field goes one up.
      const changed = (await field.getAttribute('type')) === 'number' ? String(Number(before) + 1) : ` ${before}`;
      await field.fill(changed);
      // Whatever the field, it is in the link: secrets too, once asked for.
      const include = widget.getByRole('checkbox', { name: /^Include / });
      if ((await include.count()) > 0) await include.check();
      // A widget with two steppers (chapter 3's encrypts, then decrypts) shares its first one's stage.
      const position = widget.locator('.position').first();
      const forward = widget.getByRole('button', { name: 'Forward →' }).first();
      // A verifier that now refuses at its first stage has nowhere to go: its one stage is what is shared.
      if ((await position.count()) > 0 && (await forward.isEnabled())) {
        await forward.click();
        await expect(position).toContainText('Stage 2 of');
      }
      const stage = (await position.count()) > 0 ? await position.textContent() : undefined;
      await widget.getByRole('button', { name: 'Copy a link to this' }).click();
      await expect(widget.locator('.share [role="status"]')).toContainText('Copied a link to this widget');
      const link = await page.evaluate(() => navigator.clipboard.readText());

      await other.goto(link);
      const restored = other.locator(`[data-widget="${name}"]`);
      await expect(restored).toHaveAttribute('data-hydrated', 'true');
      await expect(restored.locator(FIELDS).first(), `${name}'s first field`).toHaveValue(changed);
      if (stage !== undefined) await expect(restored.locator('.position').first(), `${name}'s stage`).toHaveText(stage!);
      await expect(restored.locator('[data-link-note] .error')).toHaveCount(0);
    }
    await other.close();
  });
}
