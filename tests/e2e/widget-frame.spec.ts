/** What every widget frame does whatever the widget: without JavaScript, and with a disabled button. */
import { expect, test } from '@playwright/test';
import { contrast, openWidget, useTheme } from './support';

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  for (const [path, names] of [
    ['chapters/generating-a-token/', ['generation-visualizer']],
    ['chapters/verifying-a-token/', ['verification-visualizer']],
    ['chapters/rs256/', ['rsa-signing-visualizer', 'rsa-verification-visualizer']],
  ] as const) {
    test(`/${path}: each visualizer says it needs JavaScript instead of waiting forever`, async ({ page }) => {
      await page.goto(path);
      for (const name of names) {
        const widget = page.locator(`[data-widget="${name}"]`);
        await expect(widget.getByText('This interactive widget needs JavaScript')).toBeVisible();
        await expect(widget.getByText(/Computing…|Verifying…/)).toBeHidden();
      }
    });
  }
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
