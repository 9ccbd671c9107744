/**
 * Chapter 3's JWE stages performed beat by beat: the CEK encrypted to the public key, AES-GCM's ciphertext then
 * tag, the five parts one by one; and, decrypting, the private key opening the CEK and AES-CBC + HMAC's key
 * split, MAC and tag verdict. Each stepper plays to its end on Playwright's frozen clock, and the beats' scenes
 * are checked against A.1's values where they are fixed (RFC 7516's CEK and IV).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { playsToTheEnd } from './stepper';
import { openWidget } from './support';

interface Vector { id: string; cek_b64u: string; tag_b64u: string; protected_b64u: string }
const a1 = (JSON.parse(readFileSync('tests/vectors/rfc7516.json', 'utf8')) as { vectors: Vector[] }).vectors.find((v) => v.id === 'rfc7516-a1')!;
/** The first bytes as the scenes write them (format.ts's hexPreview). */
const preview = (b64: string, shown: number) => {
  const bytes = Buffer.from(b64, 'base64url');
  const head = [...bytes.subarray(0, shown)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > shown ? `${head} …` : head;
};

test('encryption: the CEK, the public key, then the encrypted key; the ciphertext, then the tag; every stage plays to its end', async ({ page }) => {
  test.slow();
  const { widget } = await openWidget(page, 'chapters/jws-and-jwe/', 'jwe-encryption');
  await widget.getByLabel("Use RFC 7516's CEK and IV instead of fresh random ones").check();
  await widget.getByRole('button', { name: "Use A.1's header and plaintext" }).click();
  await expect(widget).not.toHaveAttribute('aria-busy', 'true');
  const stepper = widget.getByRole('region', { name: 'How the token was encrypted' });
  await stepper.getByRole('button', { name: /Protected header/ }).click();
  await expect(stepper.locator('.stage')).toContainText(a1.protected_b64u);
  await stepper.getByRole('button', { name: /Encrypt the CEK/ }).click();
  const scrub = stepper.locator('.scrub input');
  await scrub.fill('0');
  await expect(stepper.locator('.caption')).toHaveText(`The 32 bytes of the CEK (${preview(a1.cek_b64u, 8)})…`);
  await expect(stepper.locator('.scene .chip')).toHaveCount(2);
  await scrub.fill('2');
  await expect(stepper.locator('.scene .chip')).toHaveCount(3);
  await expect(stepper.locator('.caption')).toContainText('bytes of encrypted key');

  await stepper.getByRole('button', { name: /AES-GCM encrypt/ }).click();
  await scrub.fill('1');
  await expect(stepper.locator('.scene .part-tag')).toHaveCount(0);
  await scrub.fill('2');
  await expect(stepper.locator('.scene .part-tag')).toContainText(preview(a1.tag_b64u, 16));

  await stepper.getByRole('button', { name: /Content key/ }).click();
  await playsToTheEnd(page, stepper);
});

test('decryption with A128CBC-HS256: the private key opens the CEK, the tag is checked before anything is decrypted; it plays to its end', async ({ page }) => {
  test.slow();
  const { widget } = await openWidget(page, 'chapters/jws-and-jwe/', 'jwe-encryption');
  await widget.getByLabel('enc (content encryption)').selectOption('A128CBC-HS256');
  await expect(widget).not.toHaveAttribute('aria-busy', 'true');
  const opener = page.locator('[data-widget="jwe-decryption"]');
  await opener.scrollIntoViewIfNeeded();
  await expect(opener).toHaveAttribute('data-hydrated', 'true');
  await opener.getByRole('button', { name: 'Open the token encrypted above' }).click();
  const cbcHeader = Buffer.from(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256' })).toString('base64url');
  await expect(opener.getByLabel('Token to decrypt')).toHaveValue(new RegExp(`^${cbcHeader}\\.`));
  await expect(opener).not.toHaveAttribute('aria-busy', 'true');
  const stepper = opener.getByRole('region', { name: 'How the token was decrypted' });
  await stepper.getByRole('button', { name: /Decrypt the CEK \(private key\)/ }).click();
  await expect(stepper.locator('[data-key-used]')).toHaveAttribute('data-key-used', 'private');
  await stepper.getByRole('button', { name: /HMAC tag check/ }).click();
  const scrub = stepper.locator('.scrub input');
  await scrub.fill('0');
  await expect(stepper.locator('.scene [data-verdict]')).toHaveCount(0);
  await scrub.fill('2');
  await expect(stepper.locator('.scene [data-verdict]')).toHaveAttribute('data-verdict', 'match');
  await stepper.getByRole('button', { name: /^1\b|Split/ }).first().click();
  await playsToTheEnd(page, stepper);
});
