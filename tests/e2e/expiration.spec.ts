/**
 * The time machine in chapter 6, used as a learner would: move the clock across exp by keyboard and by mouse,
 * change the tolerance and the skew, mistype, play and stop the clock. Every expected flip second is worked out
 * here from the claims in the widget's field with RFC 7519's rules (accepted while now < exp + tolerance and
 * nbf <= now + tolerance), not read from the widget's own figures.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openWidget } from './support';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

async function open(page: Page) {
  const { widget, errors } = await openWidget(page, '/chapters/expiration/', 'token-clock');
  await expect(widget).not.toHaveAttribute('aria-busy', 'true');
  const payload = widget.getByLabel('Claims (payload)');
  const claims = JSON.parse(await payload.inputValue()) as { iat: number; nbf: number; exp: number };
  return {
    widget,
    errors,
    claims,
    payload,
    slider: widget.getByRole('slider', { name: "Now, on server A's clock" }),
    tolerance: widget.getByLabel('Tolerance (s)'),
    skew: widget.getByLabel('B behind A (s)'),
  };
}

const server = (widget: Locator, key: 'a' | 'b') => widget.locator(`[data-server="${key}"]`);

/** The server's verdict once it is the one for this clock. */
async function expectVerdict(widget: Locator, key: 'a' | 'b', clock: number, verdict: 'accepted' | 'refused', reason?: string | RegExp) {
  await expect(server(widget, key).locator('[data-clock]')).toHaveText(iso(clock));
  await expect(server(widget, key).locator('[data-verdict]')).toHaveAttribute('data-verdict', verdict);
  if (reason) await expect(server(widget, key).locator('[data-reason]')).toContainText(reason);
}

/** Server A's clock, from the slider's accessible value. */
async function nowOf(slider: Locator): Promise<number> {
  const text = (await slider.getAttribute('aria-valuetext'))!;
  return Number(/NumericDate (-?\d+)/.exec(text)![1]);
}

async function press(slider: Locator, key: string, times = 1) {
  for (let i = 0; i < times; i++) await slider.press(key);
}

test('by keyboard, the verdict flips from accepted to expired at exactly exp', async ({ page }) => {
  const { widget, errors, claims, slider } = await open(page);
  await slider.focus();
  const start = await nowOf(slider);
  expect(start).toBeLessThan(claims.exp);
  await press(slider, 'ArrowRight', claims.exp - 1 - start);
  await expect(slider).toHaveAttribute('aria-valuetext', `${iso(claims.exp - 1)} (NumericDate ${claims.exp - 1})`);
  await expectVerdict(widget, 'a', claims.exp - 1, 'accepted');
  await expect(server(widget, 'a').locator('[data-claim="exp"]')).toHaveAttribute('data-status', 'passed');
  await slider.press('ArrowRight');
  await expectVerdict(widget, 'a', claims.exp, 'refused', `Expired: exp ${claims.exp} = ${iso(claims.exp)}`);
  await server(widget, 'a').getByText('Its claim checks').click();
  await expect(server(widget, 'a').locator('[data-claim="exp"]')).toHaveAttribute('data-status', 'failed');
  await slider.press('ArrowLeft');
  await expectVerdict(widget, 'a', claims.exp - 1, 'accepted');
  // Page Up and Page Down move a minute; the buttons a second, a minute, an hour.
  await slider.press('PageUp');
  await expectVerdict(widget, 'a', claims.exp + 59, 'refused');
  await widget.getByRole('button', { name: 'back one minute' }).click();
  await widget.getByRole('button', { name: 'back one second' }).click();
  await expectVerdict(widget, 'a', claims.exp - 2, 'accepted');
  await widget.getByRole('button', { name: 'on one hour' }).click();
  await expectVerdict(widget, 'a', claims.exp + 3598, 'refused');
  expect(errors).toEqual([]);
});

