/** Chapter 5's verifier performs its checks in beats: the token's value, what it is checked against, the verdict. */
import { expect, test, type Page } from '@playwright/test';
import { showClock } from './folds';
import { openWidget } from './support';

/** The example token's exp, and a clock one second before it. */
const EXP = Date.parse('2025-03-11T00:00:00Z') / 1000;
const CLOCK = EXP - 1;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

async function openAtExp(page: Page) {
  const { widget } = await openWidget(page, 'chapters/verifying-a-token/', 'verification-visualizer');
  await showClock(widget);
  await widget.getByLabel('Clock (UTC)').fill(iso(CLOCK));
  await widget.getByLabel('Clock tolerance (seconds)').fill('30');
  await expect(widget.locator('.outcome')).toContainText('Accepted');
  await widget.getByRole('list', { name: 'Stages' }).getByRole('button', { name: /^Check exp/ }).click();
  await expect(widget.locator('.position')).toHaveText('Stage 13 of 13: Check exp (passed)');
  return { widget, slider: widget.getByRole('slider', { name: /^Step/ }), caption: widget.locator('.caption'), line: widget.locator('figure.timeline') };
}

test('the exp check reads the claim, then the clock, then gives the verdict, scrubbed by keyboard', async ({ page }) => {
  const { widget, slider, caption, line } = await openAtExp(page);
  // Reached by the map: the last beat, the final state.
  await expect(slider).toHaveValue('2');
  const final = await widget.locator('div.stage').innerText();
  await expect(caption).toContainText(`Not expired: exp ${EXP}`);
  await expect(line.locator('figcaption')).toHaveText(`exp ${iso(EXP)}; clock ${iso(CLOCK)} ± 30 s: passed`);

  await slider.focus();
  await page.keyboard.press('Home');
  await expect(caption).toHaveText(`The token says exp ${EXP} = ${iso(EXP)}.`);
  await expect(line.locator('figcaption')).toHaveText(`exp ${iso(EXP)}`);
  await expect(line.locator('.now')).toHaveCount(0);
  await expect(widget.locator('dt.later', { hasText: 'Clock' })).toHaveCount(1);
  // The slider keeps the arrow keys: the stage stays.
  await page.keyboard.press('ArrowRight');
  await expect(widget.locator('.position')).toHaveText('Stage 13 of 13: Check exp (passed)');
  await expect(caption).toHaveText(`The verifier's clock reads ${CLOCK} = ${iso(CLOCK)}, give or take 30 s.`);
  await expect(line.locator('.now')).toHaveCount(1);
  await expect(line.locator('.band')).toHaveCount(1);
  await expect(widget.locator('.later')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(widget.locator('div.stage')).toHaveText(final, { useInnerText: true });
});

test('the algorithm check looks the header’s alg up in the allow-list', async ({ page }) => {
  const { widget, slider, caption } = await openAtExp(page);
  await widget.getByRole('list', { name: 'Stages' }).getByRole('button', { name: /^Algorithm allowed/ }).click();
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(caption).toHaveText('The header asks for "HS256".');
  await expect(widget.locator('dt.later')).toHaveText('This verifier accepts');
  await page.keyboard.press('End');
  await expect(caption).toHaveText('"HS256" is on the list: the check passes.');
  await expect(widget.locator('.later')).toHaveCount(0);
});

test('decoding the payload goes from characters to bytes to text to a JSON object', async ({ page }) => {
  const { widget, slider, caption } = await openAtExp(page);
  const segment = (await widget.getByLabel('Token to verify').inputValue()).split('.')[1]!;
  const json = Buffer.from(segment, 'base64url').toString('utf8');
  await widget.getByRole('list', { name: 'Stages' }).getByRole('button', { name: 'Decode payload' }).click();
  const forms = widget.getByRole('list', { name: 'How the payload is read' }).getByRole('listitem');
  await expect(forms).toHaveCount(4);
  const final = await widget.locator('div.stage').innerText();

  await slider.focus();
  await page.keyboard.press('Home');
  await expect(caption).toHaveText(`The payload segment: ${segment.length} base64url characters.`);
  await expect(forms).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(forms).toHaveCount(2);
  await expect(forms.nth(1)).toContainText(`${Buffer.byteLength(json)} bytes`);
  await expect(forms.nth(1)).toContainText(Buffer.from(json).subarray(0, 6).toString('hex').replace(/(..)(?!$)/g, '$1 '));
  await page.keyboard.press('ArrowRight');
  await expect(forms.nth(2)).toContainText('UTF-8 text');
  await page.keyboard.press('ArrowRight');
  await expect(caption).toHaveText(`Read as JSON, the text is an object with ${Object.keys(JSON.parse(json)).length} members: ${Object.keys(JSON.parse(json)).join(', ')}.`);
  await expect(widget.locator('div.stage')).toHaveText(final, { useInnerText: true });
});

test('with reduced motion, scrubbing draws each beat at once: nothing animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { widget, slider } = await openAtExp(page);
  await widget.getByRole('list', { name: 'Stages' }).getByRole('button', { name: 'Decode payload' }).click();
  await slider.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await expect(widget.getByRole('list', { name: 'How the payload is read' }).getByRole('listitem')).toHaveCount(4);
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
});
