/**
 * How tall each widget gets, on a phone and on a laptop: every widget of every built chapter (found by
 * walking the build, so a new one is covered), as it arrives and on every stage of its stepper, stepped
 * through with Forward (each stage's first beat and its final state). Each stays within its budget; each
 * height is printed too, for the figures in README's "Widgets".
 */
import { expect, test } from '@playwright/test';
import { builtPages, hydrateIslands } from './support';
import { widgetNames, widgetViews } from './widget-stages';

const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
] as const;

/**
 * A widget without a stepper: about a phone screen and three quarters (844 px high), whatever the learner does.
 * Heights follow the fonts the machine has: with Debian's DejaVu Sans and Liberation (what a fresh machine gets
 * with Chromium), measured 2026-12-03, the tallest such are toy RSA (1,405 px on the phone, each step's working
 * folded), the JWS/JWE side by side (1,391) and the token cost calculator (1,373); with the fonts of an earlier
 * machine toy RSA was 1,349. The budget leaves about 100 px over the tallest for either.
 */
const GENERAL_BUDGET_PX = 1500;

/**
 * The visualizers, in CSS pixels: their tallest on the phone, with about 100 px of room. `any` holds every
 * view, the inputs open as the widget arrives; `stepping` holds the views a learner steps through once the
 * inputs have folded away, each stage's scene and slider over its view, the stage's bytes and numbers folded
 * under it (StageDetails). Measured 2026-12-03 with DejaVu Sans (see above), the taller of the two font sets;
 * before the folds, stepping took up to 3,063 px.
 */
const VISUALIZER_BUDGETS_PX: Record<string, { any: number; stepping: number }> = {
  // 2,036 px at the first stage's first beat (header, payload and secret open, the token under the stepper);
  // stepping, 1,767 px at "Header → base64url" (its grid of groups, three rows of it in view).
  'generation-visualizer': { any: 2140, stepping: 1870 },
  // 2,180 px as it arrives (token, tamper mode, secret, algorithms, the clock folded); stepping, 1,523 px.
  'verification-visualizer': { any: 2280, stepping: 1620 },
  // 2,044 px as it arrives; stepping, 1,643 px at the outer hash.
  'hmac-up-close': { any: 2150, stepping: 1750 },
  // 2,344 px at the first stage's first beat, inputs open; stepping, 2,053 px at "Signature → base64url" (a
  // 256-byte signature's grid, with the 342-character token under the stepper).
  'rsa-signing-visualizer': { any: 2450, stepping: 2150 },
  // 2,408 px as it arrives (the RFC's token and tamper mode open); stepping, 1,450 px.
  'rsa-verification-visualizer': { any: 2510, stepping: 1550 },
  // Chapter 3 encrypts in one widget and opens in the next. Encrypting: 1,535 px as it arrives; stepping, 1,521 px
  // at "Five parts". Decrypting: 2,108 px as it arrives (A.1's token and tamper mode open); stepping, 1,320 px.
  'jwe-encryption': { any: 1650, stepping: 1620 },
  'jwe-decryption': { any: 2200, stepping: 1420 },
};

for (const path of builtPages('dist').filter((p) => p.startsWith('chapters/'))) {
  for (const screen of SCREENS) {
    test(`/${path}: every widget keeps within its height on a ${screen.width} px ${screen.name}`, async ({ page }) => {
      // Every stage of up to two visualizers, each waited for: a minute or more on a loaded 2-core machine.
      test.setTimeout(180_000);
      await page.setViewportSize(screen);
      await page.goto(path);
      await hydrateIslands(page);
      const names = await widgetNames(page);
      expect(names.length).toBeGreaterThan(0);
      for (const [i, name] of names.entries()) {
        const views = await widgetViews(page.locator('[data-widget]').nth(i));
        const tallest = views.reduce((a, b) => (b.height > a.height ? b : a));
        const folded = views.filter((v) => !v.inputsOpen);
        const stepping = folded.length === 0 ? undefined : folded.reduce((a, b) => (b.height > a.height ? b : a));
        console.log(
          `height /${path} ${name} ${screen.name}: ${Math.round(views[0]!.height)} px as it arrives, ${Math.round(tallest.height)} px at most (${tallest.place})` +
            (stepping ? `; with its inputs folded ${Math.round(stepping.height)} px at most (${stepping.place})` : ''),
        );
        // The laptop's wider column never needs more room than the phone's: one budget for both.
        const budget = VISUALIZER_BUDGETS_PX[name];
        for (const view of views) expect.soft(view.height, `${name}, ${view.place}`).toBeLessThanOrEqual(budget?.any ?? GENERAL_BUDGET_PX);
        if (budget) {
          expect(folded.length, `${name} folds its inputs once the learner steps on`).toBeGreaterThan(0);
          for (const view of folded) expect.soft(view.height, `${name} stepping, ${view.place}`).toBeLessThanOrEqual(budget.stepping);
        }
      }
    });
  }
}
