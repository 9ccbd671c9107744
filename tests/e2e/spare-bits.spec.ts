/** Chapter 5's spare-bits widget, used as a learner would: swap the signature's last character for a twin. */
import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { GUIDE_SECRET } from '../../src/components/widgets/guide-example';
import { openWidget } from './support';

const hex = (bytes: Buffer) => [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

test('a twin of the last character is refused by our verifier, read as the same bytes by a lenient one', async ({ page }) => {
  const { widget, errors } = await openWidget(page, 'chapters/verifying-a-token/', 'spare-bits');
  const field = widget.getByLabel(/^Token/);
  await expect(field).not.toHaveValue('');
  const token = await field.inputValue();
  const [header, payload, signature] = token.split('.') as [string, string, string];

  // The token was really signed with the secret: Node's HMAC gives the same signature.
  expect(createHmac('sha256', GUIDE_SECRET).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
  await expect(widget.locator('[data-value="ours"]')).toHaveText('✓ Accepted');

  const twins = widget.getByRole('button', { name: /^Change the last character to / });
  await expect(twins).toHaveCount(3); // 43 characters for 32 bytes: 2 spare bits, 4 spellings
  const twin = ((await twins.first().textContent()) ?? '').trim().at(-1)!;
  expect(twin).not.toBe(signature.at(-1));
  await twins.first().click();

  const swapped = `${header}.${payload}.${signature.slice(0, -1)}${twin}`;
  await expect(field).toHaveValue(swapped);
  // Node's decoder ignores spare bits: the swapped text decodes to the very bytes that were signed.
  const signed = Buffer.from(signature, 'base64url');
  expect(Buffer.from(swapped.split('.')[2]!, 'base64url').equals(signed)).toBe(true);

  const ours = widget.locator('[data-value="ours"]');
  await expect(ours).toContainText('✗ Refused');
  await expect(ours).toContainText(`"${twin}", has bits set that belong to no byte`);
  await expect(ours).toContainText(`(signature, character ${signature.length})`);
  await expect(widget.locator('[data-value="lenient"]')).toContainText('✓ Accepted');
  await expect(widget.locator('[data-value="lenient-bytes"] code')).toHaveText(hex(signed));
  await expect(widget.locator('[data-value="identical"]')).toContainText(`canonical ending ${signature.at(-1)}`);
  await expect(widget.locator('[data-value="identical"]')).toContainText('jti');
  expect(errors).toEqual([]);
});

test('a pasted token is judged as pasted, and a signature with no spare bits has no twins', async ({ page }) => {
  const { widget, errors } = await openWidget(page, 'chapters/verifying-a-token/', 'spare-bits');
  const field = widget.getByLabel(/^Token/);
  await expect(field).not.toHaveValue('');
  const [header, payload] = (await field.inputValue()).split('.');
  // 33 bytes are 44 characters: a whole number of groups, nothing spare.
  await field.fill(`${header}.${payload}.${Buffer.alloc(33, 7).toString('base64url')}`);
  await expect(widget.locator('[data-value="last"]')).toContainText('no spare bits and no twins');
  await expect(widget.getByRole('button', { name: /^Change the last character to / })).toHaveCount(0);
  await expect(widget.locator('[data-value="ours"]')).toContainText('✗ Refused');
  expect(errors).toEqual([]);
});

test('a token without a signature segment is told so at the field, and what was typed stays', async ({ page }) => {
  const { widget, errors } = await openWidget(page, 'chapters/verifying-a-token/', 'spare-bits');
  const field = widget.getByLabel(/^Token/);
  await expect(field).not.toHaveValue('');
  await field.fill('abc.def');
  await expect(widget.locator('.error')).toContainText('This token has 2 segments, so no signature segment');
  await expect(widget.locator('[data-value="ours"]')).toContainText('✗ Refused');
  await expect(field).toHaveValue('abc.def');
  expect(errors).toEqual([]);
});
