/**
 * Chapter 9's RS256 signing and verifying visualizers, used as a learner would. Every value the page shows
 * is checked against node:crypto on RFC 7515 A.2's key: the digest, the DigestInfo, EM (recovered from the
 * signature with the public key and no padding removed) and the signature itself.
 */
import { constants, createHash, createPublicKey, publicDecrypt, verify as nodeVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { showClock, showDetails } from './folds';
import { editInputs } from './inputs';
import { playsToTheEnd } from './stepper';
import { openWidget } from './support';

interface Vector { id: string; jwk: Record<string, string>; jwk_public: Record<string, string>; protected_header: string; payload: string; token: string }
const a2 = (JSON.parse(readFileSync('tests/vectors/rfc7515.json', 'utf8')) as { vectors: Vector[] }).vectors.find((v) => v.id === 'rfc7515-a2')!;
const publicKey = createPublicKey({ key: a2.jwk_public, format: 'jwk' });
const k = Buffer.from(a2.jwk.n!, 'base64url').length;
const n = BigInt(`0x${Buffer.from(a2.jwk.n!, 'base64url').toString('hex')}`);

const spaced = (bytes: Buffer) => bytes.toString('hex').replace(/(..)(?!$)/g, '$1 ').toUpperCase();
const bigHex = (bytes: Buffer) => BigInt(`0x${bytes.toString('hex')}`).toString(16).toUpperCase();

/** What node:crypto says a token's RS256 signature holds: EM, and its parts. */
function opened(token: string) {
  const input = token.slice(0, token.lastIndexOf('.'));
  const signature = Buffer.from(token.slice(token.lastIndexOf('.') + 1), 'base64url');
  const em = publicDecrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature);
  const separator = em.indexOf(0, 2);
  return {
    input,
    signature,
    digest: createHash('sha256').update(input).digest(),
    em,
    ffCount: separator - 2,
    digestInfo: em.subarray(separator + 1),
  };
}

/** The EM a verifier builds for a signing input: 00 01 FF…FF 00 ‖ DigestInfo, as node:crypto would sign it. */
function expectedEm(input: string, digestInfoPrefix: Buffer): Buffer {
  const digestInfo = Buffer.concat([digestInfoPrefix, createHash('sha256').update(input).digest()]);
  return Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(k - 3 - digestInfo.length, 0xff), Buffer.from([0]), digestInfo]);
}

/** A widget scrolled to, so that client:visible hydrates it, and waited for. */
async function hydrated(page: Page, name: string): Promise<Locator> {
  const widget = page.locator(`[data-widget="${name}"]`);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-hydrated', 'true');
  return widget;
}

async function open(page: Page) {
  const { widget: signer, errors } = await openWidget(page, 'chapters/rs256/', 'rsa-signing-visualizer');
  const verifier = await hydrated(page, 'rsa-verification-visualizer');
  for (const widget of [signer, verifier]) await expect(widget).not.toHaveAttribute('aria-busy', 'true');
  return {
    errors,
    signer,
    verifier,
    payload: signer.getByLabel('Payload (JSON)'),
    token: signer.locator('.output > .long .token'),
    tokenField: verifier.getByLabel('Token to verify'),
    verdict: verifier.locator('.outcome'),
    tamper: verifier.getByRole('group', { name: /Tamper with the token/ }),
  };
}

const stageButton = (widget: Locator, label: string) => widget.getByRole('list', { name: 'Stages' }).getByRole('button', { name: label });

async function showAll(stage: Locator, name: string): Promise<string> {
  const big = stage.locator('.big', { has: stage.page().getByText(name, { exact: true }) });
  await big.getByRole('button', { name: /^Show all \d+ characters/ }).click();
  return (await big.locator('code').textContent())!;
}

