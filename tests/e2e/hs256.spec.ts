/** Chapter 8's widgets, used as a learner would, checked against node:crypto. */
import { createHmac } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { showDetails } from './folds';
import { playsToTheEnd } from './stepper';
import { baseOrigin, basePath, contrast, hydrateIslands, openWidget, useTheme } from './support';

const hmacHex = (hash: string, key: string | Buffer, message: string) => createHmac(hash, key).update(message).digest('hex');
/** The signature node:crypto makes for a token's signing input with this secret. */
const resign = (token: string, secret: string) => {
  const input = token.slice(0, token.lastIndexOf('.'));
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const b64 = (text: string) => Buffer.from(text).toString('base64url');

async function open(page: Page, name: string, path = 'chapters/hs256/') {
  const { widget: root, errors } = await openWidget(page, path, name);
  await expect(root).not.toHaveAttribute('aria-busy', 'true');
  return { root, errors };
}

/** Records every Web Worker the page starts, and whether it was ended: a dropped run must not go on in the background. */
async function recordWorkers(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { workersEnded: boolean[] };
    w.workersEnded = [];
    const { terminate } = Worker.prototype;
    window.Worker = class extends Worker {
      readonly #index = w.workersEnded.push(false) - 1;
      override terminate(): void {
        w.workersEnded[this.#index] = true;
        terminate.call(this);
      }
    };
  });
}

/** For each worker started since recordWorkers, whether it has been terminated. */
const workersEnded = (page: Page) => page.evaluate(() => (window as unknown as { workersEnded: boolean[] }).workersEnded);

const number = async (locator: Locator) => Number((await locator.textContent())!.replace(/,/g, ''));

