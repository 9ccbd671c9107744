/**
 * Chapter 3's widgets used as a learner would: the encrypting widget builds a real JWE in Chromium that jose opens
 * in Node with RFC 7516 A.1's private key, and the decrypting widget opens it too; with the RFC's CEK and IV its
 * ciphertext and tag are A.1's; tamper mode fails each part at the stage that checks it; a public-only key cannot
 * decrypt. The side by side shows three
 * readable-and-opaque parts beside five.
 */
import { compactDecrypt, importJWK } from 'jose';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { showDetails } from './folds';
import { openWidget } from './support';

interface Vector { id: string; jwk: Record<string, string>; jwk_public: Record<string, string>; protected_b64u: string; encrypted_key_b64u: string; cek_b64u: string; iv_b64u: string; ciphertext_b64u: string; tag_b64u: string; plaintext: string }
const a1 = (JSON.parse(readFileSync('tests/vectors/rfc7516.json', 'utf8')) as { vectors: Vector[] }).vectors.find((v) => v.id === 'rfc7516-a1')!;
const spaced = (b64: string) => Buffer.from(b64, 'base64url').toString('hex').replace(/(..)(?!$)/g, '$1 ').toUpperCase();
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

async function open(page: Page) {
  const { widget, errors } = await openWidget(page, 'chapters/jws-and-jwe/', 'jwe-encryption');
  await expect(widget).not.toHaveAttribute('aria-busy', 'true');
  const opener = page.locator('[data-widget="jwe-decryption"]');
  await opener.scrollIntoViewIfNeeded();
  await expect(opener).toHaveAttribute('data-hydrated', 'true');
  await expect(opener).not.toHaveAttribute('aria-busy', 'true');
  const encrypting = widget.getByRole('region', { name: 'How the token was encrypted' });
  const decrypting = opener.getByRole('region', { name: 'How the token was decrypted' });
  const outcome = opener.locator('[data-outcome]');
  const token = opener.getByLabel('Token to decrypt');
  return { widget, opener, errors, encrypting, decrypting, outcome, token };
}

/**
 * Once the encrypting widget has made its token for the inputs on screen, hands it to the decrypting widget as a
 * learner does (the button) and returns it once opened or refused.
 */
async function newToken(widget: Locator, opener: Locator): Promise<string> {
  // Busy from the change (set as the change is handled) until the new token is made.
  await expect(widget).not.toHaveAttribute('aria-busy', 'true');
  await opener.getByRole('button', { name: 'Open the token encrypted above' }).click();
  await expect(opener.getByRole('button', { name: 'Open the token encrypted above' })).toHaveCount(0);
  await expect(opener).not.toHaveAttribute('aria-busy', 'true');
  return opener.getByLabel('Token to decrypt').inputValue();
}

test('chapter 3 builds and opens a real JWE that jose opens too', async ({ page }) => {
  const { widget, opener, errors, outcome } = await open(page);
  const plaintext = '{"sub":"zoë","note":"only for the recipient ✓"}';
  await widget.getByLabel('Plaintext (what only the recipient may read)').fill(plaintext);
  const made = await newToken(widget, opener);
  expect(made.split('.')).toHaveLength(5);
  const { plaintext: opened, protectedHeader } = await compactDecrypt(made, await importJWK({ ...a1.jwk, alg: 'RSA-OAEP-256' }));
  expect(new TextDecoder().decode(opened)).toBe(plaintext);
  expect(protectedHeader).toEqual({ alg: 'RSA-OAEP-256', enc: 'A256GCM' });
  await expect(outcome).toHaveAttribute('data-outcome', 'opened');
  await expect(outcome).toContainText(plaintext);
  // Which key each side uses, in words.
  await expect(widget.locator('[data-key="encrypt"]')).toContainText("public key of RFC 7516's example key (Appendix A.1)");
  await expect(opener.locator('[data-key="decrypt"]')).toContainText("private key of RFC 7516's example key (Appendix A.1)");
  expect(errors).toEqual([]);
});