test("signs RFC 7515 A.2's header and payload to the RFC's token, and every stage shows node:crypto's values", async ({ page }) => {
  const { signer, token, errors } = await open(page);
  await expect(token).toHaveText(a2.token);
  await expect(signer).toContainText("Signing with RFC 7515's example key (Appendix A.2)");
  await expect(signer).toContainText("This payload's line breaks are CR LF");
  const expected = opened(a2.token);
  const stage = signer.locator('div.stage');

  await stageButton(signer, 'SHA-256 digest').click();
  await expect(stage.locator('figure code')).toHaveText(spaced(expected.digest));

  await stageButton(signer, 'PKCS#1 v1.5 padding').click();
  await expect(stage.locator('.explanation')).toContainText(`then ${expected.ffCount} bytes of FF, then 00`);
  // Opened here, the stages' details stay open for the next stage too.
  await showDetails(signer);
  // The DigestInfo, element by element: the OID named, the digest inside the OCTET STRING.
  await expect(stage.locator('[data-field="algorithm"]')).toContainText('2.16.840.1.101.3.4.2.1 (SHA-256)');
  await expect(stage.locator('[data-field="algorithm"]')).toContainText('offsets 4–14');
  await expect(stage.locator('[data-field="parameters"]')).toContainText('NULL');
  await expect(stage.locator('[data-field="digest"]')).toContainText(`length 20 = 32 bytes`);
  await expect(stage.locator('[data-field="digest"] code.bytes')).toHaveText(spaced(expected.digest));
  // EM's parts, as node:crypto recovered them from the RFC's signature.
  await expect(stage.locator('[data-part="zero"]')).toContainText('offset 0');
  await expect(stage.locator('[data-part="zero"] code')).toHaveText('00');
  await expect(stage.locator('[data-part="type"] code')).toHaveText('01');
  await expect(stage.locator('[data-part="padding"] code')).toHaveText(`FF × ${expected.ffCount}`);
  await expect(stage.locator('[data-part="separator"]')).toContainText(`offset ${2 + expected.ffCount}`);
  await expect(stage.locator('[data-part="digest-info"] code')).toHaveText(spaced(expected.digestInfo));
  await expect(stage.locator('[data-part="digest-info"]')).toContainText(`offsets ${3 + expected.ffCount}–${k - 1}`);
  await stage.getByRole('button', { name: `Show all ${expected.ffCount} FF bytes` }).click();
  await expect(stage.locator('[data-part="padding"] code')).toHaveText(Array(expected.ffCount).fill('FF').join(' '));
  await expect(stage.getByRole('button', { name: 'Collapse the padding' })).toHaveAttribute('aria-expanded', 'true');

  await stageButton(signer, 'Private-key operation').click();
  expect(await showAll(stage, 'm: EM read as one big-endian number')).toBe(bigHex(expected.em));
  expect(await showAll(stage, 's: the signature')).toBe(bigHex(expected.signature));
  expect(await showAll(stage, 'sᵉ mod n, computed on this page with BigInt')).toBe(bigHex(expected.em));
  await expect(stage).toContainText('e = 65537 (0x10001)');
  await expect(stage).toContainText('✓ sᵉ mod n = m');
  expect(errors).toEqual([]);
});

/** Walks every stage with the Forward button, back to the start, then again with the arrow key. */
async function walk(page: Page, widget: Locator, labels: string[]) {
  const position = widget.locator('.position');
  await widget.getByRole('list', { name: 'Stages' }).getByRole('button').first().click();
  for (let i = 1; i < labels.length; i++) {
    await widget.getByRole('button', { name: 'Forward →' }).click();
    await expect(position).toContainText(`Stage ${i + 1} of ${labels.length}: ${labels[i]}`);
  }
  await widget.getByRole('button', { name: 'Restart' }).click();
  await expect(position).toHaveText(`Stage 1 of ${labels.length}: ${labels[0]}`);
  for (let i = 1; i < labels.length; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(position).toContainText(`Stage ${i + 1} of ${labels.length}: ${labels[i]}`);
  }
  await page.keyboard.press('Home');
  await expect(position).toContainText('Stage 1 of');
}

