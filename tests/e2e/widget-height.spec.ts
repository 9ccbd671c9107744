/**
 * How tall each widget gets, on a phone and on a laptop: every widget of every built chapter (found by
 * walking the build, so a new one is covered), as it arrives and on every stage of its stepper, stepped
 * through with Forward (each stage's first beat and its final state). Each height is printed, for the
 * figures in README's "Widgets".
 */
import { expect, test } from '@playwright/test';
import { builtPages, hydrateIslands } from './support';
import { widgetNames, widgetViews } from './widget-stages';

const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
] as const;

for (const path of builtPages('dist').filter((p) => p.startsWith('chapters/'))) {
  for (const screen of SCREENS) {
    test(`/${path}: every widget keeps within its height on a ${screen.width} px ${screen.name}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(screen);
      await page.goto(path);
      await hydrateIslands(page);
      const names = await widgetNames(page);
      expect(names.length).toBeGreaterThan(0);
      for (const [i, name] of names.entries()) {
        const views = await widgetViews(page.locator('[data-widget]').nth(i));
        const tallest = views.reduce((a, b) => (b.height > a.height ? b : a));
        console.log(`height /${path} ${name} ${screen.name}: ${Math.round(views[0]!.height)} px as it arrives, ${Math.round(tallest.height)} px at most (${tallest.place})`);
      }
    });
  }
}
