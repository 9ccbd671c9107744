/**
 * Chapter 9's key-pair widget, used by keyboard as a learner would: the RFC key it starts with, generated keys,
 * a pasted key and malformed ones. node:crypto is the independent check of every number shown.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { RFC7515_A2_JWK } from '../../src/components/widgets/rfc7515-example';
import { unfold } from './folds';
import { openWidget, useTheme } from './support';

/** Bits of a base64url big-endian number, counted with BigInt. */
const bits = (b64u: string) => BigInt(`0x${Buffer.from(b64u, 'base64url').toString('hex')}`).toString(2).length;
const decimal = (b64u: string) => BigInt(`0x${Buffer.from(b64u, 'base64url').toString('hex')}`).toString();
/** RFC 7638 §3.2 for an RSA key, built here: e, kty, n in that order, no whitespace, SHA-256, base64url. */
const thumbprintOf = (jwk: { e?: string; n?: string }) =>
  createHash('sha256').update(`{"e":"${jwk.e}","kty":"RSA","n":"${jwk.n}"}`).digest('base64url');

/**
 * Holds every key generation on the page until the test releases it, so a test can act while one runs, however
 * fast this run's prime search happens to be. Returns the release.
 */
async function holdKeyGeneration(page: Page): Promise<() => Promise<void>> {
  await page.addInitScript(() => {
    const subtle = crypto.subtle;
    const generate = subtle.generateKey.bind(subtle);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    Object.assign(window, { releaseKeyGeneration: () => release() });
    subtle.generateKey = (async (...args: Parameters<SubtleCrypto['generateKey']>) => {
      await gate;
      return generate(...args);
    }) as SubtleCrypto['generateKey'];
  });
  return () => page.evaluate(() => (window as unknown as { releaseKeyGeneration: () => void }).releaseKeyGeneration());
}

async function open(page: Page) {
  const { widget, errors } = await openWidget(page, 'chapters/rs256/', 'rsa-key-pair');
  await expect(widget).toHaveAttribute('aria-busy', 'false');
  await expect(widget.locator('.output')).toBeVisible();
  return {
    widget,
    errors,
    heading: widget.locator('.output h3'),
    bits: widget.locator('.modulus-bits'),
    exponent: widget.locator('.exponent'),
    thumbprint: widget.locator('.facts .thumbprint'),
    publicPem: widget.locator('.pem-public'),
    publicJwk: widget.locator('.jwk-public'),
    paste: widget.getByLabel(/Or paste a key/),
    problem: widget.locator('.error'),
    stale: widget.locator('.stale-note'),
  };
}

/** Types into a field the way a paste arrives: focus by keyboard, select all, one insertion. */
async function pasteInto(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.insertText(text);
}

async function press(button: Locator) {
  await button.focus();
  await button.press('Enter');
}