const stageLabels = async (widget: Locator) =>
  (await widget.getByRole('list', { name: 'Stages' }).getByRole('button').allTextContents()).map((l) => l.replace(/^\s*\d+\s*/, '').replace(/\s*[✓✗–].*/, '').trim());

test('steps through every stage of both widgets by mouse and by keyboard', async ({ page }) => {
  const { signer, verifier } = await open(page);
  const signing = await stageLabels(signer);
  expect(signing).toEqual([
    'Header → UTF-8', 'Header → base64url', 'Payload → UTF-8', 'Payload → base64url', 'Signing input',
    'SHA-256 digest', 'PKCS#1 v1.5 padding', 'Private-key operation', 'Signature → base64url', 'Token',
  ]);
  await walk(page, signer, signing);

  const verifying = await stageLabels(verifier);
  expect(verifying).toEqual([
    'Split', 'Decode header', 'Decode payload', 'Decode signature', 'Algorithm allowed?', 'Key fits?',
    'SHA-256 digest', 'PKCS#1 v1.5 padding', 'Public-key operation', 'Compare', 'Check iat', 'Check nbf', 'Check exp',
  ]);
  await walk(page, verifier, verifying);
});

test('the UTF-8 grid shows whole rows and says when there are more; at 1280 px it takes the widget\'s width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const { signer } = await open(page);
  const grid = signer.getByRole('grid', { name: /Characters of the header/ });
  const inView = signer.locator('[data-in-view]');
  const measure = () =>
    grid.evaluate((box) => ({
      height: box.clientHeight,
      row: box.querySelector('[role="row"]')!.getBoundingClientRect().height,
      rows: Number(box.getAttribute('aria-rowcount')),
    }));
  const { height, row, rows } = await measure();
  // The box is a whole number of rows high: no row is cut in half.
  const shown = Math.round(height / row);
  expect(shown).toBeGreaterThanOrEqual(1);
  expect(Math.abs(height - shown * row)).toBeLessThan(1);
  // More rows than it shows: it says so, and which rows are in view, as it scrolls.
  expect(rows).toBeGreaterThan(shown);
  await expect(inView).toHaveText(`Rows 1–${shown} of ${rows} in view: scroll the box for the rest.`);
  await grid.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await expect(inView).toHaveText(`Rows ${rows - shown + 1}–${rows} of ${rows} in view: scroll the box for the rest.`);

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(async () => {
    const [gridBox, content] = await Promise.all([
      grid.boundingBox(),
      signer.evaluate((widget) => widget.clientWidth - parseFloat(getComputedStyle(widget).paddingLeft) - parseFloat(getComputedStyle(widget).paddingRight)),
    ]);
    return gridBox!.width / content;
  }).toBeGreaterThanOrEqual(0.85);
  const wide = await measure();
  expect(Math.abs(wide.height - Math.round(wide.height / wide.row) * wide.row)).toBeLessThan(1);
});