test.describe('HMAC up close', () => {
  test('matches node:crypto for RFC 4231 test case 2, with each hash', async ({ page }) => {
    const { root, errors } = await open(page, 'hmac-up-close');
    const mac = root.locator('[data-mac="hex"]');
    await expect(mac).toHaveText(hmacHex('sha256', 'Jefe', 'what do ya want for nothing?'));
    await expect(root).toContainText("gives the same 32 bytes");
    for (const [label, hash] of [['SHA-384', 'sha384'], ['SHA-512', 'sha512']]) {
      await root.getByRole('radio', { name: label }).check();
      await expect(mac).toHaveText(hmacHex(hash!, 'Jefe', 'what do ya want for nothing?'));
    }
    await expect(root.locator('[data-mac="base64url"]')).toHaveText(
      createHmac('sha512', 'Jefe').update('what do ya want for nothing?').digest('base64url'),
    );
    expect(errors).toEqual([]);
  });

  test('matches node:crypto for a unicode key and message, and walks the three stages', async ({ page }) => {
    const { root } = await open(page, 'hmac-up-close');
    const [key, message] = ['clé 🔑 秘密', 'Grüße, 世界! 🎉'];
    await root.getByLabel('Message').fill(message);
    await root.getByLabel('Key', { exact: true }).fill(key);
    await expect(root.locator('[data-mac="hex"]')).toHaveText(hmacHex('sha256', key, message));
    const position = root.locator('.position');
    await expect(position).toContainText('Stage 1 of 3: HMAC key block');
    await expect(root.locator('.explanation')).toContainText(`The secret is ${Buffer.byteLength(key)} bytes`);
    await root.getByRole('button', { name: 'Forward →' }).click();
    await expect(position).toContainText('Stage 2 of 3: Inner hash');
    await expect(root.locator('.explanation')).toContainText(`${Buffer.byteLength(message)} bytes of the message`);
    await root.getByRole('button', { name: 'Forward →' }).click();
    await expect(position).toContainText('Stage 3 of 3: Outer hash');
    await expect(root).toContainText('identical');
  });

  test('plays its stages to the last and stops there', async ({ page }) => {
    const { root } = await open(page, 'hmac-up-close');
    await playsToTheEnd(page, root);
  });

  test('at 390 px each MAC label stands above its value', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    const { root } = await open(page, 'hmac-up-close');
    const label = await root.locator('.mac dt', { hasText: 'WebCrypto' }).boundingBox();
    const value = await root.locator('.mac dd.agree').boundingBox();
    expect(value!.y).toBeGreaterThanOrEqual(label!.y + label!.height);
    // crypto.subtle.sign('HMAC', …) is not broken across lines: the inline code has a single line box.
    expect(await root.locator('.mac dd.agree code').evaluate((c) => c.getClientRects().length)).toBe(1);
  });

  test('each box of bytes is as wide as its rows at 1280 px, and fits the widget at 390 px', async ({ page }) => {
    const { root } = await open(page, 'hmac-up-close');
    await showDetails(root);
    const boxes = root.getByRole('group', { name: /bytes?$/ });
    await expect(boxes).toHaveCount(2);
    const fill = () =>
      boxes.evaluateAll((all) =>
        all.map((box) => {
          const style = getComputedStyle(box);
          const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return { fill: box.firstElementChild!.getBoundingClientRect().width / inner, overflow: box.scrollWidth - box.clientWidth };
        }),
      );
    // The 4-byte key and the 64-byte key block: no empty band beside the bytes.
    for (const box of await fill()) expect(box.fill).toBeGreaterThanOrEqual(0.85);
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(async () => (await fill()).map((box) => box.overflow)).toEqual([0, 0]);
  });

  test("each stage's bytes are folded under its scene; Enter opens them, and they stay open from stage to stage", async ({ page }) => {
    const { root } = await open(page, 'hmac-up-close');
    const summary = root.locator('.stage details.fold > summary');
    const keyBlock = root.getByRole('group', { name: 'Key block, 64 bytes' });
    await expect(summary).toHaveText('The key and its block, byte by byte');
    await expect(keyBlock).toBeHidden();
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(keyBlock).toBeVisible();
    await root.getByRole('button', { name: 'Forward →' }).click();
    await expect(summary).toHaveText('K ⊕ ipad and the inner hash, byte by byte');
    await expect(root.getByRole('group', { name: 'Key block XOR 0x36, 64 bytes' })).toBeVisible();
    // Folded again on this stage, they are folded on the others too.
    await summary.click();
    await root.getByRole('button', { name: 'Forward →' }).click();
    await expect(summary).toHaveText('K ⊕ opad and the MAC, byte by byte');
    await expect(root.getByRole('group', { name: 'Key block XOR 0x5c, 64 bytes' })).toBeHidden();
    // WebCrypto's answer stays in sight.
    await expect(root.locator('.stage')).toContainText("Checked against the browser's own crypto.subtle.sign('HMAC', …) for the same key and message: identical, all 32 bytes match.");
  });

  test('reads the key as base64url bytes when switched', async ({ page }) => {
    const { root } = await open(page, 'hmac-up-close');
    const mac = root.locator('[data-mac="hex"]');
    await root.getByLabel('Key', { exact: true }).fill('SmVmZQ');
    await expect(mac).toHaveText(hmacHex('sha256', 'SmVmZQ', 'what do ya want for nothing?'));
    await root.getByRole('radio', { name: 'base64url bytes' }).check();
    // "SmVmZQ" is base64url for the 4 bytes of "Jefe": the RFC's MAC again.
    await expect(mac).toHaveText(hmacHex('sha256', Buffer.from('SmVmZQ', 'base64url'), 'what do ya want for nothing?'));
    await expect(mac).toHaveText(hmacHex('sha256', 'Jefe', 'what do ya want for nothing?'));
    await root.getByLabel('Key', { exact: true }).fill('Sm*ZQ');
    await expect(root).toContainText('Out of date');
    await expect(root.getByLabel('Key', { exact: true })).toHaveValue('Sm*ZQ');
  });
});

