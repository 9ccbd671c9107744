/** What every widget frame does whatever the widget: without JavaScript, without WebCrypto, and with a disabled button. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, contrast, openWidget, useTheme } from './support';

/** Every widget on every built page, read from the HTML, so a new widget is checked without touching this list. */
const widgetsByPage = builtPages('dist')
  .map((path) => {
    const html = readFileSync(`dist/${path.endsWith('.html') ? path : `${path}index.html`}`, 'utf8');
    return [path, [...html.matchAll(/data-widget="([^"]+)"/g)].map((m) => m[1]!)] as const;
  })
  .filter(([, names]) => names.length > 0);

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('the built pages have widgets to check', () => {
    const names = widgetsByPage.flatMap(([, widgets]) => widgets);
    for (const name of ['token-anatomy', 'key-sharing', 'toy-rsa', 'sign-twice', 'generation-visualizer']) expect(names).toContain(name);
  });

  for (const [path, names] of widgetsByPage) {
    test(`/${path}: every widget says it needs JavaScript instead of waiting forever (${names.join(', ')})`, async ({ page }) => {
      await page.goto(path);
      for (const name of names) {
        const widget = page.locator(`[data-widget="${name}"]`);
        // Soft: one report names every widget that fails, not only the first.
        await expect.soft(widget.getByText('This interactive widget needs JavaScript'), name).toBeVisible();
        await expect.soft(widget.getByText(/Computing.*…|Verifying…|Reading the key…/), name).toBeHidden();
      }
    });
  }
});

test.describe('without WebCrypto (a page served over http)', () => {
  /** Removes crypto.subtle before any page script runs, as a browser does outside a secure context. */
  const withoutWebCrypto = (page: Page) => page.addInitScript(() => delete (Crypto.prototype as { subtle?: SubtleCrypto }).subtle);
  const NO_WEBCRYPTO = 'This browser offers no WebCrypto here';

  test('a widget that only decodes still decodes, and says nothing about WebCrypto', async ({ page }) => {
    await withoutWebCrypto(page);
    const { widget, errors } = await openWidget(page, 'chapters/what-is-jwt/', 'token-anatomy');
    expect(await page.evaluate(() => globalThis.crypto.subtle)).toBeUndefined();
    const field = widget.getByLabel(/^Token/);
    await field.fill('eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZGEifQ.');
    const payload = widget.locator('section').filter({ has: page.getByRole('heading', { name: 'Payload', exact: true }) });
    await expect(payload.locator('pre')).toHaveText('{"sub":"ada"}');
    await expect(widget.getByText(NO_WEBCRYPTO)).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('a widget that counts still counts, and says nothing about WebCrypto', async ({ page }) => {
    await withoutWebCrypto(page);
    const { widget } = await openWidget(page, 'chapters/hs256/', 'key-sharing');
    await widget.getByLabel('Number of services').fill('7');
    await expect(widget.locator('[data-cell="hs-mint"]')).toHaveText('8');
    await expect(widget.getByText(NO_WEBCRYPTO)).toHaveCount(0);
  });

  test('the key-pair and weak-secret widgets say why they cannot compute, and offer nothing to press that would fail', async ({ page }) => {
    await withoutWebCrypto(page);
    const { widget: keyPair, errors } = await openWidget(page, 'chapters/rs256/', 'rsa-key-pair');
    await expect(keyPair.getByText(NO_WEBCRYPTO)).toBeVisible();
    await expect(keyPair.getByRole('button')).toHaveCount(0);
    await expect(keyPair).toHaveAttribute('aria-busy', 'false');

    const { widget: weakSecret } = await openWidget(page, 'chapters/hs256/', 'weak-secret');
    await expect(weakSecret.getByText(NO_WEBCRYPTO)).toBeVisible();
    await expect(weakSecret.getByRole('button', { name: /guess/i })).toHaveCount(0);
    await expect(weakSecret.getByLabel("The server's secret", { exact: true })).toHaveValue('password123');
    await expect(weakSecret).toHaveAttribute('aria-busy', 'false');
    expect(errors).toEqual([]);
  });

  test('toy RSA still computes with BigInt, while sign-twice says why it cannot sign', async ({ page }) => {
    await withoutWebCrypto(page);
    const { widget: toy } = await openWidget(page, 'chapters/rs256/', 'toy-rsa');
    await toy.getByLabel('Prime p').fill('101');
    await expect(toy.locator('[data-value="n"] output')).toHaveText(String(101 * 53));
    await expect(toy.getByText(NO_WEBCRYPTO)).toHaveCount(0);

    const signTwice = page.locator('[data-widget="sign-twice"]');
    await signTwice.scrollIntoViewIfNeeded();
    await expect(signTwice).toHaveAttribute('data-hydrated', 'true');
    await expect(signTwice.getByText(NO_WEBCRYPTO)).toBeVisible();
    await expect(signTwice.getByRole('button', { name: /sign twice/ })).toHaveCount(0);
    // The payload is still checked where it is typed.
    await signTwice.getByLabel('Payload (JSON)').fill('{"sub":');
    await expect(signTwice.getByLabel('Payload (JSON)')).toHaveAttribute('aria-invalid', 'true');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`a disabled button looks disabled and stays readable (${theme} theme)`, async ({ page }) => {
    await useTheme(page, theme);
    const { widget, errors } = await openWidget(page, 'chapters/generating-a-token/', 'generation-visualizer');
    // A broken payload leaves the last token out of date: its copy button is disabled.
    await widget.getByLabel('Payload (JSON)').fill('{"sub":');
    const disabled = widget.getByRole('button', { name: 'Copy token' });
    await expect(disabled).toBeDisabled();
    const enabled = widget.getByRole('button', { name: 'Play' });
    await expect(enabled).toBeEnabled();

    const look = (button: typeof disabled) =>
      button.evaluate((b) => {
        const style = getComputedStyle(b);
        return { border: style.borderStyle, background: style.backgroundColor, color: style.color, cursor: style.cursor };
      });
    const [off, on] = [await look(disabled), await look(enabled)];
    expect(off.border).not.toBe(on.border);
    expect(off.background).not.toBe(on.background);
    expect(off.cursor).not.toBe(on.cursor);
    // axe leaves disabled controls out of its contrast check, so the label's contrast is measured here.
    expect(contrast(off.color, off.background)).toBeGreaterThanOrEqual(4.5);
    expect(errors).toEqual([]);
  });
}