test('an edited payload gets a new signature that node:crypto verifies, and the verifier can take it', async ({ page }) => {
  const { signer, payload, token, verifier, tokenField, verdict } = await open(page);
  await payload.fill('{"iss":"ada","exp":1300819380}');
  await expect(token).not.toHaveText(a2.token);
  const signed = (await token.textContent())!;
  const [h, p, s] = signed.split('.') as [string, string, string];
  expect(Buffer.from(p, 'base64url').toString()).toBe('{"iss":"ada","exp":1300819380}');
  expect(h).toBe(a2.token.split('.')[0]);
  expect(s).not.toBe(a2.token.split('.')[2]);
  expect(nodeVerify('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))).toBe(true);
  // The digest stage shows the new input's digest.
  await stageButton(signer, 'SHA-256 digest').click();
  await expect(signer.locator('div.stage figure code')).toHaveText(spaced(opened(signed).digest));

  await verifier.getByRole('button', { name: 'Use the token signed above' }).click();
  await expect(tokenField).toHaveValue(signed);
  await showClock(verifier);
  await verifier.getByRole('button', { name: '1 minute before exp' }).click();
  await expect(verdict).toContainText('Accepted');
});

test('a broken payload keeps the last token, marked out of date, and names the place', async ({ page }) => {
  const { signer, payload, token } = await open(page);
  await payload.fill('{"iss":"joe",}');
  await expect(signer.getByText('Out of date')).toBeVisible();
  await expect(token).toHaveText(a2.token);
  await expect(signer.getByRole('button', { name: 'Copy token' })).toBeDisabled();
  await expect(payload).toHaveValue('{"iss":"joe",}');
});

test('a header without alg, or asking for PS256, is told what this widget signs', async ({ page }) => {
  const { signer, token } = await open(page);
  const header = signer.getByLabel('Header (JSON)');
  await header.fill('{"typ":"JWT"}');
  await expect(signer).toContainText('The header has no "alg" member; write "alg":"RS256"');
  await header.fill('{"alg":"PS256"}');
  await expect(signer).toContainText('This widget signs with RS256, RS384 or RS512 only, and the header asks for "PS256".');
  await expect(signer).not.toContainText('Import it again');
  await expect(token).toHaveText(a2.token);
  await expect(header).toHaveValue('{"alg":"PS256"}');
});

test("verifies A.2's token: EM′ is the expected EM, expired by today's clock, accepted before exp", async ({ page }) => {
  const { verifier, verdict, errors } = await open(page);
  await expect(verdict).toContainText('Refused at “Check exp”');
  await expect(verdict).toContainText('The signature is valid, but the token is refused anyway');
  await expect(verdict).toContainText('Expired');
  const expected = opened(a2.token);
  const stage = verifier.locator('div.stage');

  await stageButton(verifier, 'Public-key operation').click();
  await showDetails(verifier);
  await expect(stage).toContainText('EM′: 256 bytes');
  await expect(stage.locator('[data-part="padding"] code')).toHaveText(`FF × ${expected.ffCount}`);
  await expect(stage.locator('[data-part="digest-info"] code')).toHaveText(spaced(expected.digestInfo));
  expect(await showAll(stage, 'm′ = sᵉ mod n, computed on this page with BigInt')).toBe(bigHex(expected.em));
  // …and EM′ is exactly the EM the verifier builds from the token's own signing input.
  expect(expected.em).toEqual(expectedEm(expected.input, expected.digestInfo.subarray(0, 19)));

  await stageButton(verifier, 'Compare').click();
  await expect(stage).toContainText(`All ${k} bytes are equal.`);
  await expect(stage).toContainText('encoded message');
  await expect(stage).not.toContainText(/\bMAC\b/);
  // The 256 bytes get the widget's whole width: on a desktop screen two blocks of 8 share a line.
  const [first, second] = await Promise.all([0, 1].map((i) => stage.locator('.block').nth(i).boundingBox()));
  expect(second!.y).toBeCloseTo(first!.y, 0);
  expect(second!.x).toBeGreaterThan(first!.x + first!.width - 1);

  // Stepping folded the verifier's inputs away: the learner unfolds them to move its clock.
  await editInputs(verifier);
  await showClock(verifier);
  await verifier.getByRole('button', { name: '1 minute before exp' }).click();
  await expect(verdict).toContainText('Accepted');
  expect(errors).toEqual([]);
});

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const next = (c: string) => ALPHABET[(ALPHABET.indexOf(c) + 1) % 64]!;

/** The first payload character whose change (to the next base64url character) still decodes to a JSON object. */
function harmlessPayloadChange(token: string): number {
  const [h, p] = token.split('.') as [string, string];
  for (let i = 0; i < p.length - 1; i++) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(p.slice(0, i) + next(p[i]!) + p.slice(i + 1), 'base64url'));
      if (typeof JSON.parse(text) === 'object') return h.length + 1 + i;
    } catch {
      // not decodable: try the next character
    }
  }
  throw new Error('no harmless change found');
}

