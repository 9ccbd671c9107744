/**
 * Walks a widget through what a learner sees of it, for the height checks (widget-height.spec.ts) and the
 * height figures (bench/widget-heights.ts): as it arrives, then, when it has a stepper, each stage in turn
 * by Forward, on its final state and, for a stage that performs in beats, on its first beat too.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Every widget on a page, by name, in page order. */
export async function widgetNames(page: Page): Promise<string[]> {
  return page.locator('[data-widget]').evaluateAll((widgets) => widgets.map((w) => w.getAttribute('data-widget') ?? ''));
}

/** One picture of the widget: where it was (before any stepping, or stage k, beat "first" or "final"), and its height in CSS pixels. */
export interface WidgetView {
  place: string;
  height: number;
}

/** The widget's border-box height, once nothing in it is busy (a stage's view can still be loading). */
async function heightOf(widget: Locator): Promise<number> {
  await expect(widget.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(widget).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  return widget.evaluate((element) => element.getBoundingClientRect().height);
}

/**
 * The widget's height as it arrives and on every stage of its steppers (the first stage from its start, the
 * others reached by Forward, as a learner steps through). Leaves each stepper on its last stage.
 */
export async function widgetViews(widget: Locator): Promise<WidgetView[]> {
  const views: WidgetView[] = [{ place: 'as it arrives', height: await heightOf(widget) }];
  const steppers = widget.locator('.stepper');
  for (let s = 0; s < (await steppers.count()); s++) {
    const stepper = steppers.nth(s);
    const name = (await steppers.count()) > 1 ? `stepper ${s + 1}, ` : '';
    const forward = stepper.getByRole('button', { name: 'Forward' });
    const restart = stepper.getByRole('button', { name: 'Restart' });
    if ((await restart.getAttribute('aria-disabled')) !== 'true') await restart.click();
    for (let stage = 1; ; stage++) {
      const scrub = stepper.locator('.scrub input');
      if ((await scrub.count()) > 0) {
        await scrub.fill('0');
        views.push({ place: `${name}stage ${stage}, first beat`, height: await heightOf(widget) });
        await scrub.fill(String(await scrub.getAttribute('max')));
      }
      views.push({ place: `${name}stage ${stage}`, height: await heightOf(widget) });
      if ((await forward.getAttribute('aria-disabled')) === 'true') break;
      await forward.click();
      await expect(stepper.locator('.position')).toHaveText(new RegExp(`^Stage ${stage + 1} of `));
    }
  }
  return views;
}
