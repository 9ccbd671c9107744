/** The token anatomy widget in chapter 1, used the way a learner would: typing, pasting, breaking things. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openWidget, useTheme } from './support';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const hex = (segment: string) => Buffer.from(segment, 'base64url').toString('hex').replace(/(..)(?!$)/g, '$1 ');

const EXAMPLE =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJuYW1lIjoiSm9obiBEb2UiLCJpYXQiOjE2ODc3MTY3ODUsImV4cCI6MTc0MTY1MTIwMH0.Vwrb-zbkQiDAoS3hejME3pWooCHUyv1vb0PLLBTeWJQ';

const JWE = (JSON.parse(readFileSync('tests/vectors/rfc7516.json', 'utf8')) as { vectors: { id: string; token: string; protected_header: string }[] })
  .vectors.find((v) => v.id === 'rfc7516-a1')!;

async function open(page: Page) {
  const { widget, errors } = await openWidget(page, 'chapters/what-is-jwt/', 'token-anatomy');
  const panel = (title: string) => widget.locator('section').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  return { widget, field: widget.getByLabel(/^Token/), panel, errors };
}

test('shows the example token decoded, part by part', async ({ page }) => {
  const { widget, field, panel, errors } = await open(page);
  await expect(field).toHaveValue(EXAMPLE);
  const [h, p, s] = EXAMPLE.split('.') as [string, string, string];
  await expect(panel('Header').locator('pre')).toHaveText(Buffer.from(h, 'base64url').toString());
  await expect(panel('Payload').locator('pre')).toHaveText(Buffer.from(p, 'base64url').toString());
  await expect(panel('Signature').locator('code')).toHaveText(hex(s));
  await expect(panel('Signature')).toContainText('43 base64url characters → 32 bytes');
  await expect(widget.locator('.token .part-header')).toHaveText(h);
  await expect(widget.locator('.token .part-signature')).toHaveText(s);
  expect(errors).toEqual([]);
});

test('decodes unicode claims typed by the learner', async ({ page }) => {
  const { field, panel } = await open(page);
  const payload = '{"name":"Zoë 日本","admin":true}';
  const token = `${b64('{"alg":"HS256"}')}.${b64(payload)}.${b64('sig')}`;
  await field.fill('');
  await field.pressSequentially(token);
  await expect(panel('Payload').locator('pre')).toHaveText(payload);
  // 30 characters, of which "ë" is 2 bytes and each CJK character 3.
  await expect(panel('Payload')).toContainText(`→ ${Buffer.byteLength(payload)} bytes`);
  await expect(panel('Signature').locator('code')).toHaveText('73 69 67');
});

test('names the exact place of a bad base64url character, and keeps the text', async ({ page }) => {
  const { widget, field, panel } = await open(page);
  const [h, p, s] = EXAMPLE.split('.') as [string, string, string];
  const broken = `${h}.${p.slice(0, 10)}+${p.slice(11)}.${s}`;
  await field.fill(broken);
  await expect(panel('Payload')).toContainText('Character 11 of the payload segment is "+"');
  await expect(panel('Payload')).toContainText('"-" instead');
  await expect(widget.locator('.token mark')).toHaveText('+');
  // The rest still decodes, and nothing the learner typed is lost.
  await expect(panel('Header').locator('pre')).toHaveText('{"alg":"HS256","typ":"JWT"}');
  await expect(panel('Signature').locator('code')).toHaveText(hex(s));
  await expect(field).toHaveValue(broken);
});

test('explains a missing dot, invalid JSON and a duplicate member', async ({ page }) => {
  const { widget, field, panel } = await open(page);
  const [h, p, s] = EXAMPLE.split('.') as [string, string, string];

  await field.fill(`${h}.${p}${s}`);
  await expect(widget).toContainText('The token has 2 segments (1 dot)');
  await expect(panel('Header').locator('pre')).toHaveText('{"alg":"HS256","typ":"JWT"}');

  await field.fill(`${b64('{"alg":"HS256",}')}.${p}.${s}`);
  await expect(panel('Header')).toContainText('Line 1, column 15 of the header');
  await expect(panel('Header').locator('mark')).toHaveText(',');

  await field.fill(`${h}.${b64('{"sub":"ada","sub":"eve"}')}.${s}`);
  await expect(panel('Payload')).toContainText('The payload has the member "sub" twice');
  await expect(panel('Payload')).toContainText('line 1, column 2');
  await expect(panel('Payload')).toContainText('line 1, column 14');
});

test("names an encrypted token's (JWE) five parts, colours each, and decodes only its protected header", async ({ page }) => {
  const { widget, field, panel, errors } = await open(page);
  await field.fill(JWE.token);
  await expect(widget.locator('[aria-live]')).toContainText('An encrypted token (JWE): five parts');
  await expect(widget.locator('[aria-live]')).toContainText('The verifiers in this course check signed tokens (JWS) only');
  await expect(panel('Protected header').locator('pre')).toHaveText(JWE.protected_header);
  const [h, key, iv, ciphertext, tag] = JWE.token.split('.') as [string, string, string, string, string];
  const bytes = (b64u: string) => Buffer.from(b64u, 'base64url').length;
  for (const [title, text] of [['Encrypted key', key], ['Initialization vector', iv], ['Ciphertext', ciphertext], ['Authentication tag', tag]] as const) {
    await expect(panel(title)).toContainText(`${text.length} base64url characters → ${bytes(text)} bytes`);
    await expect(panel(title)).toContainText('Encrypted');
  }
  await expect(panel('Payload')).toHaveCount(0);
  await expect(panel('Signature')).toHaveCount(0);
  // Each part in its own colour, none struck out as extra.
  for (const [part, text] of [['header', h], ['encrypted-key', key], ['iv', iv], ['ciphertext', ciphertext], ['tag', tag]] as const) {
    await expect(widget.locator(`.token .part-${part}`)).toHaveText(text);
  }
  await expect(widget.locator('.token .extra')).toHaveCount(0);
  const colours = await widget.locator('.token [class^="part-"]').evaluateAll((spans) => spans.map((s) => getComputedStyle(s).color));
  expect(new Set(colours).size).toBe(5);
  await expect(widget.getByText("Problem with the token")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('shows invisible and reordering characters in decoded text as named badges, and says so', async ({ page }) => {
  const { widget, field, panel } = await open(page);
  const payload = '{"name":"admin\u202Efdp.exe","note":"a\u200Bb","x":"\u2066y"}';
  await field.fill(`${b64('{"alg":"HS256"}')}.${b64(payload)}.${b64('sig')}`);
  const badges = panel('Payload').locator('pre .invisible');
  await expect(badges).toHaveCount(3);
  await expect(badges.nth(0)).toHaveAttribute('title', 'RIGHT-TO-LEFT OVERRIDE (U+202E)');
  await expect(badges.nth(0)).toContainText('⟨U+202E RLO⟩');
  await expect(badges.nth(1)).toHaveAttribute('title', 'ZERO WIDTH SPACE (U+200B)');
  await expect(badges.nth(2)).toHaveAttribute('title', 'LEFT-TO-RIGHT ISOLATE (U+2066)');
  // The characters themselves are not on the page, so nothing after them is reordered or hidden.
  const shown = (await panel('Payload').locator('pre').textContent())!;
  expect(shown).not.toMatch(/[\u202E\u200B\u2066]/);
  expect(shown).toContain('"name":"admin⟨U+202E RLO⟩');
  expect(shown).toContain('fdp.exe"');
  await expect(panel('Payload')).toContainText('characters that draw nothing or reorder the text around them');
  await expect(widget).toContainText('shown as named badges');
  // Without such characters, no warning.
  await field.fill(EXAMPLE);
  await expect(panel('Payload').locator('.invisible')).toHaveCount(0);
  await expect(panel('Payload')).not.toContainText('draw nothing');
});

test('works by keyboard alone, and the example can be restored', async ({ page }) => {
  const { widget, field, panel } = await open(page);
  await field.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(panel('Signature')).toContainText('42 base64url characters');
  await expect(panel('Signature')).toContainText('canonical');
  await page.keyboard.press('Tab');
  const restore = widget.getByRole('button', { name: 'Back to the example' });
  await expect(restore).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue(EXAMPLE);
  await expect(widget.locator('[aria-live]')).toContainText('Decoded all three parts');
});

for (const theme of ['light', 'dark'] as const) {
  test(`an encrypted token's part colours and the invisible-character badges pass axe in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    const { widget, field } = await open(page);
    // A five-part token whose protected header holds a zero-width space: all five colours and a badge on screen.
    await field.fill(`${b64('{"alg":"dir","enc":"A128GCM","kid":"a\u200Bb"}')}.a2V5.aXY.Y2lwaGVy.dGFn`);
    await expect(widget.locator('.invisible')).toHaveCount(1);
    await expect(widget.locator('.token .part-tag')).toHaveText('dGFn');
    const { violations } = await new AxeBuilder({ page }).include('[data-widget="token-anatomy"]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('shortens a 200 KB token to about a screen, keeps a bad character deep inside marked, and shows it all on request', async ({ page }) => {
  test.setTimeout(120_000); // two 200 KB pastes decoded and drawn, on a loaded 2-core machine
  const { widget, field } = await open(page);
  const status = widget.locator('.status');
  const showAll = widget.getByRole('button', { name: /^Show all [\d,]+ characters of the token$/ });
  await expect(status).toContainText('Decoded all three parts');
  const usual = (await widget.boundingBox())!.height;
  const [h, , s] = EXAMPLE.split('.') as [string, string, string];
  const json = JSON.stringify({ sub: 'ada', data: 'z'.repeat(150_000) });
  const payload = b64(json);
  const big = `${h}.${payload}.${s}`;
  expect(big.length).toBeGreaterThan(200_000);
  await field.fill(big);
  await expect(status).toContainText(`payload ${json.length} bytes`);
  await expect(showAll).toBeVisible();
  // About a screen more than the example at most (the example's widget is itself about a screen high).
  expect((await widget.boundingBox())!.height).toBeLessThan(usual + 800);

  // A "+" 100,000 characters into the payload: in the hidden middle, yet shown in its place and marked.
  const at = 100_000;
  const broken = `${payload.slice(0, at)}+${payload.slice(at + 1)}`;
  await field.fill(`${h}.${broken}.${s}`);
  await expect(status).toContainText(`Character ${at + 1} of the payload segment is "+"`);
  await expect(showAll).toBeVisible();
  await expect(widget.locator('.token mark')).toHaveText('+');
  expect((await widget.locator('.token').textContent())!.length).toBeLessThan(2000);

  await showAll.click();
  await expect(widget.locator('.token .part-payload')).toHaveText(broken);
  await expect(widget.locator('.token mark')).toHaveText('+');
  await expect(widget.getByRole('button', { name: 'Show less of the token' })).toBeVisible();
});
