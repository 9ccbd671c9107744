/**
 * The token cost widget in chapter 10, used as a learner would: edit claims, switch algorithms, add permissions
 * until the cookie breaks, mistype numbers. Every expected figure is computed here from the token the widget
 * shows (Buffer), not read from its own figures.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LOGIN_CLAIMS } from '../../src/components/widgets/login-example';
import { openWidget } from './support';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const withPermissions = (claims: object, n: number) =>
  n === 0 ? claims : { ...claims, permissions: Array.from({ length: n }, (_, i) => `project-${String(i + 1).padStart(3, '0')}:write`) };

async function open(page: Page) {
  const { widget, errors } = await openWidget(page, '/chapters/benefits/', 'token-cost');
  await expect(widget).not.toHaveAttribute('aria-busy', 'true');
  return { widget, errors };
}

/** The whole token the widget shows, opened with "Show all" when it is shortened. */
async function tokenOf(widget: Locator): Promise<string> {
  const token = widget.locator('.token');
  const all = token.getByRole('button', { name: /^Show all/ });
  if (await all.isVisible()) await all.click();
  return (await token.locator('code').first().textContent())!.trim();
}

const row = (widget: Locator, name: string) => widget.locator(`tr[data-row="${name}"]`);
const extra = (widget: Locator) => widget.locator('[data-extra]');

test('signs the claims for real and counts the token against a session id, per request and per day', async ({ page }) => {
  const { widget, errors } = await open(page);
  const token = await tokenOf(widget);
  const [h, p, s] = token.split('.') as [string, string, string];
  expect(Buffer.from(h, 'base64url').toString()).toBe('{"alg":"HS256","typ":"JWT"}');
  expect(p).toBe(b64(JSON.stringify(LOGIN_CLAIMS)));
  expect(Buffer.from(s, 'base64url')).toHaveLength(32);

  const id = (await widget.locator('[data-session-id]').textContent())!;
  expect(Buffer.from(id, 'base64url')).toHaveLength(16);
  const bearer = Buffer.byteLength(`Authorization: Bearer ${token}\r\n`);
  const session = Buffer.byteLength(`Cookie: session=${id}\r\n`);
  await expect(widget.locator('[data-line="token"] dd')).toHaveText(`${bearer} bytes`);
  await expect(widget.locator('[data-line="session"] dd')).toHaveText(`${session} bytes`);
  await expect(extra(widget)).toContainText(`adds ${bearer - session} bytes per request`);
  await expect(extra(widget)).toContainText(`${((bearer - session) * 100_000).toLocaleString('en-US')} bytes) a day`);

  await widget.getByLabel('Requests per day').fill('2,000,000');
  await expect(extra(widget)).toContainText(`at 2,000,000 requests`);
  await expect(extra(widget)).toContainText(`${((bearer - session) * 2_000_000).toLocaleString('en-US')} bytes) a day`);
  await expect(widget.locator('summary')).toContainText('a removed role keeps working up to 1 hour');
  await widget.getByText('Beyond bytes').click();
  await expect(row(widget, 'take-back')).toContainText('up to 1 hour (exp 2026-12-01T01:00:00Z)');
  await expect(row(widget, 'verifier')).toContainText('the same 32-byte secret the issuer signs with');
  await expect(widget.locator('[data-cookie="fits"]')).toContainText(`${Buffer.byteLength(`token=${token}`)} bytes:`);
  expect(errors).toEqual([]);
});

test('RS256 and ES256 sign with keys made in the browser; the verifier needs only the public key', async ({ page }) => {
  const { widget, errors } = await open(page);
  await widget.getByRole('radio', { name: /^RS256/ }).check();
  await expect(widget.locator('.token h3')).toContainText('RS256');
  const rs = await tokenOf(widget);
  expect(Buffer.from(rs.split('.')[0]!, 'base64url').toString()).toBe('{"alg":"RS256","typ":"JWT"}');
  expect(Buffer.from(rs.split('.')[2]!, 'base64url')).toHaveLength(2048 / 8);
  await widget.getByText('Beyond bytes').click();
  await expect(row(widget, 'verifier')).toContainText("the issuer's public key: a JWK of");

  await widget.getByRole('radio', { name: 'ES256' }).check();
  await expect(widget.locator('.token h3')).toContainText('ES256');
  const es = await tokenOf(widget);
  expect(Buffer.from(es.split('.')[2]!, 'base64url')).toHaveLength(64);
  await expect(widget.locator('[data-line="token"] dd')).toHaveText(`${Buffer.byteLength(`Authorization: Bearer ${es}\r\n`)} bytes`);
  expect(errors).toEqual([]);
});

test('added permissions break the cookie where the count computed here says', async ({ page }) => {
  const { widget, errors } = await open(page);
  const token = await tokenOf(widget);
  const [h, , s] = token.split('.') as [string, string, string];
  const cookie = (n: number) => Buffer.byteLength(`token=${h}.${b64(JSON.stringify(withPermissions(LOGIN_CLAIMS, n)))}.${s}`);
  let limit = 0;
  while (cookie(limit) <= 4096) limit++;
  await expect(widget.locator('[data-limit]')).toHaveText(`With these claims, the cookie passes the limit at ${limit} added permissions.`);

  const field = widget.getByLabel('Permissions to add');
  await field.fill(String(limit));
  await expect(widget.locator('[data-cookie="too-large"]')).toContainText(`${cookie(limit).toLocaleString('en-US')} bytes:`);
  await expect(widget.locator('[data-cookie="too-large"]')).toContainText('browsers drop a cookie this big');
  await field.fill(String(limit - 1));
  await expect(widget.locator('[data-cookie="fits"]')).toContainText(`${cookie(limit - 1).toLocaleString('en-US')} bytes:`);
  expect(errors).toEqual([]);
});

test('a mistake is named at its place, the text is kept and the figures say they are out of date', async ({ page }) => {
  const { widget, errors } = await open(page);
  const claims = widget.getByLabel('Claims (payload)');
  const broken = JSON.stringify(LOGIN_CLAIMS, null, 2).replace('"editor"', '"editor",');
  await claims.fill(broken);
  const line = broken.split('\n').findIndex((l) => l.endsWith('"editor",'));
  const column = broken.split('\n')[line]!.lastIndexOf(',') + 1;
  await expect(widget.getByText(`Line ${line + 1}, column ${column} of the payload: a trailing comma`)).toBeVisible();
  await expect(claims).toHaveValue(broken);
  await expect(widget.getByText('Out of date:')).toBeVisible();

  await claims.fill(JSON.stringify({ sub: 'ada' }));
  await expect(widget.locator('summary')).toContainText('a removed role stays for good');
  await widget.getByText('Beyond bytes').click();
  await expect(row(widget, 'take-back')).toContainText('Stays in this token for good: it has no exp');

  const requests = widget.getByLabel('Requests per day');
  await requests.fill('12abc');
  await expect(widget.getByText('Type the number of requests as a whole number')).toBeVisible();
  await expect(requests).toHaveValue('12abc');
  await expect(extra(widget)).toContainText('at 100,000 requests');
  expect(errors).toEqual([]);
});
