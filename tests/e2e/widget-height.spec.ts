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
 * Measured on 2026-12-02, the tallest such was key sharing, 1,279 px on the phone.
 */
const GENERAL_BUDGET_PX = 1400;

/**
 * The named exceptions, in CSS pixels, with what they measured on the phone (their tallest, with the inputs
 * folded where they fold). A visualizer's stages are about to perform in beats: each stage gets a scene
 * (about 10em, 170 px on a phone) and the slider with its caption above its view, so each visualizer has
 * about 300 px of room over what it measured without them.
 */
const BUDGETS_PX: Record<string, number> = {
  // Measured 2,042 px (outer hash: K ⊕ opad, the worked example, the hash, WebCrypto's MAC).
  'generation-visualizer': 2350,
  // Measured 2,305 px as it arrives: the token, tamper mode and the verifier's clock are all open then.
  'verification-visualizer': 2600,
  // Measured 2,122 px as it arrives (message, key and hash open, over the key block).
  'hmac-up-close': 2450,
  // Measured 2,481 px (PKCS #1 padding: the DigestInfo's DER and the 256-byte EM, part by part).
  'rsa-signing-visualizer': 2800,
  // Measured 2,658 px (the public-key operation: s, n, m′ and EM′ with its DigestInfo's DER).
  'rsa-verification-visualizer': 2950,
  // Measured 2,937 px: a worked example in five numbered steps (the modulus, d by Euclid's table, signing,
  // verifying, changing a digit) read like the text around it; it has no stepper and no long byte run.
  'toy-rsa': 3050,
  // Measured 4,923 px: the key's whole anatomy (the key in brief, PEM and its DER tree, each JWK member with
  // its meaning, the public JWK, the thumbprint's input). Its long runs already scroll in boxes of about half
  // a screen; what remains is one card per JWK member, which a learner reads like a table.
  'rsa-key-pair': 5050,
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