test("the recipient's widget opens RFC 7516 A.1's own token as it arrives; emptied, it asks for one and keeps no verdict", async ({ page }) => {
  const { opener, errors, outcome, token, decrypting } = await open(page);
  const printed = [a1.protected_b64u, a1.encrypted_key_b64u, a1.iv_b64u, a1.ciphertext_b64u, a1.tag_b64u].join('.');
  await expect(token).toHaveValue(printed);
  await expect(outcome).toHaveAttribute('data-outcome', 'opened');
  await expect(outcome).toContainText(a1.plaintext);
  await expect(decrypting.locator('.position')).toHaveText(/^Stage 1 of \d+: /);
  await token.fill('');
  await expect(outcome).toHaveCount(0);
  await expect(decrypting).toHaveCount(0);
  await expect(opener).toContainText('Paste a JWE above, or encrypt one in the widget before this one');
  await token.fill(printed.slice(0, 40));
  await expect(outcome).toHaveAttribute('data-outcome', 'refused');
  await expect(token).toHaveValue(printed.slice(0, 40));
  expect(errors).toEqual([]);
});

test("with RFC 7516's CEK and IV every encryption stage shows A.1's values, and the ciphertext and tag are A.1's", async ({ page }) => {
  const { widget, opener, encrypting, outcome } = await open(page);
  await widget.getByLabel("Use RFC 7516's CEK and IV instead of fresh random ones").check();
  await widget.getByRole('button', { name: "Use A.1's header and plaintext" }).click();
  const made = await newToken(widget, opener);
  await expect(outcome).toContainText(a1.plaintext);
  const [header, , iv, ciphertext, tag] = made.split('.');
  expect([header, iv, ciphertext, tag]).toEqual([a1.protected_b64u, a1.iv_b64u, a1.ciphertext_b64u, a1.tag_b64u]);

  const position = encrypting.locator('.position');
  const stage = encrypting.locator('.stage');
  const forward = encrypting.getByRole('button', { name: 'Forward →' });
  await expect(position).toHaveText(/^Stage 1 of 8: Content key \(CEK\)/);
  await expect(stage).toContainText(spaced(a1.cek_b64u));
  await forward.click();
  await expect(position).toHaveText(/^Stage 2 of 8: Encrypt the CEK \(public key\)/);
  await expect(stage.locator('[data-key-used]')).toHaveAttribute('data-key-used', 'public');
  await expect(stage).toContainText('RSA-OAEP with the recipient\'s PUBLIC key');
  await forward.click();
  await expect(position).toHaveText(/^Stage 3 of 8: Protected header/);
  await expect(stage).toContainText(a1.protected_b64u);
  await forward.click();
  await expect(position).toHaveText(/^Stage 4 of 8: IV/);
  await expect(stage).toContainText(spaced(a1.iv_b64u));
  await forward.click();
  await expect(position).toHaveText(/^Stage 5 of 8: AAD/);
  await expect(stage.locator('[data-value="aad"]')).toHaveText(a1.protected_b64u);
  await forward.click();
  await expect(position).toHaveText(/^Stage 6 of 8: AES-GCM encrypt/);
  await showDetails(widget);
  await expect(stage).toContainText(spaced(a1.ciphertext_b64u));
  await expect(stage).toContainText(spaced(a1.tag_b64u));
  await forward.click();
  await expect(position).toHaveText(/^Stage 7 of 8: Five parts/);
  await forward.click();
  await expect(position).toHaveText(/^Stage 8 of 8: Token/);
  await expect(stage).toContainText(made);
});

/** A character of the header whose change keeps it JSON with the same members (so only the tag can notice). */
function harmlessHeaderIndex(header: string): number {
  for (let i = header.length - 2; i > 0; i--) {
    const changed = header.slice(0, i) + ALPHABET[(ALPHABET.indexOf(header[i]!) + 1) % 64] + header.slice(i + 1);
    try {
      const value = JSON.parse(Buffer.from(changed, 'base64url').toString('utf8')) as Record<string, unknown>;
      if (value.alg === 'RSA-OAEP-256' && value.enc === 'A256GCM' && Buffer.from(changed, 'base64url').toString('base64url') === changed) return i;
    } catch {
      // not JSON any more: try the next character
    }
  }
  throw new Error('no harmless change found');
}