test('the close-up shows a minute either side of the clock: exp on it near exp, off it an hour later', async ({ page }) => {
  const { widget, errors, claims, slider } = await open(page);
  const zoom = widget.locator('[data-zoom]');
  await zoom.click();
  await expect(zoom).toHaveAttribute('aria-pressed', 'true');
  const start = await nowOf(slider);
  expect(claims.exp - start).toBeLessThanOrEqual(60);
  await expect(widget.locator('.mark.claim.exp')).toBeVisible();
  await expect(widget.locator('.mark.claim.iat')).toHaveCount(0);
  await widget.getByRole('button', { name: 'on one hour' }).click();
  await expect(widget.locator('.mark.claim.exp')).toHaveCount(0);
  await zoom.click();
  await expect(widget.locator('.mark.claim')).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('Tab reaches the slider and the clock buttons', async ({ page }) => {
  const { widget, slider, skew } = await open(page);
  await skew.focus();
  await page.keyboard.press('Tab');
  await expect(slider).toBeFocused();
  const before = await nowOf(slider);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => nowOf(slider)).toBe(before + 1);
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: 'back one hour' })).toBeFocused();
});

test('dragged with the mouse, the verdict follows the slider across the token’s life', async ({ page }) => {
  const { widget, errors, claims, slider } = await open(page);
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  // Drag to the right end: far past exp.
  await slider.hover();
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 20, y, { steps: 5 });
  await page.mouse.up();
  const end = await nowOf(slider);
  expect(end).toBeGreaterThanOrEqual(claims.exp);
  await expectVerdict(widget, 'a', end, 'refused', 'Expired');
  // And to the left end: before nbf.
  await page.mouse.move(box.x + box.width - 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x - 20, y, { steps: 5 });
  await page.mouse.up();
  const start = await nowOf(slider);
  expect(start).toBeLessThan(claims.nbf);
  await expectVerdict(widget, 'a', start, 'refused', 'Not valid yet');
  // A click in the middle of the token's life, wherever it lands, gets the verdict RFC 7519 gives for it.
  await page.mouse.click(box.x + box.width / 2, y);
  const middle = await nowOf(slider);
  await expectVerdict(widget, 'a', middle, middle >= claims.nbf && middle < claims.exp ? 'accepted' : 'refused');
  expect(errors).toEqual([]);
});

test('a clock tolerance moves the flip second to exp + tolerance', async ({ page }) => {
  const { widget, errors, claims, slider, tolerance } = await open(page);
  const leeway = 30;
  await tolerance.fill(String(leeway));
  await slider.focus();
  const start = await nowOf(slider);
  await press(slider, 'PageUp', Math.floor((claims.exp + leeway - 1 - start) / 60));
  await press(slider, 'ArrowRight', (claims.exp + leeway - 1 - start) % 60);
  await expectVerdict(widget, 'a', claims.exp + leeway - 1, 'accepted');
  await expect(server(widget, 'a').locator('.clock-line')).toContainText(`tolerance ${leeway} s`);
  await slider.press('ArrowRight');
  await expectVerdict(widget, 'a', claims.exp + leeway, 'refused', `with ${leeway} s of clock tolerance`);
  expect(errors).toEqual([]);
});

