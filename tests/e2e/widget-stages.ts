/**
 * Walks a widget through what a learner sees of it, for the height checks (widget-height.spec.ts) and the
 * height figures: as it arrives, then, when it has a stepper, each stage in turn
 * by Forward, on its final state and, for a stage that performs in beats, on its first beat too.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Every widget on a page, by name, in page order. */
export async function widgetNames(page: Page): Promise<string[]> {
  return page.locator('[data-widget]').evaluateAll((widgets) => widgets.map((w) => w.getAttribute('data-widget') ?? ''));
}

/**
 * One picture of the widget: where it was (before any stepping, or stage k, beat "first" or "final"), its
 * height in CSS pixels, and whether its inputs were open (a visualizer's fold them once the learner steps on).
 */
export interface WidgetView {
  place: string;
  height: number;
  inputsOpen: boolean;
}

/** The widget's border-box height, once nothing in it is busy (a stage's view can still be loading), and where it was. */
async function viewOf(widget: Locator, place: string): Promise<WidgetView> {
  await expect(widget.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(widget).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  return widget.evaluate((element, place) => {
    const inputs = element.querySelector('details.inputs-fold');
    return { place, height: element.getBoundingClientRect().height, inputsOpen: inputs === null || inputs.hasAttribute('open') };
  }, place);
}

/**
 * The widget's height as it arrives and on every stage of its steppers (the first stage from its start, the
 * others reached by Forward, as a learner steps through). Leaves each stepper on its last stage.
 */
export async function widgetViews(widget: Locator): Promise<WidgetView[]> {
  const views: WidgetView[] = [await viewOf(widget, 'as it arrives')];
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
        views.push(await viewOf(widget, `${name}stage ${stage}, first beat`));
        await scrub.fill(String(await scrub.getAttribute('max')));
      }
      views.push(await viewOf(widget, `${name}stage ${stage}`));
      if ((await forward.getAttribute('aria-disabled')) === 'true') break;
      await forward.click();
      await expect(stepper.locator('.position')).toHaveText(new RegExp(`^Stage ${stage + 1} of `));
    }
  }
  return views;
}