test('a tampered payload fails at the compare, at the first differing byte node:crypto finds', async ({ page }) => {
  const { verifier, verdict, tamper } = await open(page);
  await showClock(verifier);
  await verifier.getByRole('button', { name: '1 minute before exp' }).click();
  await expect(verdict).toContainText('Accepted');
  const at = harmlessPayloadChange(a2.token);
  await tamper.getByRole('button').nth(at - 1).click();
  await expect(verdict).toContainText('Refused at “Compare”');

  const tampered = a2.token.slice(0, at) + next(a2.token[at]!) + a2.token.slice(at + 1);
  const recovered = opened(a2.token).em;
  const built = expectedEm(tampered.slice(0, tampered.lastIndexOf('.')), opened(a2.token).digestInfo.subarray(0, 19));
  const first = built.findIndex((b, i) => b !== recovered[i]);
  expect(first).toBeGreaterThan(0);
  await verdict.getByRole('button', { name: 'Show that stage' }).click();
  await expect(verifier.locator('.position')).toContainText('Compare (failed)');
  await showDetails(verifier);
  await expect(verifier.locator('div.stage')).toContainText(`The first difference is byte ${first + 1} (offset ${first})`);
  await expect(verifier.locator('div.stage .explanation')).toContainText(`differ, first at byte ${first + 1}`);
});

test('a tampered signature fails at the compare, and EM′ is no longer an encoded message', async ({ page }) => {
  const { verifier, verdict, tamper } = await open(page);
  const at = a2.token.lastIndexOf('.') + 10;
  await tamper.getByRole('button').nth(at - 2).click();
  const tampered = a2.token.slice(0, at) + next(a2.token[at]!) + a2.token.slice(at + 1);
  const s = BigInt(`0x${Buffer.from(tampered.split('.')[2]!, 'base64url').toString('hex')}`);
  expect(s < n).toBe(true);
  await expect(verdict).toContainText('Refused at “Compare”');
  await stageButton(verifier, 'Public-key operation').click();
  await expect(verifier.locator('div.stage')).toContainText('Not an encoded message.');
});

test('a signature not below n is named as out of range', async ({ page }) => {
  const { tokenField, verifier, verdict } = await open(page);
  const [h, p] = a2.token.split('.');
  await tokenField.fill(`${h}.${p}.${a2.jwk.n}`);
  await expect(verdict).toContainText('Refused at “Public-key operation”');
  await expect(verdict).toContainText('not below the modulus n');
  await expect(stageButton(verifier, 'Compare')).toHaveCount(0);
  await stageButton(verifier, 'Public-key operation').click();
  await expect(verifier.locator('div.stage')).toContainText('Out of range.');
  await expect(verifier.locator('div.stage .explanation')).toContainText('not below the modulus n');
});

test('a verifier that does not accept RS256 refuses at the algorithm', async ({ page }) => {
  const { verifier, verdict } = await open(page);
  await verifier.getByLabel('RS384').check();
  await verifier.getByLabel('RS256').uncheck();
  await expect(verdict).toContainText('Refused at “Algorithm allowed?”');
  await expect(verdict).toContainText('this verifier accepts only RS384');
});

test('plays to the last stage and stops there', async ({ page }) => {
  const { signer } = await open(page);
  await stageButton(signer, 'PKCS#1 v1.5 padding').click();
  await playsToTheEnd(page, signer);
});

