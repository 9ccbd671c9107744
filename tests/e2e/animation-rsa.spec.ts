/**
 * The compare and RSA stages performed beat by beat, and tamper mode's change travelling, as a learner sees
 * them: chapter 9's RS256 visualizers (RFC 7515 A.2's key and token) and chapter 5's HS256 verifier. What each
 * beat shows is checked against node:crypto: the digest (createHash), the DigestInfo prefix (RFC 8017 §9.2), EM
 * and EM′ (publicDecrypt with no padding removed), the HMAC and the bytes Buffer decodes. Playing runs on
 * Playwright's frozen clock; nothing here waits for real time.
 */
import { constants, createHash, createPublicKey, publicDecrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { editInputs } from './inputs';
import { playsToTheEnd, stepperPlace } from './stepper';
import { axeViolations, openWidget, useTheme } from './support';

interface Vector { id: string; jwk: Record<string, string>; jwk_public: Record<string, string>; token: string }
const a2 = (JSON.parse(readFileSync('tests/vectors/rfc7515.json', 'utf8')) as { vectors: Vector[] }).vectors.find((v) => v.id === 'rfc7515-a2')!;
const publicKey = createPublicKey({ key: a2.jwk_public, format: 'jwk' });
const SHA256_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const hex = (b: number) => b.toString(16).padStart(2, '0');
const HEX = (b: number) => hex(b).toUpperCase();
/** Bytes by their ends, as the scenes write them: "30 31 30 … 04 20". */
const byteEnds = (bytes: Buffer, head = 3, tail = 2) => [...bytes.subarray(0, head)].map(HEX).join(' ') + ' … ' + [...bytes.subarray(bytes.length - tail)].map(HEX).join(' ');
/** A big number by its ends in hex, as the scenes write them. */
const numberEnds = (bytes: Buffer) => {
  const digits = BigInt(`0x${bytes.toString('hex')}`).toString(16).toUpperCase();
  return `0x${digits.slice(0, 4)}…${digits.slice(-4)}`;
};
const flipped = (token: string, at: number) => token.slice(0, at) + ALPHABET[(ALPHABET.indexOf(token[at]!) + 1) % 64] + token.slice(at + 1);

/** What node:crypto finds in an RS256 token: its signing input, digest, DigestInfo, EM′ from the signature, and the EM it should be. */
function rs256(token: string) {
  const input = token.slice(0, token.lastIndexOf('.'));
  const signature = Buffer.from(token.slice(token.lastIndexOf('.') + 1), 'base64url');
  const digest = createHash('sha256').update(input).digest();
  const digestInfo = Buffer.concat([SHA256_PREFIX, digest]);
  const k = signature.length;
  const built = Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(k - 3 - digestInfo.length, 0xff), Buffer.from([0]), digestInfo]);
  const recovered = publicDecrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature);
  return { input, signature, digest, digestInfo, k, ff: k - 3 - digestInfo.length, built, recovered };
}

/** The first payload character whose change (to the next base64url character) still decodes to a JSON object. */
function harmlessPayloadChange(token: string): number {
  const [h, p] = token.split('.') as [string, string];
  for (let i = 0; i < p.length - 1; i++) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(flipped(p, i), 'base64url'));
      if (typeof JSON.parse(text) === 'object') return h.length + 1 + i;
    } catch {
      // not decodable: try the next character
    }
  }
  throw new Error('no harmless change found');
}

/** Offsets where Buffer decodes the segment of the two tokens differently. */
function bytesThatDiffer(before: string, after: string, segment: number): number[] {
  const [x, y] = [before, after].map((t) => Buffer.from(t.split('.')[segment]!, 'base64url'));
  return [...x!.keys()].filter((i) => x![i] !== y![i]);
}

async function hydrated(page: Page, name: string): Promise<Locator> {
  const widget = page.locator(`[data-widget="${name}"]`);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-hydrated', 'true');
  await expect(widget).not.toHaveAttribute('aria-busy', 'true');
  return widget;
}