test('server B, running behind, disagrees near exp and refuses a fresh token until tolerance covers the skew', async ({ page }) => {
  const { widget, errors, claims, slider, skew, tolerance } = await open(page);
  const behind = Number(await skew.inputValue());
  expect(behind).toBeGreaterThan(0);
  await slider.focus();
  const start = await nowOf(slider);
  await press(slider, 'PageUp');
  await press(slider, 'ArrowRight', claims.exp - start - 60);
  // At exp on A's clock: A refuses; B reads exp − skew, still before exp.
  await expectVerdict(widget, 'a', claims.exp, 'refused');
  await expectVerdict(widget, 'b', claims.exp - behind, 'accepted');
  // Screen readers hear the verdicts when they change, not every tick.
  await expect(widget.locator('[data-announce]')).toHaveText('Server A refuses the token. Server B accepts the token.');
  await press(slider, 'ArrowRight', behind);
  await expectVerdict(widget, 'b', claims.exp, 'refused', 'Expired');

  // Just after nbf on A's clock: B reads a moment before it.
  await slider.press('Home');
  const from = await nowOf(slider);
  await press(slider, 'PageUp', Math.floor((claims.nbf + 2 - from) / 60));
  await press(slider, 'ArrowRight', (claims.nbf + 2 - from) % 60);
  await expectVerdict(widget, 'a', claims.nbf + 2, 'accepted');
  await expectVerdict(widget, 'b', claims.nbf + 2 - behind, 'refused', 'Not valid yet');
  await tolerance.fill(String(behind));
  await expect(server(widget, 'b').locator('.clock-line')).toContainText(`tolerance ${behind} s`);
  await expectVerdict(widget, 'b', claims.nbf + 2 - behind, 'accepted');

  // A negative skew puts B ahead.
  await skew.fill('-10');
  await expect(server(widget, 'b').locator('h3')).toContainText('10 seconds ahead of A');
  await expectVerdict(widget, 'b', claims.nbf + 12, 'accepted');
  expect(errors).toEqual([]);
});

test('bad claims, a bad tolerance and a bad skew get their messages and keep the text', async ({ page }) => {
  const { widget, errors, claims, payload, tolerance, skew } = await open(page);
  const broken = '{"sub": "ada", "exp": }';
  await payload.fill(broken);
  await expect(widget.locator('.error').first()).toBeVisible();
  await expect(payload).toHaveValue(broken);
  await expect(widget.locator('.servers')).toHaveClass(/stale/);
  await expect(widget.getByText('These verdicts are for the last claims that could be signed')).toBeVisible();

  await tolerance.fill('ten');
  await expect(widget.getByText('"ten" is not a clock tolerance: write a whole number of seconds (for example 30). Both servers still use 0 s.')).toBeVisible();
  await expect(tolerance).toHaveValue('ten');
  await tolerance.fill('-3');
  await expect(widget.getByText('A clock tolerance of -3 s is below 0 s')).toBeVisible();
  await skew.fill('5 s');
  await expect(widget.getByText('"5 s" is not a skew: write a whole number of seconds, or a negative number (for example 5). Server B still runs 5 seconds behind A.')).toBeVisible();
  await expect(skew).toHaveValue('5 s');

  // A string exp: the verifier refuses it and says why; milliseconds: flagged, and far in the future.
  await payload.fill(JSON.stringify({ ...claims, exp: String(claims.exp) }));
  await expect(widget.locator('[data-note="exp"]')).toContainText('This is a string');
  await expect(server(widget, 'a').locator('[data-reason]')).toContainText(`The exp claim must be a NumericDate (a number of seconds since 1970), but it is "${claims.exp}"`);
  await payload.fill(JSON.stringify({ ...claims, exp: claims.exp * 1000 }));
  await expect(widget.locator('[data-note="exp"]')).toContainText('it looks like milliseconds');
  await expect(server(widget, 'a').locator('[data-verdict]')).toHaveAttribute('data-verdict', 'accepted');
  expect(errors).toEqual([]);
});

test('Play runs the clock; reduced motion stops it and offers no Play', async ({ page }) => {
  const { widget, errors, slider } = await open(page);
  const play = widget.locator('[data-play]');
  await widget.getByLabel('Speed').selectOption('3600');
  const start = await nowOf(slider);
  await play.click();
  await expect(play).toHaveText('Pause');
  await expect.poll(() => nowOf(slider)).toBeGreaterThan(start + 360);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(play).toHaveText('Play');
  await expect(play).toBeDisabled();
  await expect(widget.locator('[data-still]')).toBeVisible();
  const stopped = await nowOf(slider);
  // Still steps by hand.
  await widget.getByRole('button', { name: 'on one second' }).click();
  await expect.poll(() => nowOf(slider)).toBe(stopped + 1);
  expect(errors).toEqual([]);
});