test('with no algorithm allowed there is no verdict, the last stages are marked out of date, and a fresh verdict follows', async ({ page }) => {
  const { verifier, verdict } = await open(page);
  await expect(verdict).toContainText('Refused at “Check exp”');
  await verifier.getByLabel('RS256').uncheck();
  await expect(verdict).toHaveText(/^No verdict\. No algorithm is allowed/);
  await expect(verifier.getByText('Out of date:')).toBeVisible();
  await expect(verifier.getByText('Choose at least one algorithm')).toBeVisible();
  // The clock moves while there is no verdict; ticking RS256 again gives the verdict for the new time.
  await showClock(verifier);
  await verifier.getByRole('button', { name: '1 minute before exp' }).click();
  await expect(verdict).toHaveText(/^No verdict/);
  await verifier.getByLabel('RS256').check();
  await expect(verdict).toContainText('Accepted');
  await expect(verifier.getByText('Out of date:')).toHaveCount(0);
});

test('with reduced motion nothing plays by itself', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { signer, verifier } = await open(page);
  for (const widget of [signer, verifier]) {
    await expect(widget.getByRole('button', { name: 'Play' })).toHaveCount(0);
    await expect(widget.getByLabel('Speed')).toHaveCount(0);
  }
  await expect(signer.locator('.position')).toHaveText('Stage 1 of 10: Header → UTF-8');
});

test('a key pair generated above signs and verifies, and both widgets say which key they use', async ({ page }) => {
  const { signer, verifier, token, verdict } = await open(page);
  test.setTimeout(60_000); // a 2048-bit key can take seconds on a busy machine
  const keyPair = await hydrated(page, 'rsa-key-pair');
  await keyPair.getByRole('button', { name: 'Generate a key pair' }).click();
  await expect(signer).toContainText('Signing with the 2048-bit key pair you generated', { timeout: 45_000 });
  await expect(verifier).toContainText('Verifying with the public key of the 2048-bit key pair you generated');
  await expect(token).not.toHaveText(a2.token);
  // The payload is A.2's, so its exp is A.2's: the clock goes back before it, and the new token is accepted.
  await verifier.getByRole('button', { name: 'Use the token signed above' }).click();
  await showClock(verifier);
  await verifier.getByRole('button', { name: '1 minute before exp' }).click();
  await expect(verdict).toContainText('Accepted');
  // A.2's token does not verify with the new key.
  await verifier.getByLabel('Token to verify').fill(a2.token);
  await expect(verdict).toContainText('Refused at “Compare”');
});

test("RFC 7515 A.2's key and token pasted by hand give the RFC's values at every stage", async ({ page }) => {
  test.setTimeout(60_000);
  const { signer, verifier, token, tokenField, verdict } = await open(page);
  const keyPair = await hydrated(page, 'rsa-key-pair');
  // Another key first, so that what follows comes from the pasted text and not from the start state.
  await keyPair.getByRole('button', { name: 'Generate a key pair' }).click();
  await expect(signer).toContainText('you generated', { timeout: 45_000 });
  await expect(token).not.toHaveText(a2.token);

  await keyPair.getByLabel(/Or paste a key/).fill(JSON.stringify(a2.jwk, null, 2));
  await expect(signer).toContainText('you pasted');
  await expect(token).toHaveText(a2.token);

  await tokenField.fill(a2.token);
  await showClock(verifier);
  await verifier.getByRole('button', { name: '1 minute before exp' }).click();
  await expect(verdict).toContainText('Accepted');
  const expected = opened(a2.token);
  const stage = verifier.locator('div.stage');
  await stageButton(verifier, 'SHA-256 digest').click();
  await expect(stage.locator('figure code')).toHaveText(spaced(expected.digest));
  await stageButton(verifier, 'Public-key operation').click();
  await showDetails(verifier);
  await expect(stage.locator('[data-part="padding"] code')).toHaveText(`FF × ${expected.ffCount}`);
  await expect(stage.locator('[data-part="digest-info"] code')).toHaveText(spaced(expected.digestInfo));
  await stageButton(verifier, 'Compare').click();
  await expect(stage).toContainText(`All ${k} bytes are equal.`);
});