async function openRs256(page: Page) {
  const { widget: signer, errors } = await openWidget(page, 'chapters/rs256/', 'rsa-signing-visualizer');
  await expect(signer).not.toHaveAttribute('aria-busy', 'true');
  const verifier = await hydrated(page, 'rsa-verification-visualizer');
  return { signer, verifier, errors };
}

async function openHs256(page: Page) {
  const { widget, errors } = await openWidget(page, 'chapters/verifying-a-token/', 'verification-visualizer');
  await expect(widget.locator('.outcome')).toContainText('Accepted');
  return { widget, errors, token: await widget.getByLabel('Token to verify').inputValue(), tamper: widget.getByRole('group', { name: /Tamper with the token/ }) };
}

const stageButton = (widget: Locator, label: string | RegExp) => widget.getByRole('list', { name: 'Stages' }).getByRole('button', { name: label });
const slider = (widget: Locator) => widget.locator('.scrub input');
const caption = (widget: Locator) => widget.locator('.caption');
/** The scene above the current stage's view, where its beat performs. */
const scene = (widget: Locator) => widget.locator('.stage .scene');

/** Scrubs to beat `n` (from 1) with the slider. */
async function scrubTo(widget: Locator, n: number) {
  await slider(widget).fill(String(n - 1));
  await expect(widget.locator('.scrub span')).toHaveText(new RegExp(`^Step ${n} of \\d+$`));
}

/** The compare scene's cells under the cursor on line E or R. */
const cursorCell = (compare: Locator, side: 'E' | 'R') => compare.locator('.line').nth(side === 'E' ? 0 : 1).locator('.cell.now');

test('PKCS#1 v1.5 padding, beat by beat: the digest, its DigestInfo, and EM filling 256 bytes as node:crypto recovers it', async ({ page }) => {
  const { signer, errors } = await openRs256(page);
  const rsa = rs256(a2.token);
  // node:crypto's EM is the one built from the digest: 00 01, FF padding, 00, DigestInfo.
  expect(rsa.recovered).toEqual(rsa.built);
  await stageButton(signer, 'PKCS#1 v1.5 padding').click();
  const encode = scene(signer);
  const block = (name: string) => encode.locator(`[data-block="${name}"]`);
  // Reached by the map: the last beat, every block of EM drawn plain.
  expect(await stepperPlace(signer)).toMatchObject({ beat: 6, beats: 6 });
  await expect(block('padding')).toHaveText(`FF × ${rsa.ff}`);
  await expect(block('digest-info')).toHaveText('DigestInfo');
  for (const name of ['zero', 'type', 'padding', 'separator', 'digest-info']) await expect(block(name)).not.toHaveClass(/\b(now|done|ahead)\b/);

  await scrubTo(signer, 1);
  await expect(caption(signer)).toHaveText(`The SHA-256 digest of the signing input: 32 bytes, ${byteEnds(rsa.digest)}.`);
  await expect(encode.locator('[data-chip="digest"]')).toHaveText(byteEnds(rsa.digest, 2, 2));
  await expect(encode.locator('[data-chip="digest"]')).toHaveClass(/\bnow\b/);
  await expect(encode.locator('[data-chip="prefix"]')).toHaveCount(0);
  await expect(block('zero')).toHaveCount(0);

  await scrubTo(signer, 2);
  await expect(caption(signer)).toContainText(`A 19-byte DER prefix (${byteEnds(SHA256_PREFIX)}) names SHA-256`);
  await expect(encode).toContainText(`DigestInfo, ${rsa.digestInfo.length} bytes`);
  await expect(encode.locator('[data-chip="prefix"]')).toHaveText(byteEnds(SHA256_PREFIX, 2, 2));
  await expect(encode.locator('[data-chip="prefix"]')).toHaveClass(/\bnow\b/);
  await expect(encode.locator('[data-chip="digest"]')).toHaveClass(/\bdone\b/);

  await scrubTo(signer, 3);
  await expect(caption(signer)).toContainText(`k = ${rsa.k} bytes. It starts 00 01`);
  await expect(encode).toContainText(`EM, ${rsa.k} bytes`);
  for (const name of ['zero', 'type']) await expect(block(name)).toHaveClass(/\bnow\b/);
  for (const name of ['padding', 'separator', 'digest-info']) await expect(block(name)).toHaveClass(/\bahead\b/);

  // By keyboard from here: the slider keeps its arrow keys.
  await slider(signer).focus();
  await page.keyboard.press('ArrowRight');
  await expect(signer.locator('.scrub span')).toHaveText('Step 4 of 6');
  await expect(caption(signer)).toHaveText(`${rsa.ff} bytes of FF fill the block, offsets 2–${rsa.ff + 1}: the key's size sets how many, not the message.`);
  await expect(block('padding')).toHaveClass(/\bnow\b/);
  await expect(block('zero')).toHaveClass(/\bdone\b/);
  await expect(block('digest-info')).toHaveClass(/\bahead\b/);

  await page.keyboard.press('ArrowRight');
  await expect(caption(signer)).toHaveText(`00 at offset ${rsa.ff + 2} ends the padding, and the DigestInfo takes the last ${rsa.digestInfo.length} bytes, offsets ${rsa.ff + 3}–${rsa.k - 1}.`);
  for (const name of ['separator', 'digest-info']) await expect(block(name)).toHaveClass(/\bnow\b/);
  await expect(block('padding')).toHaveClass(/\bdone\b/);

  await page.keyboard.press('Home');
  await expect(signer.locator('.scrub span')).toHaveText('Step 1 of 6');
  await page.keyboard.press('End');
  await expect(signer.locator('.scrub span')).toHaveText('Step 6 of 6');
  await expect(caption(signer)).toContainText(`EM = 00 01 ‖ FF × ${rsa.ff} ‖ 00 ‖ DigestInfo: ${rsa.k} bytes`);
  await expect(slider(signer)).toBeFocused();
  expect(errors).toEqual([]);
});

