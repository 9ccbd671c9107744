/**
 * "On this page" links and links with a #hash land on their heading and stay there while the widgets above
 * it hydrate and grow by thousands of pixels.
 */
import { expect, test, type Page } from '@playwright/test';
import { settled } from './support';

/**
 * Holds every client:visible island back until the test releases them all at once, so they hydrate after
 * the page has landed on its heading: the worst case, and the same on a fast or a loaded machine.
 */
async function holdIslands(page: Page): Promise<void> {
  await page.addInitScript(() => {
    // Astro's client:visible watches an island's children and hydrates at the first one seen.
    class HeldObserver {
      targets: Element[] = [];
      constructor(private readonly seen: IntersectionObserverCallback) {}
      observe(target: Element) {
        this.targets.push(target);
      }
      unobserve() {}
      disconnect() {
        this.targets = [];
      }
      takeRecords() {
        return [];
      }
      release() {
        const entries = this.targets.map((target) => ({ isIntersecting: true, target }) as IntersectionObserverEntry);
        if (entries.length > 0) this.seen(entries, this as unknown as IntersectionObserver);
      }
    }
    const held: HeldObserver[] = [];
    Object.assign(window, {
      releaseIslands: () => held.splice(0).forEach((observer) => observer.release()),
      IntersectionObserver: class extends HeldObserver {
        constructor(seen: IntersectionObserverCallback) {
          super(seen);
          held.push(this);
        }
      },
    });
  });
}

/** How far the heading is from where a jump puts it: the top of the window, less its scroll margin. */
async function offset(page: Page, id: string): Promise<number> {
  return page.evaluate((id) => {
    const heading = document.getElementById(id)!;
    return heading.getBoundingClientRect().top - parseFloat(getComputedStyle(heading).scrollMarginTop);
  }, id);
}

/**
 * The heading is back at the top once the page has drawn its last change: a widget may still re-render a
 * moment after the islands settle (a key pair arriving), and the keeper brings the heading back at the next
 * frame, not inside the same task. A keeper that lost the heading never brings it back, and this fails.
 */
async function expectBackOnHeading(page: Page, id: string): Promise<void> {
  await expect.poll(() => offset(page, id).then(Math.abs), { message: `#${id} is at the top of the window` }).toBeLessThan(40);
}

async function hydrateEverything(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { releaseIslands: () => void }).releaseIslands());
  await settled(page);
}

for (const { width, height } of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    for (const [path, id] of [
      ['chapters/rs256/', 'where-each-key-lives'],
      ['chapters/verifying-a-token/', 'tamper-mode'],
    ] as const) {
      test(`/${path}: the "On this page" link to #${id} stays on its heading while the widgets above hydrate`, async ({ page }) => {
        await holdIslands(page);
        await page.goto(path);
        await page.locator(`.toc a[href="#${id}"]`).click();
        await expect.poll(() => offset(page, id).then(Math.abs)).toBeLessThan(2);
        await hydrateEverything(page);
        await expectBackOnHeading(page, id);
        expect(new URL(page.url()).hash).toBe(`#${id}`);
      });

      test(`/${path}#${id} opened directly stays on its heading while the widgets above hydrate`, async ({ page }) => {
        await holdIslands(page);
        await page.goto(`${path}#${id}`);
        await expect.poll(() => offset(page, id).then(Math.abs)).toBeLessThan(2);
        await hydrateEverything(page);
        await expectBackOnHeading(page, id);
      });
    }
  });
}
