/** Checks every visualizer's stepper needs, written once. */
import { expect, test, type Locator } from '@playwright/test';

/** The fastest speed the stepper offers, in milliseconds a stage. */
const FASTEST_MS = 1200;

/**
 * Plays a widget's stepper at its fastest speed from the stage it is on, and checks that it runs to the
 * last stage and stops there: that stage announced, the button back to "Play", Restart available. Waits
 * on those states, never for a time: the limit allows each stage several times its step under load.
 */
export async function playsToTheEnd(widget: Locator): Promise<void> {
  const position = widget.locator('.position');
  const labels = await widget.getByRole('list', { name: 'Stages' }).getByRole('button').allTextContents();
  const last = labels.length;
  const start = Number(/^Stage (\d+) of/.exec((await position.textContent()) ?? '')?.[1]);
  expect(start).toBeLessThan(last - 1); // more than one stage to go: one advance is not enough
  const limit = (last - start) * FASTEST_MS * 4 + 10_000;
  test.info().setTimeout(test.info().timeout + limit);

  await widget.getByLabel('Speed').selectOption('fast');
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect(widget.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect(position).toHaveText(new RegExp(`^Stage ${last} of ${last}: `), { timeout: limit });
  await expect(widget.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  await expect(widget.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  await expect(position).toHaveText(new RegExp(`^Stage ${last} of ${last}: `));
  await expect(widget.getByRole('button', { name: 'Restart' })).toHaveAttribute('aria-disabled', 'false');
  await widget.getByRole('button', { name: 'Restart' }).click();
  await expect(position).toHaveText(new RegExp(`^Stage 1 of ${last}: `));
}