test('the private-key operation, beat by beat: m is EM, s the signature, and sᵉ mod n gives m back', async ({ page }) => {
  const { signer } = await openRs256(page);
  const rsa = rs256(a2.token);
  await stageButton(signer, 'Private-key operation').click();
  const sign = scene(signer);
  const rows = sign.locator('li');

  await scrubTo(signer, 1);
  await expect(caption(signer)).toContainText(`m = ${numberEnds(rsa.recovered)}, ${254 * 8 + 1} bits`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(numberEnds(rsa.recovered));

  await scrubTo(signer, 2);
  await expect(caption(signer)).toContainText(`s = ${numberEnds(rsa.signature)}`);
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText(numberEnds(rsa.signature));
  await expect(rows.nth(2)).toHaveClass(/\bnow\b/);
  await expect(rows.first()).toHaveClass(/\bdone\b/);

  await scrubTo(signer, 3);
  await expect(rows.nth(3)).toContainText('e = 10000000000000001₂');
  await expect(rows.nth(3)).toContainText('17 squarings, 2 multiplications');

  await scrubTo(signer, 4);
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(4)).toContainText(`${numberEnds(rsa.recovered)} = m ✓`);
  await expect(caption(signer)).toHaveText(`sᵉ mod n = ${numberEnds(rsa.recovered)} = m: WebCrypto signed exactly this EM.`);
  for (let i = 0; i < 5; i++) await expect(rows.nth(i)).not.toHaveClass(/\b(now|done)\b/);
});

test("the public-key operation, beat by beat: s raised to e, written as EM′, which is node:crypto's EM", async ({ page }) => {
  const { verifier } = await openRs256(page);
  const rsa = rs256(a2.token);
  await stageButton(verifier, 'Public-key operation').click();
  const opened = scene(verifier);
  const rows = opened.locator('li');

  await scrubTo(verifier, 1);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(numberEnds(rsa.signature));
  await scrubTo(verifier, 2);
  await expect(caption(verifier)).toContainText(`m′ = ${numberEnds(rsa.recovered)}`);
  await expect(rows.nth(2)).toContainText(numberEnds(rsa.recovered));
  await scrubTo(verifier, 3);
  await expect(rows.nth(3)).toContainText(byteEnds(rsa.recovered, 4, 2));
  await expect(opened.locator('[data-block]')).toHaveCount(0);
  await scrubTo(verifier, 4);
  await expect(caption(verifier)).toContainText(`00 01, FF × ${rsa.ff}, 00, a ${rsa.digestInfo.length}-byte DigestInfo`);
  await expect(opened.locator('[data-block="padding"]')).toHaveText(`FF × ${rsa.ff}`);
});

