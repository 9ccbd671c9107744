/** Chapter 9's toy RSA and sign-twice widgets, used by keyboard as a learner would; every number checked with BigInt here. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { nodeVerify } from '../node-verify';
import { unfold } from './folds';
import { openWidget, useTheme } from './support';

/** The oracles: repeated multiplication for powers, a search for the inverse, both too slow to be the widget's way. */
const slowPow = (base: bigint, exponent: bigint, modulus: bigint) => {
  let result = 1n % modulus;
  for (let i = 0n; i < exponent; i++) result = (result * base) % modulus;
  return result;
};
const inverse = (e: bigint, phi: bigint) => {
  for (let d = 1n; d < phi; d++) if ((d * e) % phi === 1n) return d;
  throw new Error('no inverse');
};
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const fromHex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex');

const open = (page: Page, name: string) => openWidget(page, 'chapters/rs256/', name);

/** Replaces a field's text with the keyboard alone. */
async function type(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

test.describe('toy RSA', () => {
  /** Opens the folds that hold Euclid's table and the factoring, the way a learner does: a click on each summary. */
  async function unfoldWorking(widget: Locator) {
    for (const summary of ["Find d by Euclid's algorithm", 'Why this key is no secret']) await unfold(widget, summary);
  }

  /** Checks every number the widget shows for these inputs against the oracles. */
  async function expectWorking(widget: Locator, [p, q, e, m]: bigint[]) {
    const n = p! * q!;
    const phi = (p! - 1n) * (q! - 1n);
    const d = inverse(e!, phi);
    const s = slowPow(m!, d, n);
    expect(slowPow(s, e!, n)).toBe(m);
    await expect(widget.locator('[data-value="n"] output')).toHaveText(String(n));
    await expect(widget.locator('[data-value="phi"] output')).toHaveText(String(phi));
    await expect(widget.locator('output[data-value="gcd"]')).toHaveText('1');
    await expect(widget.locator('output[data-value="d"]')).toHaveText(String(d));
    await expect(widget.locator('[data-value="s"] output')).toHaveText(String(s));
    await expect(widget.locator('[data-value="verify"] output')).toHaveText(String(m));
    await expect(widget.locator('[data-value="verify"]')).toContainText('✓ valid');
    await expect(widget.locator('[data-value="factor"]')).toContainText(`${n} = ${p! < q! ? p : q} × ${p! < q! ? q : p}`);
    return { n, d, s };
  }

  test('works through the textbook example and numbers typed by keyboard', async ({ page }) => {
    const { widget, errors } = await open(page, 'toy-rsa');
    await unfoldWorking(widget);
    await expectWorking(widget, [61n, 53n, 17n, 65n]);
    // Every Euclid row keeps r = x·φ + y·e.
    for (const row of await widget.locator('[data-value="euclid"] tbody tr').all()) {
      const [r, x, y] = (await row.locator('td').allTextContents()).slice(0, 3).map((t) => BigInt(t));
      expect(x! * 3120n + y! * 17n).toBe(r);
    }

    await type(page, widget.getByLabel('Prime p'), '101');
    await type(page, widget.getByLabel('Prime q'), '113');
    await type(page, widget.getByLabel('Public exponent e'), '3');
    await type(page, widget.getByLabel('Message m', { exact: true }), '11000');
    await expectWorking(widget, [101n, 113n, 3n, 11000n]);
    expect(errors).toEqual([]);
  });

  test("each step's result shows as it arrives, its working folded; a fold opens by keyboard", async ({ page }) => {
    const { widget, errors } = await open(page, 'toy-rsa');
    for (const value of ['n', 'phi', 's', 'verify']) await expect(widget.locator(`[data-value="${value}"] output`)).toBeVisible();
    await expect(widget.locator('output[data-value="d"]')).toHaveText('2753');
    await expect(widget.locator('output[data-value="d"]')).toBeVisible();
    await expect(widget.locator('details[open]')).toHaveCount(0);
    const table = widget.locator('[data-value="euclid"]');
    await expect(table).toBeHidden();
    const summary = widget.locator('summary', { hasText: "Find d by Euclid's algorithm" });
    // A target big enough to hit: at least 24 px high.
    expect((await summary.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(summary.locator('..')).toHaveAttribute('open', '');
    await expect(table).toBeVisible();
    await expect(widget.locator('output[data-value="gcd"]')).toBeVisible();
    // The square-and-multiply table of signing opens the same way.
    const power = widget.locator('summary', { hasText: 'Work out m^d mod n' });
    await power.focus();
    await page.keyboard.press('Enter');
    await expect(power.locator('..').locator('table')).toBeVisible();
    expect(errors).toEqual([]);
  });

  const bad: [string, string, RegExp][] = [
    ['Prime p', '91', /91 = 7 × 13: it is divisible by 7/],
    ['Prime p', '6x1', /character 2 is “x”/],
    ['Prime p', '10007', /below 10000/],
    ['Prime q', '61', /q must be a different prime from p/],
    ['Public exponent e', '15', /common factor 15 \(gcd\(15, 3120\) = 15\)/],
    ['Public exponent e', '1', /greater than 1 and less than φ\(n\) = 3120/],
    ['Message m', '3233', /m must be less than n = 3233/],
    ['Message m', '', /Enter a whole number for m/],
    ['Message m', '9'.repeat(25), /m has 25 digits; this field takes at most 20\. Toy RSA is for small numbers/],
  ];
  for (const [label, text, message] of bad) {
    test(`${label} = "${text}" is explained at the field, and the text stays`, async ({ page }) => {
      const { widget, errors } = await open(page, 'toy-rsa');
      const field = widget.getByLabel(label, { exact: true });
      await type(page, field, text);
      await expect(field).toHaveAccessibleDescription(message);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveValue(text);
      // Under the field, outside every fold: seen without opening anything.
      await expect(field.locator('..').locator('.error')).toBeVisible();
      // The last good working stays, marked out of date.
      await expect(widget).toContainText('Out of date');
      await expect(widget.locator('output[data-value="d"]')).toHaveText('2753');
      await type(page, field, { 'Prime p': '61', 'Prime q': '53', 'Public exponent e': '17', 'Message m': '65' }[label]!);
      await expect(field).not.toHaveAttribute('aria-invalid');
      await expect(widget).not.toContainText('Out of date');
      expect(errors).toEqual([]);
    });
  }

  test('changing one digit of s or m makes verification fail', async ({ page }) => {
    const { widget } = await open(page, 'toy-rsa');
    await unfoldWorking(widget);
    const { n, s } = await expectWorking(widget, [61n, 53n, 17n, 65n]);
    const receivedS = widget.getByLabel('Received signature s');
    const receivedM = widget.getByLabel('Received message m');
    const verdict = widget.locator('[data-value="received"]');
    await expect(receivedS).toHaveValue(String(s));
    await expect(verdict).toContainText('✓ valid');

    const changed = String(s).replace(/.$/, (digit) => String((Number(digit) + 1) % 10));
    await type(page, receivedS, changed);
    await expect(verdict).toContainText(`= ${slowPow(BigInt(changed), 17n, n)} ≠ 65`);
    await expect(verdict).toContainText('✗ rejected');

    const again = widget.getByRole('button', { name: 'Use the signed s and m again' });
    await again.focus();
    await page.keyboard.press('Enter');
    await expect(receivedS).toHaveValue(String(s));
    await expect(verdict).toContainText('✓ valid');
    // Nothing left to undo: the button says so, and keeps the focus rather than dropping it to the page.
    await expect(again).toBeDisabled();
    await expect(again).toBeFocused();

    await type(page, receivedM, '64');
    await expect(verdict).toContainText(`= 65 ≠ 64`);
    await expect(verdict).toContainText('✗ rejected');

    await type(page, receivedS, String(s + n));
    await expect(receivedS).toHaveAccessibleDescription(/s must be less than n = 3233/);
    await expect(receivedS).toHaveValue(String(s + n));
  });
});

test.describe('sign twice', () => {
  const PAYLOAD = '{"sub":"ada","admin":false}';

  async function signByKeyboard(page: Page, widget: Locator) {
    await widget.getByRole('button', { name: /sign twice/ }).focus();
    await page.keyboard.press('Enter');
    await expect(widget.locator('section[data-alg]')).toHaveCount(4);
    await expect(widget).toHaveAttribute('aria-busy', 'false');
  }

  test('RS256 and EdDSA sign identically, PS256 and ES256 do not, and node:crypto verifies every signature', async ({ page }) => {
    const { widget, errors } = await open(page, 'sign-twice');
    await signByKeyboard(page, widget);
    const expected = { RS256: [true, 256], PS256: [false, 256], ES256: [false, 64], EdDSA: [true, 64] } as const;
    for (const [alg, [identical, length]] of Object.entries(expected)) {
      const section = widget.locator(`section[data-alg="${alg}"]`);
      const signatures = (await section.locator('figure code').allTextContents()).map(fromHex);
      expect(signatures).toHaveLength(2);
      expect(signatures[0]!.equals(signatures[1]!), alg).toBe(identical);
      await expect(section.locator('.identical')).toContainText(identical ? 'Identical.' : 'Different.');
      await expect(section.locator('.verdict')).toHaveText([/✓ verifies/, /✓ verifies/]);

      const jwk = JSON.parse((await section.locator('.jwk').textContent())!) as JsonWebKey;
      expect(jwk).not.toHaveProperty('d');
      const signingInput = `${b64(`{"alg":"${alg}","typ":"JWT"}`)}.${b64(PAYLOAD)}`;
      for (const [i, bytes] of signatures.entries()) {
        expect(bytes.length, alg).toBe(length);
        await expect(section.locator('figcaption').nth(i)).toContainText(`(${length} bytes)`);
        expect(nodeVerify(alg, jwk, signingInput, bytes), `${alg} signature ${i + 1}`).toBe(true);
      }
    }
    // ES256's raw signature is r‖s.
    for (const half of await widget.locator('section[data-alg="ES256"] .signature').all()) {
      const signature = fromHex((await half.locator('figure code').textContent())!);
      const [r, s] = (await half.locator('.halves dd').allTextContents()).map(fromHex);
      expect([r!.length, s!.length]).toEqual([32, 32]);
      expect(Buffer.concat([r!, s!])).toEqual(signature);
    }
    // The note says what each public-key verifier recomputes, rather than that it can recompute nothing.
    await expect(widget.locator('.why')).toContainText('reads the salt back out');
    expect(errors).toEqual([]);
  });

  test('pressing again while signing shows only the newest run, and the busy state ends', async ({ page }) => {
    const { widget, errors } = await open(page, 'sign-twice');
    const button = widget.getByRole('button', { name: /sign twice/ });
    await button.focus();
    // Two presses in a row: the second comes while the first run is still making 2048-bit RSA keys.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(widget.locator('section[data-alg]')).toHaveCount(4);
    await expect(widget).toHaveAttribute('aria-busy', 'false');
    await expect(button).toBeFocused();
    const section = widget.locator('section[data-alg="ES256"]');
    const jwk = JSON.parse((await section.locator('.jwk').textContent())!) as JsonWebKey;
    const signature = fromHex((await section.locator('figure code').first().textContent())!);
    expect(nodeVerify('ES256', jwk, `${b64('{"alg":"ES256","typ":"JWT"}')}.${b64(PAYLOAD)}`, signature)).toBe(true);
    expect(errors).toEqual([]);
  });

  test('a payload that is not JSON is explained at the field and kept; an edit marks the signatures out of date', async ({ page }) => {
    const { widget, errors } = await open(page, 'sign-twice');
    await signByKeyboard(page, widget);
    const payload = widget.getByLabel('Payload (JSON)');
    await type(page, payload, '{"sub":"ada",}');
    await expect(widget).toContainText('Out of date');
    // Named as it is typed, at its place, and nothing can be signed until it is fixed.
    await expect(payload).toHaveAttribute('aria-invalid', 'true');
    const comma = '{"sub":"ada",}'.lastIndexOf(',') + 1;
    await expect(payload).toHaveAccessibleDescription(new RegExp(`Line 1, column ${comma} of the payload: a trailing comma`));
    await expect(widget.getByRole('button', { name: /sign twice/ })).toBeDisabled();
    await expect(payload).toHaveValue('{"sub":"ada",}');

    await type(page, payload, '{"sub":"eve"}');
    await signByKeyboard(page, widget);
    await expect(payload).not.toHaveAttribute('aria-invalid');
    await expect(widget).not.toContainText('Out of date');
    const jwk = JSON.parse((await widget.locator('section[data-alg="RS256"] .jwk').textContent())!) as JsonWebKey;
    const signature = fromHex((await widget.locator('section[data-alg="RS256"] figure code').first().textContent())!);
    expect(nodeVerify('RS256', jwk, `${b64('{"alg":"RS256","typ":"JWT"}')}.${b64('{"sub":"eve"}')}`, signature)).toBe(true);
    expect(errors).toEqual([]);
  });
});

// pages.spec.ts checks the page as it loads; this checks what only appears after input: results, errors, open details.
for (const theme of ['light', 'dark'] as const) {
  test(`with signatures, errors and worked steps showing, axe finds nothing in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    const { widget: signTwice } = await open(page, 'sign-twice');
    await signTwice.getByRole('button', { name: /sign twice/ }).click();
    await expect(signTwice.locator('section[data-alg]')).toHaveCount(4);
    await signTwice.getByLabel('Payload (JSON)').fill('{"sub"');
    await expect(signTwice.getByLabel('Payload (JSON)')).toHaveAttribute('aria-invalid', 'true');
    const toy = page.locator('[data-widget="toy-rsa"]');
    await toy.scrollIntoViewIfNeeded();
    await expect(toy).toHaveAttribute('data-hydrated', 'true');
    await toy.getByLabel('Received signature s').fill('12');
    await toy.getByLabel('Prime q').fill('57');
    await expect(toy).toContainText('Out of date');
    // Every fold of the two widgets checked, opened (outer ones first, in page order). Not the other widgets' summaries:
    // a click on a fold that is open (a visualizer's inputs) would close it, hiding the folds inside it.
    for (const summary of await page.locator('[data-widget="toy-rsa"] summary, [data-widget="sign-twice"] summary').all()) {
      if ((await summary.locator('..').getAttribute('open')) === null) await summary.click();
    }
    await expect(signTwice.locator('section[data-alg]')).toHaveCount(4);
    const { violations } = await new AxeBuilder({ page }).include('[data-widget="toy-rsa"]').include('[data-widget="sign-twice"]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
