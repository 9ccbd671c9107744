/**
 * 200 KB of input in every widget that recomputes as the learner types: pasted, then a few keystrokes, as a
 * person would. The proof that typing never waits for the work is structural, not a timing: the page's
 * timers are frozen while the keys come (Playwright's clock), so nothing scheduled for after a frame or a
 * pause can run, and a widget that recomputed on each keystroke would show its new result at once. Until
 * the clock passes the pause in typing, the last result stays on screen marked out of date (no verdict is
 * shown for a token no longer there); a moment before, still nothing; then the widget computes once, for
 * the text on screen, and stays within a screen of its usual height.
 */
import { createHmac, createPrivateKey, sign as nodeSign } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PAUSE_MS } from '../../src/components/widgets/after-input';
import { GUIDE_SECRET } from '../../src/components/widgets/guide-example';
import { lastCharacter } from '../../src/lib/spare-bits';
import { RFC7515_A2_JWK } from '../../src/components/widgets/rfc7515-example';
import { openWidget } from './support';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const NOTE = 'x'.repeat(200_000);
/** Keystrokes typed after the paste. */
const TYPED = 3;

function hs256(payload: string, secret = GUIDE_SECRET, header = '{"alg":"HS256","typ":"JWT"}'): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** A long token as LongToken shows it: each long part keeps 60 characters at either end. */
const shortened = (token: string) => token.split('.').map((part) => (part.length > 128 ? `${part.slice(0, 60)}…${part.slice(-60)}` : part)).join('.');