test('HMAC up close with the keyboard alone: hash, key, stages', async ({ page }) => {
  const { root } = await open(page, 'hmac-up-close');
  const mac = root.locator('[data-mac="hex"]');
  await root.getByRole('radio', { name: 'SHA-256' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(root.getByRole('radio', { name: 'SHA-384' })).toBeChecked();
  await expect(mac).toHaveText(hmacHex('sha384', 'Jefe', 'what do ya want for nothing?'));
  await root.getByLabel('Key', { exact: true }).focus();
  await page.keyboard.press('End');
  await page.keyboard.type('!');
  await expect(mac).toHaveText(hmacHex('sha384', 'Jefe!', 'what do ya want for nothing?'));
  // The radio group and the key field kept their keys: the stepper has not moved.
  await expect(root.locator('.position')).toContainText('Stage 1 of 3');
  await root.getByRole('button', { name: 'Forward →' }).focus();
  await page.keyboard.press('End');
  await expect(root.locator('.position')).toContainText('Stage 3 of 3: Outer hash');
  await page.keyboard.press('ArrowLeft');
  await expect(root.locator('.position')).toContainText('Stage 2 of 3: Inner hash');
});

test.describe('Weak secret', () => {
  test('the wordlist finds "password123", and the found secret forges a token the server accepts', async ({ page }) => {
    const { root, errors } = await open(page, 'weak-secret');
    await expect(root.getByLabel("The server's secret", { exact: true })).toHaveValue('password123');
    const token = (await root.locator('[data-token="weak"]').textContent())!.trim();
    await root.getByRole('button', { name: 'Guess the secret' }).click();
    await expect(root.locator('[data-found]')).toHaveText('password123', { timeout: 20_000 });
    expect(resign(token, 'password123')).toBe(token);
    const run = root.locator('[data-run="guessable"]');
    expect(await number(run.locator('[data-rate]'))).toBeGreaterThan(0);
    expect(await number(root.locator('[data-guess]'))).toBe(await number(run.locator('[data-tried]')));
    // A fast run is timed in milliseconds, not "0.00 s".
    await expect(root.locator('.found')).toContainText(/after (\d+ ms|\d+\.\d+ s)\./);
    await expect(root.locator('.found')).not.toContainText('0.00 s');
    // The forged token is what node:crypto signs with the found secret, and the server accepts it.
    const forged = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64('{"sub":"ada","admin":true}')}.x`;
    await expect(root.locator('[data-token="forged"]')).toHaveText(resign(forged, 'password123'));
    await expect(root.locator('[data-forged-verdict]')).toContainText('valid signature. The forged token is accepted.');

    // Emptied, the field leaves nothing to attack: the old token, its result and the button go, with a reason.
    await root.getByLabel("The server's secret", { exact: true }).fill('');
    await expect(root.getByRole('button', { name: 'Guess the secret' })).toBeDisabled();
    await expect(root.getByRole('button', { name: 'Guess the secret' })).toHaveAccessibleDescription(/no token to attack/);
    await expect(root.locator('[data-token="weak"]')).toHaveCount(0);
    await expect(root.locator('[data-found]')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('Stop really stops a long run', async ({ page }) => {
    await recordWorkers(page);
    const { root } = await open(page, 'weak-secret');
    await root.getByLabel("The server's secret", { exact: true }).fill('not in any list, 7f3a');
    await root.getByRole('radio', { name: /with variations/ }).check();
    await root.getByRole('button', { name: 'Guess the secret' }).click();
    const tried = root.locator('[data-run="guessable"] [data-tried]');
    await expect.poll(() => number(tried)).toBeGreaterThan(0);
    await root.getByRole('button', { name: 'Stop' }).first().click();
    await expect(root).toContainText('Stopped after');
    const stoppedAt = await number(tried);
    const total = await root.getByRole('progressbar', { name: 'Guesses tried, guessable secret' }).getAttribute('max');
    expect(stoppedAt).toBeLessThan(Number(total));
    const ended = await workersEnded(page);
    expect(ended.length).toBeGreaterThan(0);
    expect(ended.every(Boolean), 'every guessing worker has been terminated').toBe(true);
    expect(await number(tried)).toBe(stoppedAt);
    await expect(root.getByRole('button', { name: 'Guess the secret' })).toBeEnabled();
  });

  test('Guess and Stop keep the keyboard focus while the attack runs and after it ends', async ({ page }) => {
    const { root } = await open(page, 'weak-secret');
    const guess = root.getByRole('button', { name: 'Guess the secret' });
    const stop = root.getByRole('button', { name: 'Stop' }).first();
    // Where the focus is each time the button's state changes, however briefly the run lasts.
    await guess.evaluate((button) => {
      const w = window as unknown as { focusWhileBusy: boolean[] };
      w.focusWhileBusy = [];
      new MutationObserver(() => w.focusWhileBusy.push(document.activeElement === button)).observe(button, { attributes: true });
    });
    await guess.focus();
    await page.keyboard.press('Enter');
    await expect(root.locator('[data-found]')).toHaveText('password123', { timeout: 20_000 });
    const whileBusy = await page.evaluate(() => (window as unknown as { focusWhileBusy: boolean[] }).focusWhileBusy);
    expect(whileBusy.length).toBeGreaterThan(0);
    expect(whileBusy.every(Boolean)).toBe(true);
    await expect(guess).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(stop).toBeFocused();

    // Stop, pressed by keyboard during a long run, keeps the focus when there is nothing left to stop.
    await root.getByLabel("The server's secret", { exact: true }).fill('not in any list, 7f3a');
    await root.getByRole('radio', { name: /with variations/ }).check();
    await guess.focus();
    await page.keyboard.press('Enter');
    await expect(stop).toBeEnabled();
    await page.keyboard.press('Tab');
    await expect(stop).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(root).toContainText('Stopped after');
    await expect(stop).toBeDisabled();
    await expect(stop).toBeFocused();
  });

  test('editing the secret during a guess drops that run: its worker ends, and the new token is the one attacked', async ({ page }) => {
    await recordWorkers(page);
    const { root, errors } = await open(page, 'weak-secret');
    const field = root.getByLabel("The server's secret", { exact: true });
    const guess = root.getByRole('button', { name: 'Guess the secret' });
    const progress = root.getByRole('progressbar', { name: 'Guesses tried, guessable secret' });
    await field.fill('not in any list, 7f3a');
    await root.getByRole('radio', { name: /with variations/ }).check();
    await guess.click();
    await expect.poll(() => number(root.locator('[data-run="guessable"] [data-tried]'))).toBeGreaterThan(0);

    // One more character: the captured token is another one, and the run against the old one is gone.
    await field.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await expect(root.locator('[data-token="weak"]')).toHaveText(resign(`${b64('{"alg":"HS256","typ":"JWT"}')}.${b64('{"sub":"ada","admin":false}')}.x`, 'not in any list, 7f3a!'));
    await expect(progress).toHaveCount(0);
    await expect(root.getByRole('status').filter({ hasText: /Stopped|Found|No guess/ })).toHaveCount(0);
    expect(await workersEnded(page)).toEqual([true]);
    await expect(root.getByRole('radio', { name: /with variations/ })).toBeEnabled();

    // Another secret picked after a run has started drops it too; that secret is found, and the forgery is
    // checked with it.
    await root.getByRole('radio', { name: /^Common secrets:/ }).check();
    await guess.click();
    await expect(progress).toBeVisible();
    await root.getByRole('button', { name: 'changeme' }).click();
    await expect(progress).toHaveCount(0);
    await guess.click();
    await expect(root.locator('[data-found]')).toHaveText('changeme', { timeout: 20_000 });
    const forged = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64('{"sub":"ada","admin":true}')}.x`;
    await expect(root.locator('[data-token="forged"]')).toHaveText(resign(forged, 'changeme'));
    await expect(root.locator('[data-forged-verdict]')).toContainText('The forged token is accepted.');
    expect(errors).toEqual([]);
  });

  test('a random 256-bit secret survives the list, and the arithmetic is shown', async ({ page }) => {
    const { root } = await open(page, 'weak-secret');
    await root.getByRole('button', { name: 'Make a random secret and guess' }).click();
    await expect(root.locator('[data-strong-outcome]')).toContainText('No secret found', { timeout: 20_000 });
    const secret = Buffer.from((await root.locator('[data-random-secret]').textContent())!, 'base64url');
    expect(secret).toHaveLength(32);
    const token = (await root.locator('[data-token="random"]').textContent())!.trim();
    const input = token.slice(0, token.lastIndexOf('.'));
    expect(token).toBe(`${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`);

    const arithmetic = root.locator('[data-arithmetic]');
    await expect(arithmetic).toContainText((2n ** 256n).toString());
    const rate = await number(root.locator('[data-run="random"] [data-rate]'));
    expect(rate).toBeGreaterThan(0);
    const exponent = Math.floor(256 * Math.log10(2) - Math.log10(rate) - Math.log10(365.25 * 86400));
    await expect(root.locator('[data-years]')).toHaveText(new RegExp(`about \\d\\.\\d × 10\\^${exponent} years`));
    await expect(arithmetic).toContainText('times its age');
  });

  test('works with the keyboard alone, and under the /jwt/ base path', async ({ page }) => {
    const { root } = await open(page, 'weak-secret', `${baseOrigin}${basePath}chapters/hs256/`);
    const field = root.getByLabel("The server's secret", { exact: true });
    await field.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('changeme');
    await page.keyboard.press('Tab');
    await expect(root.getByRole('button', { name: 'password123' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(field).toHaveValue('super-secret');
    // Past the other suggestions to the attack.
    const guess = root.getByRole('button', { name: 'Guess the secret' });
    for (let i = 0; i < 10 && !(await guess.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(guess).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(root.locator('[data-found]')).toHaveText('super-secret', { timeout: 20_000 });
    await expect(root.locator('[data-found]')).toBeVisible();
  });
});

test.describe('Key sharing', () => {
  test('the counts follow the number of services, from the field and the slider', async ({ page }) => {
    const { root } = await open(page, 'key-sharing');
    const cell = (name: string) => root.locator(`[data-cell="${name}"]`);
    const field = root.getByLabel('Number of services');
    for (const n of [1, 7, 20]) {
      await field.fill(String(n));
      await expect(cell('hs-mint')).toHaveText(String(n + 1));
      await expect(cell('rs-mint')).toHaveText('1');
      await expect(cell('rs-verify')).toHaveText(String(n));
      await expect(cell('hs-rotate')).toHaveText(String(n + 1));
      await expect(cell('rs-fetch')).toHaveText(String(n));
      await expect(root.getByRole('cell').filter({ hasText: 'can mint' })).toHaveCount(n + 2);
    }
    await field.fill('-3');
    await expect(root).toContainText('-3 is out of range; this comparison goes from 1 to 20 services');
    await field.fill('25');
    await expect(root).toContainText('25 is out of range');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(cell('hs-mint')).toHaveText('21');

    const slider = root.getByLabel('Services that verify tokens');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(cell('hs-mint')).toHaveText('3');
    await expect(field).toHaveValue('2');
    await expect(root).not.toContainText('out of range');
  });

  for (const width of [1280, 390]) {
    test(`at 20 services each place's keys stand side by side, in straight columns (${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const { root } = await open(page, 'key-sharing');
      await root.getByLabel('Number of services').fill('20');
      const places = root.getByRole('table', { name: 'Who holds which key' });
      await expect(places.getByRole('row')).toHaveCount(22);
      const rows = await places.getByRole('row').evaluateAll((all) =>
        all.map((row) => [...row.children].map((cell) => cell.getBoundingClientRect()).map(({ x, y }) => ({ x: Math.round(x), y: Math.round(y) }))),
      );
      // Every row has its cells at the header's x positions, and the cells of a row share one top edge.
      const columns = rows[0]!.map((cell) => cell.x);
      for (const row of rows) {
        expect(row.map((cell) => cell.x)).toEqual(columns);
        expect(new Set(row.map((cell) => cell.y)).size).toBe(1);
      }
      await expect(places.getByRole('row', { name: /^Service 20 / })).toContainText('public key, verify only');
    });
  }
});

test('reduced motion: nothing plays by itself and the progress bar does not animate', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { root } = await open(page, 'weak-secret');
  await hydrateIslands(page);
  const hmac = page.locator('[data-widget="hmac-up-close"]');
  await expect(hmac.getByRole('button', { name: 'Forward →' })).toBeVisible();
  await expect(hmac.getByRole('button', { name: 'Play' })).toHaveCount(0);
  await root.getByRole('button', { name: 'Guess the secret' }).click();
  await expect(root.locator('[data-found]')).toHaveText('password123', { timeout: 20_000 });
  const progress = root.getByRole('progressbar', { name: 'Guesses tried, guessable secret' });
  const motion = await progress.evaluate((element) => {
    const style = getComputedStyle(element);
    return { animation: style.animationName, transition: style.transitionDuration, animations: element.getAnimations().length };
  });
  expect(motion).toEqual({ animation: 'none', transition: '0s', animations: 0 });
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing once the attacks have run and an input is wrong (${theme})`, async ({ page }) => {
    // Running the attacks and then axe over the whole chapter takes tens of seconds on a busy 2-core machine.
    test.setTimeout(120_000);
    await useTheme(page, theme);
    const { root } = await open(page, 'weak-secret');
    await hydrateIslands(page);
    await root.getByRole('button', { name: 'Guess the secret' }).click();
    await expect(root.locator('[data-forged-verdict]')).toBeVisible({ timeout: 20_000 });
    await root.getByRole('button', { name: 'Make a random secret and guess' }).click();
    await expect(root.locator('[data-arithmetic]')).toBeVisible({ timeout: 20_000 });
    await page.locator('[data-widget="key-sharing"]').getByLabel('Number of services').fill('0');
    await page.locator('[data-widget="hmac-up-close"]').getByRole('radio', { name: 'base64url bytes' }).check();
    await page.locator('[data-widget="hmac-up-close"]').getByLabel('Key', { exact: true }).fill('a b');
    await expect(page.getByText('0 is out of range')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}


for (const theme of ['light', 'dark'] as const) {
  test(`a focused field has a focus ring of its own colour, not the error red, visible on the widget (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    const { root } = await open(page, 'weak-secret');
    const field = root.getByLabel("The server's secret", { exact: true });
    const ring = () => field.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, color: getComputedStyle(el).outlineColor }));
    // The error colour, as an invalid field draws it: an empty secret is refused.
    await field.fill('');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const error = await field.evaluate((el) => getComputedStyle(el).borderTopColor);
    await field.blur();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(field).toBeFocused();
    // Focused while invalid: the border stays red, the ring is another colour.
    const onInvalid = await ring();
    expect(onInvalid.style).toBe('solid');
    expect(onInvalid.color).not.toBe(error);

    await page.keyboard.type('password123');
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    const onValid = await ring();
    expect(onValid.color).not.toBe(error);
    expect(onValid.color).toBe(onInvalid.color);
    // The ring sits on the widget's background: 3:1 at least (WCAG 1.4.11).
    const background = await root.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(contrast(onValid.color, background)).toBeGreaterThanOrEqual(3);
  });
}
