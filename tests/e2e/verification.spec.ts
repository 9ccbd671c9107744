/** Chapter 5's verification visualizer: verifying, tampering, moving the clock, by mouse and keyboard. */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { editInputs } from './inputs';
import { playsToTheEnd } from './stepper';
import { showClock } from './folds';
import { openWidget, useTheme } from './support';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const hs256 = (payload: string, secret = 'super-secret', header = '{"alg":"HS256","typ":"JWT"}') => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};

async function open(page: Page) {
  const { widget } = await openWidget(page, 'chapters/verifying-a-token/', 'verification-visualizer');
  // The stepper (and the keys it listens for) comes with the first verdict, a moment after hydration.
  await expect(widget.locator('.position')).toContainText('Stage 1 of');
  return {
    widget,
    token: widget.getByLabel('Token to verify'),
    verdict: widget.locator('.outcome'),
    position: widget.locator('.position'),
    tamper: widget.getByRole('group', { name: /Tamper with the token/ }),
  };
}

test('accepts the example token at a time it was valid, and shows every stage', async ({ page }) => {
  const { widget, verdict } = await open(page);
  await expect(verdict).toContainText('Accepted');
  const labels = await widget.getByRole('list', { name: 'Stages' }).getByRole('button').allTextContents();
  expect(labels.map((l) => l.replace(/\s+/g, ' ').trim().replace(/^\d+ /, ''))).toEqual([
    'Split', 'Decode header', 'Decode payload', 'Decode signature', 'Algorithm allowed? ✓ (passed)', 'Key fits? ✓ (passed)',
    'HMAC key block', 'Inner hash', 'Outer hash', 'Compare ✓ (passed)',
    'Check iat – (not checked)', 'Check nbf – (not present, not checked)', 'Check exp ✓ (passed)',
  ]);
});

test('a claim the token does not have is shown as not checked, never as passed', async ({ page }) => {
  const { widget, token, verdict, position } = await open(page);
  const map = widget.getByRole('list', { name: 'Stages' });
  // The example token has no nbf: the verifier has nothing to check.
  await map.getByRole('button', { name: /^Check nbf/ }).click();
  await expect(position).toHaveText('Stage 12 of 13: Check nbf (not present, not checked)');
  await expect(widget.locator('.explanation')).toContainText('The token has no nbf claim; there is nothing to check.');
  await expect(widget.locator('div.stage')).toContainText('(absent)');
  // With an nbf in the past, the same stage passes.
  const [iat, exp] = [1687716785, 1741651200];
  await expect(verdict).toContainText('Accepted. The signature matches and every check made passed. Not in the token, so not checked: nbf.');
  await editInputs(widget);
  await token.fill(hs256(JSON.stringify({ iat, nbf: iat, exp })));
  await expect(verdict).toContainText('Accepted');
  await expect(verdict).not.toContainText('Not in the token');
  await expect(map.getByRole('button', { name: /^Check nbf/ })).toHaveText(/Check nbf ✓ \(passed\)$/);
  await expect(position).toHaveText('Stage 12 of 13: Check nbf (passed)');
  await expect(widget.locator('.explanation')).toContainText('Already valid: nbf 1687716785');
  // Without exp the verdict says what that means.
  await token.fill(hs256(JSON.stringify({ iat })));
  await expect(verdict).toContainText('Not in the token, so not checked: nbf and exp. Without exp, this token never expires.');
});

test('plays to the last stage and stops there', async ({ page }) => {
  const { widget } = await open(page);
  await widget.getByRole('list', { name: 'Stages' }).getByRole('button', { name: /^Compare/ }).click();
  await playsToTheEnd(page, widget);
});

