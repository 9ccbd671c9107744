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
 * A widget without a stepper: at most a phone screen and a half (844 px high), whatever the learner does.
 * Measured on 2026-12-03, the tallest such was toy RSA, 1,349 px on the phone with each step's working folded
 * (key sharing 1,279 px; the key pair 1,104 px, its anatomy folded under the key in brief).
 */
const GENERAL_BUDGET_PX = 1400;

/**
 * The named exceptions, in CSS pixels, with what they measured on the phone (their tallest, with the inputs
 * folded where they fold), now that each stage performs in beats: a scene (about 10em) and the slider with
 * its caption above the stage's view. About 100 px of room over the measurement. These are what the widgets
 * are, not yet what issue 10 aims for (a laptop screen): the next cut is each view's reference part (the
 * constant-time note, the worked XOR example, the DER trees) folding away while its scene performs.
 */
const BUDGETS_PX: Record<string, number> = {
  // Measured 2,555 px (outer hash: its scene, K ⊕ opad, the worked example, the hash, WebCrypto's MAC).
  'generation-visualizer': 2650,
  // Measured 2,463 px at the inner hash (its scene over K ⊕ ipad); 2,305 px as it arrives, with the token,
  // tamper mode and the verifier's clock open.
  'verification-visualizer': 2600,
  // Measured 2,583 px at the outer hash, with message, key and hash open above it.
  'hmac-up-close': 2700,
  // Measured 2,792 px (PKCS #1 padding: its scene, the DigestInfo's DER and the 256-byte EM, part by part).
  'rsa-signing-visualizer': 2900,
  // Measured 3,063 px (the public-key operation: its scene, s, n, m′ and EM′ with its DigestInfo's DER).
  'rsa-verification-visualizer': 3150,
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
        console.log(`height /${path} ${name} ${screen.name}: ${Math.round(views[0]!.height)} px as it arrives, ${Math.round(tallest.height)} px at most (${tallest.place})`);
        // The laptop's wider column never needs more room than the phone's: one budget for both.
        const budget = BUDGETS_PX[name] ?? GENERAL_BUDGET_PX;
        for (const view of views) expect.soft(view.height, `${name}, ${view.place}`).toBeLessThanOrEqual(budget);
      }
    });
  }
}