test('a tampered signature: EM′ is noise, and the scene lights the byte where it stops looking like an encoded message', async ({ page }) => {
  const { verifier } = await openRs256(page);
  const at = a2.token.lastIndexOf('.') + 10;
  const tampered = flipped(a2.token, at);
  await verifier.getByRole('group', { name: /Tamper with the token/ }).locator(`button[data-index="${at}"]`).click();
  await expect(verifier.locator('.outcome')).toContainText('Refused at “Compare”');
  const { recovered } = rs256(tampered);
  // Where node:crypto's EM′ first breaks 00 01 FF…: the leading zero, the block type, or the first byte of padding.
  const offset = recovered[0] !== 0 ? 0 : recovered[1] !== 1 ? 1 : 2;
  expect(recovered[offset]).not.toBe([0, 1, 0xff][offset]);
  await stageButton(verifier, 'Public-key operation').click();
  const opened = scene(verifier);
  await expect(opened).toContainText(`Not an encoded message at offset ${offset}:`);
  await expect(opened.locator('.bad')).toHaveText(HEX(recovered[offset]!));
  await expect(caption(verifier)).toContainText(`EM′ is not an encoded message: Byte ${offset + 1} (offset ${offset}) is ${HEX(recovered[offset]!)}`);
  await scrubTo(verifier, 3);
  await expect(opened.locator('li').nth(3)).toContainText(byteEnds(recovered, 4, 2));
});

test('an RS256 compare after a tampered payload: the naive compare stops at the first byte EM and EM′ differ, the careful one sweeps all 256', async ({ page }) => {
  const { verifier } = await openRs256(page);
  const at = harmlessPayloadChange(a2.token);
  const tampered = flipped(a2.token, at);
  await verifier.getByRole('group', { name: /Tamper with the token/ }).locator(`button[data-index="${at}"]`).click();
  await expect(verifier.locator('.outcome')).toContainText('Refused at “Compare”');
  const { recovered } = rs256(a2.token);
  const { built } = rs256(tampered);
  const first = built.findIndex((b, i) => b !== recovered[i]);

  await stageButton(verifier, /^Compare/).click();
  const compare = scene(verifier);
  const beats = (await stepperPlace(verifier)).beats;
  expect(beats).toBeLessThanOrEqual(7); // 256 bytes, a handful of beats
  // The first three bytes one by one: 00 01 FF on both sides.
  for (const n of [1, 2, 3]) {
    await scrubTo(verifier, n);
    await expect(caption(verifier)).toHaveText(`Byte ${n} (E ${hex(built[n - 1]!)}, R ${hex(recovered[n - 1]!)}): equal. Both compares go on.`);
    await expect(cursorCell(compare, 'E')).toHaveText(hex(built[n - 1]!));
    await expect(compare.locator('.looked')).toHaveText([`${n}/256`, `${n}/256`]);
  }
  await scrubTo(verifier, 4);
  await expect(caption(verifier)).toContainText(`Bytes 4–${first}: equal too.`);
  await scrubTo(verifier, 5);
  await expect(caption(verifier)).toHaveText(`Byte ${first + 1} (E ${hex(built[first]!)}, R ${hex(recovered[first]!)}): different. The naive compare stops here, after ${first + 1} of 256 bytes: its answer comes that early.`);
  await expect(cursorCell(compare, 'E')).toHaveText(hex(built[first]!));
  await expect(cursorCell(compare, 'R')).toHaveText(hex(recovered[first]!));
  await expect(cursorCell(compare, 'R')).toHaveClass(/\bdiffers\b/);
  await expect(compare.locator('.looked').first()).toHaveText(`${first + 1}/256 stopped`);
  await scrubTo(verifier, 6);
  await expect(compare.locator('.looked').first()).toHaveText(`${first + 1}/256 stopped`);
  await expect(compare.locator('.looked').last()).toHaveText('256/256 every byte');
  await scrubTo(verifier, 7);
  await expect(caption(verifier)).toContainText(`the naive compare after ${first + 1} of 256 bytes, the careful one after all 256`);
});