test("starts with RFC 7515 A.2's key and shows its anatomy, computed", async ({ page }) => {
  const { widget, heading, bits: shownBits, exponent, thumbprint, publicPem, errors } = await open(page);
  await expect(heading).toContainText("RFC 7515's example key");
  expect(bits(RFC7515_A2_JWK.n)).toBe(2048);
  await expect(shownBits).toHaveText(String(bits(RFC7515_A2_JWK.n)));
  await expect(exponent).toHaveText(decimal(RFC7515_A2_JWK.e));
  await expect(exponent).toHaveText('65537');
  await expect(thumbprint).toHaveText(thumbprintOf(RFC7515_A2_JWK));
  await unfold(widget, 'How the thumbprint is made');
  await expect(widget.locator('.thumbprint-input')).toHaveText(`{"e":"AQAB","kty":"RSA","n":"${RFC7515_A2_JWK.n}"}`);

  // The public PEM is the A.2 key's SPKI, as node:crypto reads and writes it.
  await unfold(widget, 'PEM, and its DER as a tree');
  const node = createPublicKey({ key: RFC7515_A2_JWK, format: 'jwk' });
  await expect(publicPem).toHaveText((node.export({ type: 'spki', format: 'pem' }) as string).trim());
  // The DER tree names the algorithm and the numbers.
  const tree = widget.getByRole('list', { name: 'DER of the public key' });
  await expect(tree).toContainText('rsaEncryption (1.2.840.113549.1.1.1)');
  await expect(tree).toContainText('modulus n');
  // The innermost element that mentions e is e's own (its ancestors mention it too).
  await expect(tree.locator('li', { hasText: 'public exponent e' }).last().locator('.der-detail')).toHaveText('65537');
  // n's top bit is set, so DER adds a 00 byte; the parts of its line read apart.
  const nBytes = Buffer.from(RFC7515_A2_JWK.n, 'base64url');
  expect(nBytes[0]! & 0x80).not.toBe(0);
  await expect(tree.locator('li', { hasText: 'modulus n' }).last()).toContainText(
    `${nBytes.length + 1} content bytes; a ${bits(RFC7515_A2_JWK.n)}-bit number; the first byte 00 is there to keep it positive`,
  );
  // In upper-case hex, as the signing stages show n.
  await expect(tree.locator('li', { hasText: 'modulus n' }).last().locator('.der-bytes code')).toContainText(nBytes.subarray(0, 8).toString('hex').toUpperCase());

  // Members: public and secret, and the whole of n one keypress away.
  await unfold(widget, 'JWK, member by member');
  await expect(widget.locator('tr[data-member] .who')).toHaveText(['public', 'public', 'public', 'secret', 'secret', 'secret', 'secret', 'secret', 'secret', 'public']);
  await expect(widget.locator('tr[data-member] th code')).toHaveText(['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'alg']);
  await expect(widget.locator('tr[data-member="p"]')).toContainText(`(${bits(RFC7515_A2_JWK.p)} bits)`);
  const nCell = widget.locator('tr[data-member="n"] td').nth(1);
  await expect(nCell.locator('code')).not.toHaveText(RFC7515_A2_JWK.n);
  await press(nCell.getByRole('button', { name: /Show all 342 characters of n/ }));
  await expect(nCell.locator('code')).toHaveText(RFC7515_A2_JWK.n);
  await expect(nCell.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
  expect(errors).toEqual([]);
});

test('the anatomy arrives folded under the key in brief; a fold opens by keyboard and shows its part', async ({ page }) => {
  const { widget, thumbprint, publicJwk } = await open(page);
  await expect(thumbprint).toBeVisible();
  await expect(widget.locator('details[open]')).toHaveCount(0);
  await expect(publicJwk).toBeHidden();
  const summary = widget.locator('summary', { hasText: 'JWK, member by member' });
  // A target big enough to hit: at least 24 px high.
  expect((await summary.boundingBox())!.height).toBeGreaterThanOrEqual(24);
  await summary.focus();
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(summary.locator('..')).toHaveAttribute('open', '');
  await expect(publicJwk).toBeVisible();
  await expect(widget.locator('tr[data-member="n"]')).toBeVisible();
  // Enter again folds it away, and the focus stays on the summary.
  await page.keyboard.press('Enter');
  await expect(publicJwk).toBeHidden();
  await expect(summary).toBeFocused();
});

// pages.spec.ts checks the page as it loads, folds closed; this checks the anatomy the folds hold.
for (const theme of ['light', 'dark'] as const) {
  test(`with every fold open, axe finds nothing in the key pair in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    const { widget } = await open(page);
    for (const summary of ['PEM, and its DER as a tree', "The private key's PEM", 'JWK, member by member', 'How the thumbprint is made']) await unfold(widget, summary);
    const { violations } = await new AxeBuilder({ page }).include('[data-widget="rsa-key-pair"]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('at 390 px each JWK member is a card: its meaning gets the full width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const { widget } = await open(page);
  await unfold(widget, 'JWK, member by member');
  const row = widget.locator('tr[data-member="e"]');
  const [name, meaning] = await Promise.all([row.locator('th').boundingBox(), row.locator('td').first().boundingBox()]);
  expect(meaning!.y).toBeGreaterThanOrEqual(name!.y + name!.height - 1);
  expect(meaning!.width).toBeGreaterThan(250);
});

test('at 390 px the key summary gives its values the full width, and the DER tree stays readable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const { widget, thumbprint } = await open(page);
  const facts = widget.locator('.facts');
  const width = (await facts.boundingBox())!.width;
  for (const value of await facts.locator('dd').all()) expect((await value.boundingBox())!.width).toBeGreaterThanOrEqual(0.8 * width);
  // Each name stands above its value.
  const [name, value] = await Promise.all([facts.locator('dt').last().boundingBox(), facts.locator('dd').last().boundingBox()]);
  expect(value!.y).toBeGreaterThanOrEqual(name!.y + name!.height - 1);
  // The 43 characters of the thumbprint take at most two lines.
  expect(await thumbprint.evaluate((code) => code.getClientRects().length)).toBeLessThanOrEqual(2);

  // The tree: no bullets, and even the deepest elements (n and e) keep most of its width.
  await unfold(widget, 'PEM, and its DER as a tree');
  const tree = widget.getByRole('list', { name: 'DER of the public key' });
  expect(await tree.evaluate((list) => getComputedStyle(list).listStyleType)).toBe('none');
  const treeWidth = (await tree.boundingBox())!.width;
  const items = await tree.locator('li').all();
  expect(items.length).toBeGreaterThan(5);
  for (const item of items) expect((await item.boundingBox())!.width).toBeGreaterThanOrEqual(0.7 * treeWidth);
});

test('generates a 2048-bit key pair with a progress indicator, and the key is what it says', async ({ page }) => {
  const { widget, heading, bits: shownBits, thumbprint, publicPem, publicJwk, errors } = await open(page);
  // Record whether the progress line ever appears, however briefly.
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean; sawBusy: boolean };
    w.sawProgress = false;
    w.sawBusy = false;
    const root = document.querySelector('[data-widget="rsa-key-pair"]')!;
    new MutationObserver(() => {
      if (root.querySelector('.progress')) w.sawProgress = true;
      if (root.getAttribute('aria-busy') === 'true') w.sawBusy = true;
    }).observe(root, { subtree: true, childList: true, attributes: true });
  });
  const generate = widget.getByRole('button', { name: 'Generate a key pair' });
  await press(generate);
  await expect(heading).toHaveText('The key: the 2048-bit key pair you generated', { timeout: 30_000 });
  await expect(widget).toHaveAttribute('aria-busy', 'false');
  await expect(widget.locator('.progress')).toHaveCount(0);
  await expect(generate).toBeEnabled();
  expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { sawBusy: boolean }).sawBusy)).toBe(true);

  await unfold(widget, 'PEM, and its DER as a tree');
  await unfold(widget, 'JWK, member by member');
  const fromPem = createPublicKey(await publicPem.innerText());
  expect(fromPem.asymmetricKeyDetails?.modulusLength).toBe(2048);
  const jwk = JSON.parse(await publicJwk.innerText());
  const fromJwk = createPublicKey({ key: jwk, format: 'jwk' });
  expect(fromJwk.export({ type: 'spki', format: 'pem' })).toBe(fromPem.export({ type: 'spki', format: 'pem' }));
  expect(bits(jwk.n)).toBe(2048);
  await expect(shownBits).toHaveText('2048');
  await expect(thumbprint).toHaveText(thumbprintOf(jwk));
  expect(thumbprintOf(jwk)).not.toBe(thumbprintOf(RFC7515_A2_JWK));

  // The private PEM, in its own fold inside the PEM's, is the private half of the same key.
  await press(widget.locator('summary', { hasText: "The private key's PEM" }));
  const privateKey = createPrivateKey(await widget.locator('.pem-private').innerText());
  expect(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' })).toBe(fromPem.export({ type: 'spki', format: 'pem' }));

  // Back to the RFC's key, by keyboard.
  await press(widget.getByRole('button', { name: "Back to RFC 7515's example key" }));
  await expect(thumbprint).toHaveText(thumbprintOf(RFC7515_A2_JWK));
  expect(errors).toEqual([]);
});

test('Generate keeps the keyboard focus while it works and after, and Tab goes on to the next button', async ({ page }) => {
  const { widget, heading } = await open(page);
  // Where the focus is each time the widget's busy state changes, however briefly it lasts.
  await page.evaluate(() => {
    const w = window as unknown as { focusWhileBusy: string[] };
    w.focusWhileBusy = [];
    const root = document.querySelector('[data-widget="rsa-key-pair"]')!;
    new MutationObserver(() => {
      if (root.getAttribute('aria-busy') === 'true') w.focusWhileBusy.push(document.activeElement?.textContent ?? 'nothing');
    }).observe(root, { attributes: true, attributeFilter: ['aria-busy'] });
  });
  const generate = widget.getByRole('button', { name: 'Generate a key pair' });
  await press(generate);
  await expect(heading).toHaveText('The key: the 2048-bit key pair you generated', { timeout: 30_000 });
  await expect(widget).toHaveAttribute('aria-busy', 'false');
  const whileBusy = await page.evaluate(() => (window as unknown as { focusWhileBusy: string[] }).focusWhileBusy);
  expect(whileBusy.length).toBeGreaterThan(0);
  expect(new Set(whileBusy)).toEqual(new Set(['Generate a key pair']));
  await expect(generate).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: "Back to RFC 7515's example key" })).toBeFocused();
});

test('a slower generation never replaces a key chosen after it', async ({ page }) => {
  const release = await holdKeyGeneration(page);
  const { widget, heading, thumbprint, errors } = await open(page);
  await widget.getByRole('radio', { name: /^2048/ }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(widget.getByRole('radio', { name: /^4096/ })).toBeChecked();
  const generate = widget.getByRole('button', { name: 'Generate a key pair' });
  await press(generate);
  await expect(generate).toBeDisabled();
  await press(widget.getByRole('button', { name: "Back to RFC 7515's example key" }));
  // Once the 4096-bit pair is ready, it is dropped: the example chosen after it stays.
  await release();
  await expect(generate).toBeEnabled({ timeout: 60_000 });
  await expect(widget).toHaveAttribute('aria-busy', 'false');
  await expect(heading).toContainText("RFC 7515's example key");
  await expect(thumbprint).toHaveText(thumbprintOf(RFC7515_A2_JWK));
  expect(errors).toEqual([]);
});

test('a key pasted while a generation runs stays when the generation ends', async ({ page }) => {
  const release = await holdKeyGeneration(page);
  const { widget, heading, thumbprint, paste, errors } = await open(page);
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pasted = thumbprintOf(publicKey.export({ format: 'jwk' }));
  await widget.getByRole('radio', { name: /^4096/ }).check();
  const generate = widget.getByRole('button', { name: 'Generate a key pair' });
  await press(generate);
  await expect(widget.locator('.progress')).toContainText('Generating a 4096-bit key pair');
  await pasteInto(page, paste, publicKey.export({ type: 'spki', format: 'pem' }) as string);
  await expect(heading).toHaveText('The key: the public key you pasted');
  // The generation still runs (one at a time), and the widget says it is working until it ends.
  await expect(generate).toBeDisabled();
  await expect(widget).toHaveAttribute('aria-busy', 'true');
  await release();
  await expect(generate).toBeEnabled({ timeout: 60_000 });
  await expect(widget).toHaveAttribute('aria-busy', 'false');
  await expect(widget.locator('.progress')).toHaveCount(0);
  await expect(heading).toHaveText('The key: the public key you pasted');
  await expect(thumbprint).toHaveText(pasted);
  expect(errors).toEqual([]);
});

test('a 1024-bit key is generated and flagged as weak', async ({ page }) => {
  const { widget, heading, bits: shownBits, publicPem } = await open(page);
  await expect(widget.locator('.warning')).toHaveCount(0);
  const checked = widget.getByRole('radio', { name: /^2048/ });
  await checked.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(widget.getByRole('radio', { name: /^1024/ })).toBeChecked();
  await press(widget.getByRole('button', { name: 'Generate a key pair' }));
  await expect(heading).toContainText('the 1024-bit key pair you generated', { timeout: 30_000 });
  await unfold(widget, 'PEM, and its DER as a tree');
  expect(createPublicKey(await publicPem.innerText()).asymmetricKeyDetails?.modulusLength).toBe(1024);
  await expect(shownBits).toHaveText('1024');
  await expect(widget.locator('.warning')).toContainText('Weak key: This RSA key has 1024 bits; RFC 7518 §3.3 requires at least 2048 bits.');
});

test("a pasted public PEM shows its fields, and says it can only verify", async ({ page }) => {
  const { widget, heading, bits: shownBits, exponent, thumbprint, paste, problem } = await open(page);
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 3072, publicExponent: 3 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const jwk = publicKey.export({ format: 'jwk' });
  await pasteInto(page, paste, pem);
  await expect(heading).toHaveText('The key: the public key you pasted');
  await expect(problem).toHaveCount(0);
  await expect(shownBits).toHaveText(String(bits(jwk.n!)));
  await expect(exponent).toHaveText(decimal(jwk.e!));
  await expect(exponent).toHaveText('3');
  await expect(thumbprint).toHaveText(thumbprintOf(jwk));
  await expect(widget.locator('.public-only')).toContainText('nothing can be signed with it');
  await unfold(widget, 'JWK, member by member');
  await expect(widget.locator('tr[data-member]')).toHaveCount(4); // kty, n, e, alg: no secret member
  await expect(widget.locator('.who.secret')).toHaveCount(0);
  await unfold(widget, 'PEM, and its DER as a tree');
  await expect(widget.locator('summary', { hasText: "The private key's PEM" })).toHaveCount(0);
  await expect(paste).toHaveValue(pem);
});

test.describe('malformed keys get a precise message at their place, and the text stays', () => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = (publicKey.export({ type: 'spki', format: 'pem' }) as string).trim();
  const lines = pem.split('\n');
  const badChar = [...lines];
  badChar[2] = `${badChar[2]!.slice(0, 9)}*${badChar[2]!.slice(10)}`;
  // Whole 64-character lines dropped: the base64 still decodes, but to fewer bytes than the DER says.
  const truncated = [...lines.slice(0, 3), ...lines.slice(-2)].join('\n');
  const truncatedBytes = Buffer.from(truncated.split('\n').slice(1, -1).join(''), 'base64').length;
  const ecJwk = JSON.stringify(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), null, 2);
  const syntax = '{\n  "kty": "RSA",\n  "n": "AQAB"\n  "e": "AQAB"\n}';

  const cases: { name: string; text: string; message: string | RegExp; line?: string }[] = [
    {
      name: 'a character that is not base64',
      text: badChar.join('\n'),
      message: 'Line 3, character 10 is "*" (U+002A): PEM holds only standard base64',
      line: `3 │ ${badChar[2]}`,
    },
    {
      name: 'a missing END line',
      text: lines.slice(0, -1).join('\n'),
      message: `Line ${lines.length - 1} ends the text, but the "-----END PUBLIC KEY-----" line that closes line 1's BEGIN is missing.`,
    },
    {
      name: 'truncated base64',
      text: truncated,
      message: new RegExp(`The base64 of this PUBLIC KEY block decodes to ${truncatedBytes} bytes, but they are not well-formed DER\\. .*was part of the base64 lost when it was copied\\?`),
    },
    { name: 'a JWK without n', text: '{"kty": "RSA", "e": "AQAB"}', message: 'The JWK has no "n" member; an RSA key needs "n" and "e".' },
    {
      name: 'an EC JWK',
      text: ecJwk,
      message: 'RS256 needs an RSA key (kty "RSA"), but this JWK has kty "EC".',
      line: `${ecJwk.split('\n').findIndex((l) => l.includes('"EC"')) + 1} │ ${ecJwk.split('\n').find((l) => l.includes('"EC"'))}`,
    },
    { name: 'a JSON syntax error', text: syntax, message: /^Problem: Line 4, column 3 of the JWK: /, line: '4 │   "e": "AQAB"' },
    {
      name: 'a JWK member that is not base64url',
      text: JSON.stringify({ kty: 'RSA', n: 'AQ/B', e: 'AQAB' }),
      message: 'Character 3 of the JWK\'s "n" member is "/" (U+002F): "/" belongs to standard base64; base64url writes "_" instead.',
    },
  ];

  for (const { name, text, message, line } of cases) {
    test(name, async ({ page }) => {
      const { widget, paste, problem, stale, thumbprint, heading, errors } = await open(page);
      await pasteInto(page, paste, pem);
      await expect(heading).toHaveText('The key: the public key you pasted');
      const good = thumbprintOf(publicKey.export({ format: 'jwk' }));
      await expect(thumbprint).toHaveText(good);

      await pasteInto(page, paste, text);
      // At the field, above the folds: seen without opening anything.
      await expect(problem).toBeVisible();
      if (typeof message === 'string') await expect(problem).toContainText(message);
      else await expect(problem).toHaveText(message);
      await expect(paste).toHaveValue(text);
      await expect(paste).toHaveAttribute('aria-invalid', 'true');
      if (line) await expect(widget.locator('pre.line')).toHaveText(line);
      // The last good key stays, marked out of date.
      await expect(stale).toContainText('Out of date');
      await expect(thumbprint).toHaveText(good);
      await expect(widget).toHaveAttribute('aria-busy', 'false');

      // Emptying the field keeps the key and clears the problem.
      await pasteInto(page, paste, '');
      await expect(problem).toHaveCount(0);
      await expect(stale).toHaveCount(0);
      await expect(thumbprint).toHaveText(good);
      expect(errors).toEqual([]);
    });
  }
});
