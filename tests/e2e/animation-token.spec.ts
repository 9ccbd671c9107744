/**
 * The token's two ends perform in beats: the generator joins its parts with dots, the verifier splits the
 * learner's token at its dots. Checked against the token's own text (node's base64url, String.split),
 * stepped through by keyboard on the slider, each ending as the map shows the stage.
 */
import { createHmac } from 'node:crypto';
import { expect, test, type Locator } from '@playwright/test';
import { openWidget } from './support';

/** The scene's pieces as written: each chip's text and its label. */
const pieces = (widget: Locator) => widget.locator('div.stage .pieces .chip');
/** A long piece as the scene shortens it: its first 12 and last 4 characters. */
const ends = (text: string) => (text.length > 20 ? `${text.slice(0, 12)}…${text.slice(-4)}` : text);

test('the generator joins header, dot, payload, a second dot and the signature into the token', async ({ page }) => {
  const { widget, errors } = await openWidget(page, 'chapters/generating-a-token/', 'generation-visualizer');
  const payload = '{"sub":"ada","admin":true}';
  await widget.getByLabel('Payload (JSON)').fill(payload);
  const input = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
  const signature = createHmac('sha256', 'super-secret').update(input).digest('base64url');
  const [header, body] = input.split('.') as [string, string];
  await expect(widget.locator('.output > .long .token')).toHaveText(`${input}.${signature}`);

  await widget.getByRole('list', { name: 'Stages' }).getByRole('button', { name: 'Token', exact: true }).click();
  const slider = widget.getByRole('slider', { name: /^Step/ });
  const caption = widget.locator('.caption');
  await expect(slider).toHaveValue('2');
  const final = await widget.locator('div.stage').innerText();

  await slider.focus();
  await page.keyboard.press('Home');
  await expect(caption).toHaveText(`The token starts with the signing input, header.payload: ${input.length} characters.`);
  await expect(pieces(widget)).toHaveText([`${ends(header)}header, ${header.length} characters`, '.dot', `${ends(body)}payload, ${body.length} characters`]);
  await page.keyboard.press('ArrowRight');
  await expect(pieces(widget)).toHaveCount(4);
  await expect(pieces(widget).last()).toHaveClass(/\bnow\b/);
  await expect(pieces(widget).first()).not.toHaveClass(/\bnow\b/);
  await page.keyboard.press('ArrowRight');
  await expect(caption).toHaveText(
    `Then the signature in base64url, ${signature.length} characters: the token is complete, ${input.length + 1 + signature.length} characters.`,
  );
  await expect(pieces(widget).last()).toHaveText(`${ends(signature)}signature, ${signature.length} characters`);
  await expect(widget.locator('div.stage')).toHaveText(final, { useInnerText: true });
  expect(errors).toEqual([]);
});

test('the verifier splits the learner’s token at its dots, and says why four segments cannot be checked', async ({ page }) => {
  const { widget, errors } = await openWidget(page, 'chapters/verifying-a-token/', 'verification-visualizer');
  const field = widget.getByLabel('Token to verify');
  const token = `${await field.inputValue()}.extra`;
  await field.fill(token);
  const segments = token.split('.');
  const dots = [...token.matchAll(/\./g)].map((m) => m.index + 1);
  await widget.getByRole('list', { name: 'Stages' }).getByRole('button', { name: /^Split/ }).click();
  const slider = widget.getByRole('slider', { name: /^Step/ });
  const caption = widget.locator('.caption');
  // The dots, then each of the four segments, then the verdict.
  await expect(slider).toHaveAttribute('max', String(1 + segments.length));
  const final = await widget.locator('div.stage').innerText();

  await slider.focus();
  await page.keyboard.press('Home');
  await expect(caption).toHaveText(`The token is read for its dots: 3 dots, at characters ${dots[0]}, ${dots[1]}, and ${dots[2]}.`);
  await expect(pieces(widget)).toHaveText([`${ends(token)}the token, ${token.length} characters`]);
  for (const [i, segment] of segments.entries()) {
    await page.keyboard.press('ArrowRight');
    await expect(caption).toContainText(`the segment ${i + 1}, ${segment.length} characters.`);
    await expect(pieces(widget).last()).toHaveText(`${ends(segment)}segment ${i + 1}, ${segment.length} characters`);
    await expect(pieces(widget).last()).toHaveClass(/\bnow\b/);
  }
  await page.keyboard.press('ArrowRight');
  await expect(caption).toHaveText('4 segments, where a signed token has exactly 3: it cannot be checked.');
  await expect(widget.locator('div.stage')).toHaveText(final, { useInnerText: true });
  expect(errors).toEqual([]);
});