test('an HS256 compare: equal signatures swept to the end; a change in byte 0 stops the naive compare at once', async ({ page }) => {
  const { widget, token, tamper } = await openHs256(page);
  const mac = Buffer.from(token.split('.')[2]!, 'base64url');
  await stageButton(widget, /^Compare/).click();
  const compare = scene(widget);
  expect(await stepperPlace(widget)).toMatchObject({ beat: 5, beats: 5 });
  await expect(caption(widget)).toHaveText('All 32 bytes are equal: both compares looked at every one. WebCrypto says valid.');
  await scrubTo(widget, 2);
  await expect(caption(widget)).toHaveText(`Byte 2 (E ${hex(mac[1]!)}, R ${hex(mac[1]!)}): equal. Both compares go on.`);
  await scrubTo(widget, 4);
  await expect(caption(widget)).toHaveText('Bytes 4–32: equal too. Both compares go on to the end.');
  await expect(cursorCell(compare, 'E')).toHaveCount(8);

  // The signature's first character carries the top 6 bits of byte 0. The inputs folded when the stage was chosen.
  await editInputs(widget);
  const at = token.lastIndexOf('.') + 1;
  await tamper.locator(`button[data-index="${at}"]`).click();
  await expect(widget.locator('.outcome')).toContainText('Refused at “Compare”');
  const received = Buffer.from(flipped(token, at).split('.')[2]!, 'base64url');
  await expect(widget.locator('.position')).toContainText('Compare (failed)');
  expect(await stepperPlace(widget)).toMatchObject({ beats: 3 });
  await scrubTo(widget, 1);
  await expect(caption(widget)).toContainText(`Byte 1 (E ${hex(mac[0]!)}, R ${hex(received[0]!)}): different. The naive compare stops here, after 1 of 32 bytes`);
  await expect(compare.locator('.looked').first()).toHaveText('1/32 stopped');
  await expect(compare.locator('.looked').last()).toHaveText('1/32');
  await scrubTo(widget, 2);
  await expect(caption(widget)).toContainText('through bytes 2–32');
  await expect(compare.locator('.looked').last()).toHaveText('32/32 every byte');
});

test('tamper mode: the changed bytes light up, as Buffer decodes them, and the failing stage pulses', async ({ page }) => {
  const { widget, token, tamper } = await openHs256(page);
  const landing = widget.locator('.landing');
  await expect(landing).toHaveCount(0);

  const at = harmlessPayloadChange(token);
  const tampered = flipped(token, at);
  await tamper.locator(`button[data-index="${at}"]`).click();
  const differ = bytesThatDiffer(token, tampered, 1);
  expect(differ.length).toBeGreaterThan(0);
  const payload = landing.getByRole('region', { name: 'Payload: the change in its bytes' });
  const lit = payload.locator('[data-changed]');
  await expect(lit).toHaveCount(differ.length);
  const after = Buffer.from(tampered.split('.')[1]!, 'base64url');
  for (const [i, offset] of differ.entries()) {
    await expect(lit.nth(i)).toHaveAttribute('data-changed', String(offset));
    await expect(lit.nth(i)).toContainText(hex(after[offset]!));
    await expect(lit.nth(i)).toHaveClass(/\blit\b/);
    await expect(lit.nth(i)).toHaveCSS('animation-name', /light-up/);
  }
  await expect(payload).toContainText(`of ${after.length} bytes changed.`);
  // The stage that catches it is marked failed, and pulses.
  await expect(widget.locator('.outcome')).toContainText('Refused at “Compare”');
  const failing = stageButton(widget, /^Compare/);
  await expect(failing).toHaveClass(/\bfail\b/);
  await expect(failing).toHaveCSS('animation-name', /fail-pulse/);
  await expect(stageButton(widget, /^Split/)).toHaveCSS('animation-name', 'none');

  // The signature's last character has spare bits: changed, the segment no longer decodes, and decoding fails.
  await tamper.locator(`button[data-index="${at}"]`).click();
  await expect(landing).toHaveCount(0);
  await tamper.locator(`button[data-index="${token.length - 1}"]`).click();
  await expect(landing.getByRole('region', { name: 'Signature: the change in its bytes' })).toContainText('no longer decodes');
  await expect(widget.locator('.outcome')).toContainText('Refused at “Decode signature”');
  await expect(stageButton(widget, /^Decode signature/)).toHaveClass(/\bfail\b/);
});