test('tamper mode: a changed header, IV, ciphertext or tag fails at the tag check, a changed encrypted key at the private key', async ({ page }) => {
  test.slow(); // five tokens opened one after another, each with a 2048-bit RSA decryption
  const { widget, opener, outcome, token, decrypting } = await open(page);
  await widget.getByLabel('Protected header (JSON)').fill('{"alg":"RSA-OAEP-256","enc":"A256GCM","kid":"ada-key-2026"}');
  const made = await newToken(widget, opener);
  const parts = made.split('.');
  // Where each part starts in the token, dots counted: tamper mode's characters are numbered so.
  const starts = parts.map((_, i) => parts.slice(0, i).reduce((n, p) => n + p.length + 1, 0));
  const tamper = opener.getByRole('group', { name: 'Tamper with the token: choose a character to change it' });
  for (const [part, offset, stage] of [
    [0, harmlessHeaderIndex(parts[0]!), 'AES-GCM tag check + decrypt'],
    [1, 0, 'Decrypt the CEK (private key)'],
    [2, 0, 'AES-GCM tag check + decrypt'],
    [3, 0, 'AES-GCM tag check + decrypt'],
    [4, 0, 'AES-GCM tag check + decrypt'],
  ] as const) {
    await token.fill(made);
    await expect(outcome).toHaveAttribute('data-outcome', 'opened');
    const index = starts[part]! + offset;
    // The token is longer than tamper mode's window of 500 characters: the tag is in the next one.
    const windows = opener.getByRole('group', { name: 'Which characters tamper mode shows' });
    const move = windows.getByRole('button', { name: index >= 500 ? 'Last' : 'First' });
    if ((await move.getAttribute('aria-disabled')) !== 'true') await move.click();
    await tamper.getByRole('button', { name: new RegExp(`, character ${index + 1}$`) }).click();
    await expect(outcome, `part ${part}`).toHaveAttribute('data-outcome', 'refused');
    await expect(outcome, `part ${part}`).toContainText(`Refused at “${stage}”`);
    await expect(decrypting.locator('.map .stop.fail')).toHaveCount(1);
  }
});

test('a header that is not JSON gets its message at its place, and the text is kept', async ({ page }) => {
  const { widget } = await open(page);
  const field = widget.getByLabel('Protected header (JSON)');
  const broken = '{"alg":"RSA-OAEP-256","enc":"A256GCM"';
  await field.fill(broken);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field.locator('xpath=ancestor::*[contains(@class,"field")][1]').locator('.error')).toBeVisible();
  await expect(field).toHaveValue(broken);
  await expect(widget.getByText('Out of date: this is the last token your inputs made.')).toBeVisible();
});

test('with a public key pasted into the key pair, encrypting works and decrypting says a private key is needed', async ({ page }) => {
  const { widget, opener, outcome } = await open(page);
  const keyPair = page.locator('[data-widget="rsa-key-pair"]');
  await keyPair.scrollIntoViewIfNeeded();
  await expect(keyPair).toHaveAttribute('data-hydrated', 'true');
  await expect(keyPair).toContainText("RFC 7516's example key (Appendix A.1)");
  await keyPair.getByLabel(/Or paste a key/).fill(JSON.stringify(a1.jwk_public));
  await widget.scrollIntoViewIfNeeded();
  await newToken(widget, opener);
  await expect(outcome).toHaveAttribute('data-outcome', 'refused');
  await expect(outcome).toContainText("Decrypting needs the recipient's PRIVATE key, but the public key you pasted is only a public key.");
  await expect(widget.locator('[data-key="encrypt"]')).toContainText('the public key you pasted');
});

test('side by side: three parts, two readable, beside five parts, one readable', async ({ page }) => {
  const { widget, errors } = await openWidget(page, 'chapters/jws-and-jwe/', 'jws-jwe-side-by-side');
  await expect(widget).not.toHaveAttribute('aria-busy', 'true');
  const jws = widget.locator('[data-format="jws"]');
  const jwe = widget.locator('[data-format="jwe"]');
  await expect(jws.locator('h3')).toHaveText('Signed (JWS): 3 parts');
  await expect(jwe.locator('h3')).toHaveText('Encrypted (JWE): 5 parts');
  await expect(jws.locator('[data-part="payload"]')).toContainText('{"sub":"ada","email":"ada@example.com","exp":1900000000}');
  await expect(jws.locator('.readable')).toHaveCount(2);
  await expect(jwe.locator('.readable')).toHaveCount(1);
  await expect(jwe.locator('[data-part="ciphertext"]')).toContainText('opaque bytes');
  await widget.getByLabel('Claims (JSON)').fill('{"sub":"bo"}');
  await expect(jws.locator('[data-part="payload"]')).toContainText('{"sub":"bo"}');
  await expect(jwe.locator('[data-part="ciphertext"]')).toContainText('12 bytes');
  expect(errors).toEqual([]);
});