test('a playing clock stops when it scrolls out of view', async ({ page }) => {
  const { widget, errors, slider } = await open(page);
  const play = widget.locator('[data-play]');
  const start = await nowOf(slider);
  await play.click();
  await expect.poll(() => nowOf(slider)).toBeGreaterThan(start);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(widget).not.toBeInViewport();
  await expect(play).toHaveText('Play');
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  expect(errors).toEqual([]);
});

test('under reduced motion from the start, Play is off and the slider still works', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { widget, errors, slider } = await open(page);
  await expect(widget.locator('[data-play]')).toBeDisabled();
  const start = await nowOf(slider);
  await slider.focus();
  await slider.press('ArrowRight');
  await expect.poll(() => nowOf(slider)).toBe(start + 1);
  expect(errors).toEqual([]);
});

test.describe('in Tokyo', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('dates are shown in UTC and in the browser’s time zone', async ({ page }) => {
    const { widget, slider } = await open(page);
    const now = await nowOf(slider);
    // Tokyo keeps no daylight saving time: nine hours ahead of UTC all year.
    const wall = new Date((now + 9 * 3600) * 1000).toISOString().slice(0, 19).replace('T', ' ');
    await expect(widget.locator('[data-utc]')).toHaveText(iso(now));
    await expect(widget.locator('[data-local]')).toHaveText(`${wall} UTC+09:00 (Asia/Tokyo)`);
  });
});

test('a shared link restores the claims, tolerance, skew and clock', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const { widget, claims, slider, tolerance, skew } = await open(page);
  await tolerance.fill('12');
  await skew.fill('-7');
  await slider.focus();
  await slider.press('PageUp');
  const now = await nowOf(slider);
  await widget.getByRole('button', { name: 'Copy a link to this' }).click();
  await expect(widget.locator('.share [role="status"]')).toContainText('Copied a link to this widget');
  const link = await page.evaluate(() => navigator.clipboard.readText());

  const other = await browser.newPage();
  await other.goto(link);
  const restored = other.locator('[data-widget="token-clock"]');
  await expect(restored).toHaveAttribute('data-hydrated', 'true');
  await expect(restored.getByLabel('Tolerance (s)')).toHaveValue('12');
  await expect(restored.getByLabel('B behind A (s)')).toHaveValue('-7');
  await expect(restored.getByRole('slider')).toHaveAttribute('aria-valuetext', `${iso(now)} (NumericDate ${now})`);
  await expectVerdict(restored, 'a', now, now < claims.exp + 12 ? 'accepted' : 'refused');
  await other.close();
});

test('a link with a tolerance out of range is refused as a whole, the widget on its example', async ({ page }) => {
  const state = Buffer.from(JSON.stringify({ tolerance: -5, skew: 9 })).toString('base64url');
  const { widget, errors } = await openWidget(page, `/chapters/expiration/#share=token-clock.${state}`, 'token-clock');
  await expect(widget.locator('[data-link-note]')).toContainText('Link not used');
  await expect(widget.getByLabel('Tolerance (s)')).toHaveValue('0');
  await expect(widget.getByLabel('B behind A (s)')).toHaveValue('5');
  expect(errors).toEqual([]);
});

test('a playing clock stops when the tab is hidden', async ({ page }) => {
  const { widget, errors, slider } = await open(page);
  const play = widget.locator('[data-play]');
  const start = await nowOf(slider);
  await play.click();
  await expect.poll(() => nowOf(slider)).toBeGreaterThan(start);
  // As a browser does when the learner switches tabs.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(play).toHaveText('Play');
  expect(errors).toEqual([]);
});
