/** Checks every visualizer's stepper needs, written once. */
import { expect, type Locator, type Page } from '@playwright/test';

/** How long the fastest speed plays an ordinary beat, in milliseconds. */
export const FASTEST_BEAT_MS = 700;

/** Where the stepper is: stage k of n, and the beat (step i of m; 1 of 1 for a stage with one beat). */
export interface StepperPlace {
  stage: number;
  stages: number;
  beat: number;
  beats: number;
}

export async function stepperPlace(widget: Locator): Promise<StepperPlace> {
  // A stage's view and its plan download together: while the view is busy, the slider may not be there yet.
  await expect(widget.locator('[aria-busy="true"]')).toHaveCount(0);
  const position = (await widget.locator('.position').textContent()) ?? '';
  const [, stage, stages] = /^Stage (\d+) of (\d+)/.exec(position) ?? [];
  const scrub = widget.locator('.scrub span');
  const [, beat, beats] = (await scrub.count()) ? (/^Step (\d+) of (\d+)/.exec((await scrub.textContent()) ?? '') ?? []) : ['', '1', '1'];
  return { stage: Number(stage), stages: Number(stages), beat: Number(beat), beats: Number(beats) };
}

/**
 * Plays a widget's stepper at its fastest speed from the stage it is on, on Playwright's clock (installed and
 * frozen here, so time moves only when the test moves it: the result cannot depend on how busy the machine is), and
 * checks that it performs every beat of every stage in order and stops at the last beat of the last stage:
 * that stage announced, the button back to "Play", Restart available. At each stage's last beat it records
 * what the stage shows, then checks that reaching each stage by the map (the static view) shows the same.
 */
export async function playsToTheEnd(page: Page, widget: Locator): Promise<void> {
  await page.clock.install();
  // Frozen: from here time moves only by runFor, however long the test's own steps take.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  const position = widget.locator('.position');
  const stage = widget.locator('.stage').last();
  const start = await stepperPlace(widget);
  expect(start.stage).toBeLessThan(start.stages - 1); // more than one stage to go: one advance is not enough

  await widget.getByLabel('Speed').selectOption('fast');
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect(widget.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');

  const finals = new Map<number, string>();
  let previous = { ...start, beat: 0 };
  // Each beat is at most a few ordinary beats long; a stepper that stalls stops the loop with a failure.
  for (let ticks = 0; ; ticks++) {
    expect(ticks, 'the stepper reaches its end').toBeLessThan(2000);
    const place = await stepperPlace(widget);
    const advanced = place.stage > previous.stage || (place.stage === previous.stage && place.beat >= previous.beat);
    expect(advanced, `from stage ${previous.stage} step ${previous.beat} to stage ${place.stage} step ${place.beat}: forward only`).toBe(true);
    if (place.beat === place.beats && !finals.has(place.stage)) finals.set(place.stage, await stage.innerText());
    if ((await widget.getByRole('button', { name: 'Play' }).count()) === 1) break;
    previous = place;
    await page.clock.runFor(FASTEST_BEAT_MS / 2);
  }

  const end = await stepperPlace(widget);
  expect(end).toMatchObject({ stage: end.stages, beat: end.beats });
  await expect(position).toHaveText(new RegExp(`^Stage ${end.stages} of ${end.stages}: `));
  await expect(widget.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  await expect(widget.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  // Every stage from the start was performed to its final state, which is what the map shows for it.
  expect([...finals.keys()]).toEqual(Array.from({ length: end.stages - start.stage + 1 }, (_, k) => start.stage + k));
  const map = widget.getByRole('list', { name: 'Stages' }).getByRole('button');
  for (const [number, text] of finals) {
    await map.nth(number - 1).click();
    await expect(position).toHaveText(new RegExp(`^Stage ${number} of `));
    await expect(stage).toHaveText(text, { useInnerText: true });
  }
  await expect(widget.getByRole('button', { name: 'Restart' })).toHaveAttribute('aria-disabled', 'false');
  await widget.getByRole('button', { name: 'Restart' }).click();
  await expect(position).toHaveText(new RegExp(`^Stage 1 of ${end.stages}: `));
}