test('the stage keys work from the verifier\'s settings, but not in the token field', async ({ page }) => {
  const { widget, token, position } = await open(page);
  const hs384 = widget.getByLabel('HS384');
  await hs384.focus();
  await page.keyboard.press('ArrowRight');
  await expect(position).toContainText('Stage 2 of 13');
  await page.keyboard.press('End');
  await expect(position).toContainText('Stage 13 of 13');
  // Space keeps its meaning on a checkbox: it ticks it, and does not start playing.
  await page.keyboard.press(' ');
  await expect(hs384).toBeChecked();
  await expect(widget.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  // In the token field the arrows move the caret.
  await token.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(position).toContainText('Stage 13 of 13');
  await expect(token).toBeFocused();
});

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The first payload character whose change (to the next base64url character) still decodes to a JSON object. */
function harmlessPayloadChange(token: string): number {
  const [h, p] = token.split('.') as [string, string];
  for (let i = 0; i < p.length - 1; i++) {
    const changed = p.slice(0, i) + ALPHABET[(ALPHABET.indexOf(p[i]!) + 1) % 64] + p.slice(i + 1);
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(changed, 'base64url'));
      if (typeof JSON.parse(text) === 'object') return h.length + 1 + i;
    } catch {
      // not decodable: try the next character
    }
  }
  throw new Error('no harmless change found');
}

test('tampering with the payload fails at the compare; changing it back passes', async ({ page }) => {
  const { widget, token, verdict, tamper, position } = await open(page);
  const at = harmlessPayloadChange(await token.inputValue());
  // The dot before the payload is not a button.
  const payloadChar = tamper.getByRole('button').nth(at - 1);
  await payloadChar.click();
  await expect(verdict).toContainText('Refused at “Compare”');
  await expect(verdict).toContainText('differs from the token\'s at byte');
  // The stepper stays where the learner was; the verdict offers the failing stage.
  await expect(position).toContainText('Stage 1 of 10: Split');
  // By keyboard: the button disappears once the stage is shown, and focus goes to the stage, not the page.
  await verdict.getByRole('button', { name: 'Show that stage' }).focus();
  await page.keyboard.press('Enter');
  await expect(position).toContainText('Compare (failed)');
  await expect(position).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(position).toContainText('Outer hash');
  await page.keyboard.press('ArrowRight');
  // Showing the stage folded the inputs away: tamper mode is one click on "Edit" away.
  await editInputs(widget);
  await expect(widget.getByText(/character changed/)).toContainText('1 character changed');
  await payloadChar.click();
  await expect(verdict).toContainText('Accepted');
});

test('a broken base64url character fails at decoding, by keyboard alone', async ({ page }) => {
  const { token, verdict } = await open(page);
  const value = await token.inputValue();
  await token.focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('=');
  await expect(verdict).toContainText('Refused at “Decode header”');
  await expect(verdict).toContainText('Character 6 of the header segment is "=" (U+003D)');
  await expect(token).toHaveValue(value.slice(0, 5) + '=' + value.slice(5));
});