test('plays the RS256 verifier from the padding to the end on a frozen clock; each played stage ends as the map shows it', async ({ page }) => {
  const { verifier } = await openRs256(page);
  await stageButton(verifier, 'PKCS#1 v1.5 padding').click();
  await playsToTheEnd(page, verifier);
});

test('plays a tampered HS256 check to the failing compare on a frozen clock', async ({ page }) => {
  const { widget, token, tamper } = await openHs256(page);
  await tamper.locator(`button[data-index="${token.lastIndexOf('.') + 5}"]`).click();
  await expect(widget.locator('.outcome')).toContainText('Refused at “Compare”');
  await stageButton(widget, 'Inner hash').click();
  await playsToTheEnd(page, widget);
});

test('with reduced motion, every beat is drawn at once and nothing animates, tampered bytes and failing stage included', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { signer, verifier } = await openRs256(page);
  const noAnimations = () => expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBe(0);
  await stageButton(signer, 'PKCS#1 v1.5 padding').click();
  for (const n of [3, 4, 5]) {
    await scrubTo(signer, n);
    await noAnimations();
  }
  await expect(scene(signer).locator('[data-block="padding"]')).toHaveClass(/\bdone\b/);
  await stageButton(signer, 'Private-key operation').click();
  await scrubTo(signer, 2);
  await expect(scene(signer).locator('li')).toHaveCount(3);
  await noAnimations();

  const at = harmlessPayloadChange(a2.token);
  await verifier.getByRole('group', { name: /Tamper with the token/ }).locator(`button[data-index="${at}"]`).click();
  await expect(verifier.locator('.outcome')).toContainText('Refused at “Compare”');
  // The same information, drawn still: the bytes lit, the stage marked failed.
  await expect(verifier.locator('.landing [data-changed]').first()).toHaveClass(/\blit\b/);
  await expect(verifier.locator('.landing [data-changed]').first()).toHaveCSS('animation-name', 'none');
  await expect(stageButton(verifier, /^Compare/)).toHaveClass(/\bfail\b/);
  await expect(stageButton(verifier, /^Compare/)).toHaveCSS('animation-name', 'none');
  await stageButton(verifier, /^Compare/).click();
  await scrubTo(verifier, 5);
  await noAnimations();
});

for (const theme of ['light', 'dark'] as const) {
  test(`paused on middle beats, with a tampered token, the chapters pass axe in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(180_000);
    await useTheme(page, theme);
    const { widget, token, tamper } = await openHs256(page);
    await tamper.locator(`button[data-index="${harmlessPayloadChange(token)}"]`).click();
    await expect(widget.locator('.outcome')).toContainText('Refused at “Compare”');
    await stageButton(widget, /^Compare/).click();
    await scrubTo(widget, 2);
    expect(await axeViolations(page)).toEqual([]);

    const { signer, verifier } = await openRs256(page);
    await stageButton(signer, 'PKCS#1 v1.5 padding').click();
    await scrubTo(signer, 4);
    await verifier.getByRole('group', { name: /Tamper with the token/ }).locator(`button[data-index="${harmlessPayloadChange(a2.token)}"]`).click();
    await expect(verifier.locator('.outcome')).toContainText('Refused at “Compare”');
    await stageButton(verifier, 'Public-key operation').click();
    await scrubTo(verifier, 2);
    expect(await axeViolations(page)).toEqual([]);
  });
}
