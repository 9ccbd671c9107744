/**
 * Motion, on every page with a stepper (found by walking the build, so a new visualizer is covered):
 * - with prefers-reduced-motion, stepping through every stage and scrubbing each stage's beats leaves nothing
 *   scheduled: no timeout, interval or animation frame created by those actions is still pending, and no
 *   animation is running (each beat is drawn in its final form at once);
 * - without it, Play paused on a beat in the middle of a stage passes axe in both themes.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { FASTEST_BEAT_MS, stepperPlace } from './stepper';
import { axeViolations, builtPages, hydrateIslands, useTheme } from './support';

/** What the instrumented timers record in the page: the callbacks created since `arm()` still waiting to run. */
type MotionLog = { e2eMotion: { arm: () => void; pending: () => string[] } };

/**
 * Wraps setTimeout, setInterval and requestAnimationFrame before any page script runs, so that every callback
 * they schedule after `arm()` is listed until it runs or is cancelled (an interval until it is cleared).
 * Callbacks scheduled before (the page settling) are not counted.
 */
async function recordPendingCallbacks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const pending = new Map<string, string>();
    let armed = false;
    const track = (key: string, what: string) => {
      if (armed) pending.set(key, what);
    };
    const native = {
      setTimeout: window.setTimeout.bind(window),
      clearTimeout: window.clearTimeout.bind(window),
      setInterval: window.setInterval.bind(window),
      clearInterval: window.clearInterval.bind(window),
      requestAnimationFrame: window.requestAnimationFrame.bind(window),
      cancelAnimationFrame: window.cancelAnimationFrame.bind(window),
    };
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id: number = native.setTimeout((...values: unknown[]) => {
        pending.delete(`timeout ${id}`);
        if (typeof handler === 'function') handler(...values);
      }, ms, ...args);
      track(`timeout ${id}`, `setTimeout, ${ms ?? 0} ms`);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      pending.delete(`timeout ${id}`);
      native.clearTimeout(id);
    }) as typeof window.clearTimeout;
    window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id = native.setInterval(handler, ms, ...args);
      track(`interval ${id}`, `setInterval, every ${ms ?? 0} ms`);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      pending.delete(`interval ${id}`);
      native.clearInterval(id);
    }) as typeof window.clearInterval;
    window.requestAnimationFrame = (callback: FrameRequestCallback) => {
      const id: number = native.requestAnimationFrame((time) => {
        pending.delete(`frame ${id}`);
        callback(time);
      });
      track(`frame ${id}`, 'requestAnimationFrame');
      return id;
    };
    window.cancelAnimationFrame = (id: number) => {
      pending.delete(`frame ${id}`);
      native.cancelAnimationFrame(id);
    };
    (window as unknown as MotionLog).e2eMotion = {
      arm: () => {
        armed = true;
        pending.clear();
      },
      pending: () => [...pending.values()],
    };
  });
}

/**
 * Nothing the learner's last action started is still scheduled, and no animation runs. Polled, not read once:
 * a callback already queued for the next frame may still run; one that keeps rescheduling itself (a loop, a
 * player's timer) never lets the list empty.
 */
async function expectStill(page: Page, after: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => (window as unknown as MotionLog).e2eMotion.pending()), { message: `pending after ${after}` }).toEqual([]);
  await expect.poll(() => page.evaluate(() => document.getAnimations().length), { message: `animations after ${after}` }).toBe(0);
}

/** The steppers on the page, their widgets hydrated and settled (chapter 3's JWE visualizer has two). */
async function visualizers(page: Page, path: string): Promise<Locator[]> {
  await page.goto(path);
  await hydrateIslands(page);
  const widgets = page.locator('[data-widget] .stepper');
  return Array.from({ length: await widgets.count() }, (_, i) => widgets.nth(i));
}

/** Pages that may hold a visualizer: the chapters. A page whose widgets have no stepper is skipped at run time. */
const chapters = builtPages('dist').filter((p) => p.startsWith('chapters/'));

for (const path of chapters) {
  test(`/${path}: with reduced motion, stepping and scrubbing draw each beat at once and leave nothing scheduled`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await recordPendingCallbacks(page);
    const widgets = await visualizers(page, path);
    test.skip(widgets.length === 0, 'no stepper on this page');
    await page.evaluate(() => (window as unknown as MotionLog).e2eMotion.arm());

    for (const widget of widgets) {
      const name = await widget.evaluate((e) => e.closest('[data-widget]')!.getAttribute('data-widget'));
      await expect(widget.getByRole('button', { name: 'Play' })).toHaveCount(0);
      const forward = widget.getByRole('button', { name: 'Forward →' });
      await widget.getByRole('list', { name: 'Stages' }).getByRole('button').first().click();
      for (let stage = 1; ; stage++) {
        await expect(widget.locator('.position')).toHaveText(new RegExp(`^Stage ${stage} of `));
        // Reached by Forward or the map, a stage shows its last beat, its final state.
        const place = await stepperPlace(widget);
        expect(place.beat, `${name}, stage ${stage}`).toBe(place.beats);
        await expectStill(page, `${name} stage ${stage}`);
        // A stage with beats: scrubbing to each one draws it at once.
        const scrub = widget.locator('.scrub input');
        for (let beat = 0; beat < place.beats && place.beats > 1; beat++) {
          await scrub.fill(String(beat));
          await expect(widget.locator('.scrub span')).toHaveText(`Step ${beat + 1} of ${place.beats}`);
          await expectStill(page, `${name} stage ${stage}, scrubbed to step ${beat + 1}`);
        }
        if ((await forward.getAttribute('aria-disabled')) === 'true') break;
        await forward.click();
      }
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`/${path}: Play paused on a beat in the middle of a stage passes axe in the ${theme} theme`, async ({ page }) => {
      test.setTimeout(180_000);
      await useTheme(page, theme);
      const widgets = await visualizers(page, path);
      test.skip(widgets.length === 0, 'no stepper on this page');
      // Playwright's clock, frozen: the player moves only when the test moves time (see stepper.ts).
      await page.clock.install();
      await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));

      for (const widget of widgets) {
        const name = await widget.evaluate((e) => e.closest('[data-widget]')!.getAttribute('data-widget'));
        await widget.getByRole('list', { name: 'Stages' }).getByRole('button').first().click();
        await widget.getByLabel('Speed').selectOption('fast');
        await widget.getByRole('button', { name: 'Play' }).click();
        // The first beat strictly inside a stage (neither its first nor its last); where no stage before the
        // middle one has such a beat, the middle stage.
        for (let ticks = 0; ; ticks++) {
          expect(ticks, `${name} reaches the middle of its stages`).toBeLessThan(2000);
          const place = await stepperPlace(widget);
          if ((place.beat > 1 && place.beat < place.beats) || place.stage >= Math.ceil(place.stages / 2)) break;
          await page.clock.runFor(FASTEST_BEAT_MS / 2);
        }
        const paused = await stepperPlace(widget);
        await widget.getByRole('button', { name: 'Pause' }).click();
        await expect(widget.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
        // Pausing keeps the beat on screen: it does not jump to the stage's final state.
        expect(await stepperPlace(widget), `${name} paused`).toEqual(paused);
      }
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      // axe waits on timers of its own: time runs again, and every player stays paused where it was.
      await page.clock.resume();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}