test('a valid signature with an expired token is refused at exp, and the clock decides', async ({ page }) => {
  const { widget, verdict } = await open(page);
  // The clock and expectations are folded to a line that says what they are; Enter on it opens them.
  const settings = widget.locator('summary', { hasText: "The verifier's clock and expectations" });
  await expect(settings).toHaveText("The verifier's clock and expectations: 2023-06-25T19:13:05Z, tolerance 0 s, iss not checked, aud not checked");
  await expect(widget.getByLabel('Clock (UTC)')).toBeHidden();
  await settings.focus();
  await page.keyboard.press('Enter');
  await widget.getByRole('button', { name: 'Now' }).click();
  await expect(verdict).toContainText('Refused at “Check exp”');
  await expect(verdict).toContainText('The signature is valid, but the token is refused anyway');
  await expect(verdict).toContainText('2025-03-11T00:00:00Z');
  const clock = widget.getByLabel('Clock (UTC)');
  await clock.fill('2025-03-10 late');
  await expect(widget).toContainText('"2025-03-10 late" is not a time the clock can show');
  await expect(clock).toHaveValue('2025-03-10 late');
  // The verdict on screen stays the one for the clock still in use, and the message says which clock that is.
  const inUse = (await widget.getByText(/^The clock reads NumericDate/).textContent())!.match(/= (\S+Z)\./)![1]!;
  await expect(widget.locator('.error').filter({ hasText: 'is not a time' })).toContainText(`The verifier still uses ${inUse}.`);
  await expect(verdict).toContainText('Refused at “Check exp”');
  await clock.fill('2025-03-10T23:59:59Z');
  await expect(verdict).toContainText('Accepted');
  await widget.getByLabel('Clock tolerance (seconds)').fill('0');
  await widget.getByRole('button', { name: '+1 day' }).click();
  await expect(verdict).toContainText('Refused at “Check exp”');
  const tolerance = widget.getByLabel('Clock tolerance (seconds)');
  await tolerance.fill('90000');
  await expect(verdict).toContainText('Accepted');
  // A tolerance that is not a whole number of seconds is named, kept, and leaves the verifier's as it was.
  await tolerance.fill('-3');
  await expect(widget).toContainText('"-3" is not a clock tolerance: write a whole number of seconds, 0 or more');
  await expect(widget).toContainText('The verifier still uses 90000 s.');
  await expect(tolerance).toHaveValue('-3');
  await expect(verdict).toContainText('Accepted');
  await expect(settings).toContainText('tolerance 90000 s, iss not checked, aud not checked. A setting has a problem: open to see it');
  await tolerance.fill('');
  await expect(widget).toContainText('The clock tolerance is empty');
});

test('checks iss and aud when the verifier expects them', async ({ page }) => {
  const { widget, token, verdict } = await open(page);
  await token.fill(hs256('{"iss":"https://auth.example","aud":"shop"}'));
  await expect(verdict).toContainText('Accepted');
  await showClock(widget);
  await widget.getByLabel('Expected issuer (iss)').fill('https://login.example');
  await expect(verdict).toContainText('Refused at “Check iss”');
  await widget.getByLabel('Expected issuer (iss)').fill('https://auth.example');
  await widget.getByLabel('Expected audience (aud)').fill('bank');
  await expect(verdict).toContainText('Refused at “Check aud”');
  await expect(widget.locator('summary', { hasText: "The verifier's clock and expectations" })).toContainText('iss "https://auth.example", aud "bank"');
});

test('refuses an algorithm that is not allowed, and alg none', async ({ page }) => {
  const { widget, token, verdict } = await open(page);
  await token.fill(hs256('{"sub":"ada"}', 'super-secret', '{"alg":"HS512"}').replace(/\.[^.]+$/, '.AAAA'));
  await expect(verdict).toContainText('Refused at “Algorithm allowed?”');
  await widget.getByLabel('HS512').check();
  await expect(verdict).toContainText('Refused at “Compare”');
  await token.fill(`${b64('{"alg":"none"}')}.${b64('{"sub":"admin"}')}.`);
  await expect(verdict).toContainText('"alg": "none"');
});