function rs256(payload: string): string {
  const input = `${b64('{"alg":"RS256"}')}.${b64(payload)}`;
  const key = createPrivateKey({ key: { ...RFC7515_A2_JWK }, format: 'jwk' });
  return `${input}.${nodeSign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

/** Opens a widget on a page whose clock the test can freeze and move, and waits until it is idle. */
async function open(page: Page, path: string, name: string) {
  await page.clock.install();
  const { widget, errors } = await openWidget(page, path, name);
  await expect(widget).not.toHaveAttribute('aria-busy', 'true');
  return { widget, errors };
}

/**
 * Freezes the page's timers, pastes all of `text` but its last few characters into the field and types
 * those: every keystroke is handled while nothing scheduled can run.
 */
async function typeFrozen(page: Page, field: Locator, text: string): Promise<void> {
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  await field.fill(text.slice(0, -TYPED));
  await field.press('End');
  await page.keyboard.type(text.slice(-TYPED));
  await expect(field).toHaveValue(text);
}

/**
 * Checks `stale` (the old result, marked out of date) right after typing and again a moment before the
 * pause is over, then lets the pause end: the widget computes, and `fresh` checks the new result. The
 * widget is busy until then.
 */
async function pauseTyping(page: Page, widget: Locator, stale: () => Promise<void>, fresh: () => Promise<void>): Promise<void> {
  await expect(widget).toHaveAttribute('aria-busy', 'true');
  await stale();
  await page.clock.runFor(PAUSE_MS - 1);
  await stale();
  await page.clock.runFor(1);
  await fresh();
  await expect(widget).not.toHaveAttribute('aria-busy', 'true');
}

/** The widget is no more than a screen taller than it was with its usual input. */
async function withinAScreen(page: Page, widget: Locator, usual: number): Promise<void> {
  const { height } = (await widget.boundingBox())!;
  expect(height).toBeLessThan(usual + page.viewportSize()!.height);
}

/** The widget's height once it is fully drawn: its result computed, and its first stage's view loaded (a busy view
 *  is still the previous or no view, and on a loaded machine that can be hundreds of pixels short). */
async function usualHeight(widget: Locator): Promise<number> {
  await expect(widget).not.toHaveAttribute('aria-busy', 'true');
  await expect(widget.locator('[aria-busy="true"]')).toHaveCount(0);
  return (await widget.boundingBox())!.height;
}

test('chapter 1: the token anatomy decodes a 200 KB token once typing pauses, saying the parts are out of date until then', async ({ page }) => {
  const { widget, errors } = await open(page, 'chapters/what-is-jwt/', 'token-anatomy');
  const status = widget.locator('.status');
  const payload = widget.locator('section').filter({ has: page.getByRole('heading', { name: 'Payload', exact: true }) });
  await expect(status).toHaveText(/^Decoded all three parts/);
  const example = (await payload.locator('pre').textContent())!;

  const json = JSON.stringify({ sub: 'ada', note: NOTE });
  await typeFrozen(page, widget.getByLabel(/^Token/), `${b64('{"alg":"HS256"}')}.${b64(json)}.${b64('sig')}`);
  await pauseTyping(
    page,
    widget,
    async () => {
      await expect(status).toHaveText(/^Out of date: the parts below are of the token before your last change/);
      await expect(payload.locator('pre')).toHaveText(example);
    },
    async () => {
      await expect(status).toHaveText(`Decoded all three parts: header 15 bytes, payload ${json.length} bytes, signature 3 bytes.`);
    },
  );
  expect(errors).toEqual([]);
});

const SIGNERS = [
  { chapter: 4, path: 'chapters/generating-a-token/', name: 'generation-visualizer', sign: (payload: string) => hs256(payload) },
  { chapter: 9, path: 'chapters/rs256/', name: 'rsa-signing-visualizer', sign: rs256 },
];

for (const { chapter, path, name, sign } of SIGNERS) {
  test(`chapter ${chapter}: a 200 KB payload is signed once typing pauses, the last token out of date until then`, async ({ page }) => {
    const { widget, errors } = await open(page, path, name);
    const token = widget.locator('.output > .long .token');
    const first = (await token.textContent())!;
    const usual = await usualHeight(widget);

    const payload = JSON.stringify({ sub: 'ada', note: NOTE });
    await typeFrozen(page, widget.getByLabel('Payload (JSON)'), payload);
    await pauseTyping(
      page,
      widget,
      async () => {
        await expect(widget.locator('.stale-note')).toHaveText(/^Out of date: this is the token from before your last change/);
        await expect(token).toHaveText(first);
        await expect(widget.getByRole('button', { name: 'Copy token' })).toBeDisabled();
      },
      async () => {
        await expect(token).toHaveText(shortened(sign(payload)));
        await expect(widget.locator('.stale-note')).toHaveCount(0);
      },
    );
    await withinAScreen(page, widget, usual);
    expect(errors).toEqual([]);
  });
}

const VERIFIERS = [
  // Signed with the right secret, and expired before the verifier's clock: refused at exp, nowhere earlier.
  {
    chapter: 5, path: 'chapters/verifying-a-token/', name: 'verification-visualizer', before: 'Accepted',
    token: hs256(JSON.stringify({ sub: 'ada', note: NOTE, exp: 1687716785 })), after: ['Refused at “Check exp”', 'The signature is valid'],
  },
  // RFC 7515 A.2's token expired in 2011; this one has no exp.
  {
    chapter: 9, path: 'chapters/rs256/', name: 'rsa-verification-visualizer', before: 'Refused at “Check exp”',
    token: rs256(JSON.stringify({ sub: 'ada', note: NOTE })), after: ['Accepted'],
  },
];

for (const { chapter, path, name, before, token, after } of VERIFIERS) {
  test(`chapter ${chapter}: a 200 KB token gets no verdict until typing pauses, then the verdict for the token on screen`, async ({ page }) => {
    const { widget, errors } = await open(page, path, name);
    const verdict = widget.locator('.outcome');
    await expect(verdict).toContainText(before);
    const usual = await usualHeight(widget);

    await typeFrozen(page, widget.getByLabel('Token to verify'), token);
    await pauseTyping(
      page,
      widget,
      async () => {
        await expect(verdict).toHaveText(/^No verdict yet\. The inputs changed; they are checked again once you pause typing\./);
        await expect(widget.getByText('Out of date:')).toBeVisible();
        await expect(widget.getByRole('heading', { name: 'How the token was checked (out of date)' })).toBeAttached();
      },
      async () => {
        for (const words of after) await expect(verdict).toContainText(words);
        await expect(widget.getByText('Out of date:')).toHaveCount(0);
      },
    );
    await withinAScreen(page, widget, usual);
    expect(errors).toEqual([]);
  });
}

test('chapter 8: HMAC up close hashes a 200 KB message once typing pauses, the last MAC out of date until then', async ({ page }) => {
  const { widget, errors } = await open(page, 'chapters/hs256/', 'hmac-up-close');
  const mac = widget.locator('[data-mac="hex"]');
  const before = createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex');
  await expect(mac).toHaveText(before);
  const usual = await usualHeight(widget);

  const message = `${NOTE}!?`;
  await typeFrozen(page, widget.getByLabel('Message'), message);
  await pauseTyping(
    page,
    widget,
    async () => {
      await expect(widget.getByText('This is the MAC from before your last change.')).toBeVisible();
      await expect(mac).toHaveText(before);
    },
    async () => {
      await expect(mac).toHaveText(createHmac('sha256', 'Jefe').update(message).digest('hex'));
      await expect(widget.getByText('Out of date', { exact: false })).toHaveCount(0);
    },
  );
  await withinAScreen(page, widget, usual);
  expect(errors).toEqual([]);
});

test('chapter 5: spare bits judges a 200 KB token once typing pauses, with no verdicts until then', async ({ page }) => {
  const { widget, errors } = await open(page, 'chapters/verifying-a-token/', 'spare-bits');
  const ours = widget.locator('[data-value="ours"]');
  await expect(ours).toHaveText('✓ Accepted');
  const usual = await usualHeight(widget);

  // The signature's last character swapped for a twin: our verifier refuses it, a lenient one accepts.
  const valid = hs256(JSON.stringify({ sub: 'ada', note: NOTE }));
  const twin = lastCharacter(valid.split('.')[2]!)!.twins[0]!;
  const token = valid.slice(0, -1) + twin;
  await typeFrozen(page, widget.getByLabel(/^Token/), token);
  await pauseTyping(
    page,
    widget,
    async () => {
      await expect(widget.getByRole('status').filter({ hasText: 'No verdicts yet' })).toBeVisible();
      await expect(ours).toHaveCount(0);
    },
    async () => {
      await expect(ours).toContainText(`"${twin}", has bits set that belong to no byte`);
      await expect(widget.locator('[data-value="lenient"]')).toContainText('✓ Accepted');
    },
  );
  await withinAScreen(page, widget, usual);
  expect(errors).toEqual([]);
});
