/** The token anatomy widget in chapter 1, used the way a learner would: typing, pasting, breaking things. */
import { expect, test, type Page } from '@playwright/test';
import { openWidget } from './support';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const hex = (segment: string) => Buffer.from(segment, 'base64url').toString('hex').replace(/(..)(?!$)/g, '$1 ');

const EXAMPLE =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJuYW1lIjoiSm9obiBEb2UiLCJpYXQiOjE2ODc3MTY3ODUsImV4cCI6MTc0MTY1MTIwMH0.Vwrb-zbkQiDAoS3hejME3pWooCHUyv1vb0PLLBTeWJQ';

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
  await expect(panel('Signature')).toContainText('43 characters → 32 bytes');
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

test('recognises a five-part token as JWE', async ({ page }) => {
  const { widget, field, panel } = await open(page);
  await field.fill(`${b64('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a2V5.aXY.Y2lwaGVy.dGFn`);
  await expect(widget).toContainText('encrypted token (JWE)');
  await expect(panel('Header').locator('pre')).toHaveText('{"alg":"RSA-OAEP","enc":"A256GCM"}');
});

test('works by keyboard alone, and the example can be restored', async ({ page }) => {
  const { widget, field, panel } = await open(page);
  await field.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(panel('Signature')).toContainText('42 characters');
  await expect(panel('Signature')).toContainText('canonical');
  await page.keyboard.press('Tab');
  const restore = widget.getByRole('button', { name: 'Back to the example' });
  await expect(restore).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue(EXAMPLE);
  await expect(widget.locator('[aria-live]')).toContainText('Decoded all three parts');
});