test('tamper mode works by keyboard: one tab stop, arrows to move, Enter to change', async ({ page }) => {
  const { tamper, verdict } = await open(page);
  await tamper.getByRole('button').first().focus();
  await page.keyboard.press('End');
  await expect(tamper.getByRole('button').last()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(verdict).toContainText('Refused');
  await page.keyboard.press('Enter');
  await expect(verdict).toContainText('Accepted');
  await expect(tamper.locator('button[tabindex="0"]')).toHaveCount(1);
});

test('tamper mode shows a 200 KB token a window at a time; buttons and keys move it, and a change is judged', async ({ page }) => {
  const { widget, token, verdict, tamper } = await open(page);
  const long = hs256(JSON.stringify({ sub: 'ada', note: 'x'.repeat(200_000) }));
  await token.fill(long);
  await expect(verdict).toContainText('Accepted');
  const window = widget.getByRole('group', { name: 'Which characters tamper mode shows' });
  const cells = tamper.getByRole('button');
  const total = long.length.toLocaleString('en-US');
  await expect(window).toContainText(`Characters 1–500 of ${total}`);
  // 500 characters, one of them the dot after the header: never a button per character of the token.
  await expect(cells).toHaveCount(499);
  expect((await tamper.boundingBox())!.height).toBeLessThan(page.viewportSize()!.height);
  // The window's own buttons are targets of 24 × 24 CSS pixels too, and pass axe.
  for (const box of await window.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
  }
  const { violations } = await new AxeBuilder({ page }).include('[data-widget="verification-visualizer"] .window').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  // The signature is at the end: its first character changed, the token is refused at the compare.
  await window.getByRole('button', { name: 'Last' }).click();
  await expect(window).toContainText(`Characters ${(long.length - 499).toLocaleString('en-US')}–${total} of ${total}`);
  const signatureStart = long.lastIndexOf('.') + 1;
  const first = tamper.locator(`button[data-index="${signatureStart}"]`);
  await expect(first).toHaveAccessibleName(`${long[signatureStart]}, character ${signatureStart + 1}`);
  await first.click();
  await expect(verdict).toContainText('Refused at “Compare”');
  await expect(widget.getByText(/character changed/)).toHaveText(/1 character changed/);
  await first.click();
  await expect(verdict).toContainText('Accepted');

  // By keyboard: Home and End go to the token's ends, an arrow past the window's edge moves the window.
  await first.focus();
  await page.keyboard.press('Home');
  await expect(window).toContainText(`Characters 1–500 of ${total}`);
  await expect(tamper.locator('button[data-index="0"]')).toBeFocused();
  await tamper.locator('button[data-index="499"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(window).toContainText(`Characters 501–1,000 of ${total}`);
  await expect(tamper.locator('button[data-index="500"]')).toBeFocused();
  await page.keyboard.press('End');
  await expect(tamper.locator(`button[data-index="${long.length - 1}"]`)).toBeFocused();
  await expect(tamper.locator('button[tabindex="0"]')).toHaveCount(1);
});

test('a pasted emoji is one character in tamper mode, and a change after it changes that character only', async ({ page }) => {
  const { token, verdict, tamper } = await open(page);
  const value = await token.inputValue();
  // An emoji in the payload segment, where the decoder names it by its number in the segment.
  const at = value.indexOf('.') + 5;
  const pasted = `${value.slice(0, at)}🎉${value.slice(at)}`;
  await token.fill(pasted);
  await expect(verdict).toContainText('Refused at “Decode payload”');
  await expect(verdict).toContainText('Character 5 of the payload segment is "🎉"');
  const emoji = tamper.locator(`button[data-index="${at}"]`);
  await expect(emoji).toHaveAccessibleName(`🎉, character ${at + 1}`);
  const after = tamper.locator(`button[data-index="${at + 1}"]`);
  await expect(after).toHaveAccessibleName(`${value[at]}, character ${at + 2}`);
  // The last character is numbered as the characters a person sees: the emoji counted once.
  await expect(tamper.getByRole('button').last()).toHaveAccessibleName(new RegExp(`, character ${value.length + 1}$`));

  await after.click();
  const next = ALPHABET[(ALPHABET.indexOf(value[at]!) + 1) % 64]!;
  await expect(token).toHaveValue(`${value.slice(0, at)}🎉${next}${value.slice(at + 1)}`);
  await expect(after).toHaveAccessibleName(`${next}, character ${at + 2}, changed`);
  await expect(emoji).toHaveAccessibleName(`🎉, character ${at + 1}`);
  await after.click();
  await expect(token).toHaveValue(pasted);
  // The emoji itself is one character to change, and back.
  await emoji.click();
  await expect(token).toHaveValue(`${value.slice(0, at)}A${value.slice(at)}`);
  await emoji.click();
  await expect(token).toHaveValue(pasted);
});

test('a long decoded payload is shortened between the characters a person sees, and counts them', async ({ page }) => {
  const { widget, token, verdict } = await open(page);
  const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
  const json = JSON.stringify({ note: `é${family.repeat(400)}🎉` });
  await token.fill(hs256(json));
  await expect(verdict).toContainText('Accepted');
  await widget.getByRole('list', { name: 'Stages' }).getByRole('button', { name: /^Decode payload/ }).click();
  const long = widget.locator('div.stage .long');
  // node's own grapheme segmenter: 300 characters kept at the start, 100 at the end, none cut in half.
  const seen = Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(json), (s) => s.segment);
  await expect(long.locator('code')).toHaveText(`${seen.slice(0, 300).join('')}…${seen.slice(-100).join('')}`);
  await expect(long).toContainText(`(${seen.length - 400} characters hidden)`);
  await long.getByRole('button', { name: `Show all ${seen.length} characters of the decoded payload` }).click();
  await expect(long.locator('code')).toHaveText(json);
});

test('no algorithm or no secret leaves no verdict on screen, only the reason; fixing the input gives a fresh one', async ({ page }) => {
  const { widget, verdict } = await open(page);
  const outOfDate = widget.getByText('Out of date:');
  const secret = widget.getByLabel("The verifier's secret", { exact: true });
  const guideSecret = await secret.inputValue();
  await expect(verdict).toContainText('Accepted');
  await expect(outOfDate).toHaveCount(0);

  await widget.getByLabel('HS256').uncheck();
  await expect(verdict).toHaveText(/^No verdict\. No algorithm is allowed/);
  await expect(outOfDate).toBeVisible();
  await expect(widget.getByRole('heading', { name: 'How the token was checked (out of date)' })).toBeAttached();
  await widget.getByLabel('HS256').check();
  await expect(verdict).toContainText('Accepted');
  await expect(outOfDate).toHaveCount(0);

  await secret.fill('');
  await expect(verdict).toHaveText(/^No verdict\. The secret is empty/);
  await expect(outOfDate).toBeVisible();
  // A different secret gives its own verdict, and the guide's gives back the acceptance.
  await secret.fill('not-the-secret-that-signed-this-token');
  await expect(verdict).toContainText('Refused at “Compare”');
  await expect(outOfDate).toHaveCount(0);
  await secret.fill(guideSecret);
  await expect(verdict).toContainText('Accepted');
});

test('a secret typed with an emoji counts the characters a person sees beside its bytes', async ({ page }) => {
  const { widget } = await open(page);
  const secret = widget.getByLabel("The verifier's secret", { exact: true });
  // One family emoji (three people and two joiners: 18 bytes in UTF-8) and 25 ASCII characters.
  await secret.fill('\u{1F468}\u200D\u{1F469}\u200D\u{1F467} and a long enough secret');
  await expect(widget.getByText('26 characters (as you see them) → 43 bytes (344 bits)')).toBeVisible();
  await secret.fill('plain ASCII secret of 32 bytes!!');
  await expect(widget.getByText('32 bytes (256 bits)', { exact: true })).toBeVisible();
});

test('a token pasted with "Bearer " or a line break after it is refused with the hint to remove them', async ({ page }) => {
  const { token, verdict } = await open(page);
  const value = await token.inputValue();
  await token.fill(`Bearer ${value}`);
  await expect(verdict).toContainText('Refused at “Split”');
  await expect(verdict).toContainText('The token starts with "Bearer ": that is the scheme of an HTTP Authorization header');
  await expect(verdict).toContainText('Remove "Bearer" and the space after it');
  await expect(token).toHaveValue(`Bearer ${value}`);
  await token.fill(`${value}\n`);
  await expect(verdict).toContainText(`The token ends with a line break (U+000A) (character ${value.length + 1})`);
  await expect(verdict).toContainText('remove it from the end');
  await token.fill(value);
  await expect(verdict).toContainText('Accepted');
});

test('an invisible character in a claim is named in the refusal, not left to reorder it', async ({ page }) => {
  const { widget, token, verdict } = await open(page);
  await token.fill(hs256('{"iss":"https://auth.example\u202Egro.live"}', await widget.getByLabel("The verifier's secret", { exact: true }).inputValue()));
  await showClock(widget);
  await widget.getByLabel('Expected issuer (iss)').fill('https://auth.example');
  await expect(verdict).toContainText('Refused at “Check iss”');
  const badge = verdict.locator('.invisible');
  await expect(badge).toHaveText('⟨U+202E RLO⟩(invisible character: RIGHT-TO-LEFT OVERRIDE (U+202E))');
  await expect(badge).toHaveAttribute('title', 'RIGHT-TO-LEFT OVERRIDE (U+202E)');
  expect(await verdict.textContent()).not.toContain('\u202E');
  // The decoded payload and the claim's value in the stages show it too.
  const stages = widget.getByRole('list', { name: 'Stages' });
  await stages.getByRole('button', { name: /Decode payload/ }).click();
  await expect(widget.locator('div.stage pre .invisible')).toHaveAttribute('title', 'RIGHT-TO-LEFT OVERRIDE (U+202E)');
  await stages.getByRole('button', { name: /Check iss/ }).click();
  await expect(widget.locator('div.stage dd .invisible')).toHaveAttribute('title', 'RIGHT-TO-LEFT OVERRIDE (U+202E)');
});

const JWE = (JSON.parse(readFileSync('tests/vectors/rfc7516.json', 'utf8')) as { vectors: { id: string; token?: string }[] }).vectors.find((v) => v.id === 'rfc7516-a1')!.token!;

test('an encrypted token (JWE) is told apart in tamper mode, its five parts coloured as what they are', async ({ page }) => {
  const { widget, token, verdict, tamper } = await open(page);
  await token.fill(JWE);
  await expect(verdict).toContainText('encrypted token (JWE)');
  await expect(verdict).toContainText('this verifier checks signed tokens only');
  const starts = JWE.split('.').map((_, i, pieces) => pieces.slice(0, i).join('.').length + (i ? 1 : 0));
  // Dots are not buttons: the character at token index t is button t minus the dots before it.
  const cell = (i: number) => tamper.getByRole('button').nth(starts[i]! - i);
  const parts = ['header', 'encrypted-key', 'iv', 'ciphertext', 'tag'];
  for (const [i, part] of parts.entries()) await expect(cell(i)).toHaveClass(new RegExp(`\\bpart-${part}\\b`));
  await expect(tamper.locator('.extra')).toHaveCount(0);
  // The split stage draws the same five parts.
  const split = widget.locator('div.stage .token');
  for (const [i, part] of parts.entries()) await expect(split.locator(`.part-${part}`)).toHaveText(JWE.split('.')[i]!);
  await expect(split.locator('.extra')).toHaveCount(0);
});

for (const width of [390, 1280]) {
  test(`tamper-mode characters are targets of at least 24 × 24 CSS pixels at ${width} px, and the token wraps`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const { tamper } = await open(page);
    const boxes = await tamper.getByRole('button').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThan(100);
    expect(Math.min(...boxes.map((b) => b.width))).toBeGreaterThanOrEqual(24);
    expect(Math.min(...boxes.map((b) => b.height))).toBeGreaterThanOrEqual(24);
    // Wrapped into rows inside its box, never wider than the page.
    const frame = (await tamper.boundingBox())!;
    expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(frame.x + frame.width);
    expect(frame.x + frame.width).toBeLessThanOrEqual(width);
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBeGreaterThan(1);
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`"No verdict", the out-of-date stages and a JWE in tamper mode pass axe in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(60_000);
    await useTheme(page, theme);
    const { widget, token, verdict, tamper } = await open(page);
    // A short five-part token, so that axe has a few dozen characters to check, not RFC 7516's hundreds.
    await token.fill(`${b64('{"alg":"dir","enc":"A128GCM"}')}.a2V5.aXY.Y2lwaGVy.dGFn`);
    await expect(verdict).toContainText('encrypted token (JWE)');
    await expect(tamper.locator('.part-tag')).toHaveCount(4);
    await widget.getByLabel('HS256').uncheck();
    await expect(verdict).toHaveText(/^No verdict/);
    await expect(widget.getByText('Out of date:')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).include('[data-widget="verification-visualizer"]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
