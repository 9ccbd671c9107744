/**
 * The signing input, HMAC and digest stages performing their plans, used as a learner would: each beat scrubbed
 * with the slider (and its keys) shows the values node:crypto computes; Play on Playwright's frozen clock ends
 * on the same pictures the stage map shows; reduced motion draws every beat at once with nothing animating;
 * axe finds nothing wrong on a beat in the middle of a stage, in both themes.
 */
import { createHash, createHmac } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { showDetails } from './folds';
import { playsToTheEnd } from './stepper';
import { axeViolations, openWidget, useTheme } from './support';

/** Written here, independently of the site: hex pairs, a preview of the first 8 bytes, a byte's bits. */
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').replace(/(..)(?!$)/g, '$1 ');
const preview = (bytes: Uint8Array, shown = 8) => (bytes.length > shown ? `${hex(bytes.subarray(0, shown))} …` : hex(bytes));
const bits = (b: number) => b.toString(2).padStart(8, '0').replace(/^(....)/, '$1 ');
const h2 = (b: number) => b.toString(16).padStart(2, '0');

/** RFC 2104 by node:crypto: the key block, K⊕ipad, the inner hash and the MAC. */
function nodeHmac(hash: 'sha256' | 'sha384' | 'sha512', key: Buffer, message: Buffer) {
  const blockBytes = hash === 'sha256' ? 64 : 128;
  const block = Buffer.alloc(blockBytes);
  (key.length > blockBytes ? createHash(hash).update(key).digest() : key).copy(block);
  const ipad = block.map((b) => b ^ 0x36);
  const inner = createHash(hash).update(ipad).update(message).digest();
  return { block, ipad, inner, mac: createHmac(hash, key).update(message).digest() };
}

async function openHmac(page: Page) {
  const { widget: root, errors } = await openWidget(page, 'chapters/hs256/', 'hmac-up-close');
  await expect(root).not.toHaveAttribute('aria-busy', 'true');
  return { root, errors };
}

/** Types a key and message into HMAC up close and waits for node:crypto's MAC. */
async function useInputs(root: Locator, key: string, message: string, hash: 'sha256' | 'sha384' | 'sha512' = 'sha256') {
  await root.getByLabel('Message').fill(message);
  await root.getByLabel('Key', { exact: true }).fill(key);
  await expect(root.locator('[data-mac="hex"]')).toHaveText(createHmac(hash, key).update(message).digest('hex'));
}

/** The stepper's parts for one widget: its slider, its place among the beats, the caption, the scene. */
function stepper(root: Locator) {
  return {
    slider: root.locator('.scrub input'),
    place: root.locator('.scrub span'),
    caption: root.locator('.caption'),
    scene: root.locator('.stage .scene'),
    position: root.locator('.position'),
  };
}

/** Scrubs to beat `beat` (from 1) of `beats` with the slider. */
async function scrub(root: Locator, beat: number, beats: number) {
  const { slider, place } = stepper(root);
  await slider.fill(String(beat - 1));
  await expect(place).toHaveText(`Step ${beat} of ${beats}`);
}

test.describe('HMAC up close, beat by beat', () => {
  test('key "a", message "hello": every beat of the three stages shows what node:crypto computes', async ({ page }) => {
    const { root, errors } = await openHmac(page);
    const [key, message] = [Buffer.from('a'), Buffer.from('hello')];
    await useInputs(root, 'a', 'hello');
    const { ipad, inner, mac } = nodeHmac('sha256', key, message);
    const { slider, place, caption, scene, position } = stepper(root);
    const keyBlock = root.getByRole('group', { name: 'Key block, 64 bytes' });

    // The key block, with the slider's own keys: Home, → and End. Its bytes are in the stage's details.
    await expect(position).toContainText('Stage 1 of 3: HMAC key block');
    await showDetails(root);
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(place).toHaveText('Step 1 of 3');
    await expect(caption).toHaveText(`The key is 1 byte (${hex(key)}), and the SHA-256 block has 64 empty places.`);
    await expect(scene.locator('.segment')).toHaveText(['64 empty places']);
    await page.keyboard.press('ArrowRight');
    await expect(place).toHaveText('Step 2 of 3');
    await expect(caption).toHaveText('The 1 key byte drops into byte 1 of the block.');
    await expect(scene.locator('.segment.now')).toHaveText(hex(key));
    await expect(keyBlock.locator('.byte.now')).toHaveText([hex(key)]);
    await expect(keyBlock.locator('.byte.later')).toHaveCount(63);
    await page.keyboard.press('End');
    await expect(place).toHaveText('Step 3 of 3');
    await expect(caption).toHaveText('63 zero bytes fill the rest, bytes 2–64: the 64-byte key block is ready.');
    await expect(scene.locator('.segment.now')).toHaveText('00 × 63');
    // The final beat draws the key block as a stage without animation does: nothing marked, nothing receding.
    await expect(keyBlock.locator('.byte.now, .byte.later')).toHaveCount(0);
    // The slider kept its keys: the stepper is still on the first stage.
    await expect(position).toContainText('Stage 1 of 3');

    // K⊕ipad: "a" is 0x61, and 0x61 ⊕ 0x36 = 0x57, worked in bits; then the zeros; then the inner hash.
    await root.getByRole('button', { name: 'Forward →' }).click();
    await expect(position).toContainText('Stage 2 of 3: Inner hash');
    const kIpad = root.getByRole('group', { name: 'Key block XOR 0x36, 64 bytes' });
    await scrub(root, 1, 6);
    await expect(caption).toContainText(`Byte 1 of the key block, ${h2(key[0]!)} ("a"), XOR ipad 36: ${bits(key[0]!)} ⊕ ${bits(0x36)} = ${bits(ipad[0]!)}, which is ${h2(ipad[0]!)}.`);
    await expect(scene.locator('tr.result td').nth(0)).toHaveText(h2(ipad[0]!));
    await expect(scene.locator('tr.result td').nth(1)).toHaveText(bits(ipad[0]!));
    await expect(kIpad.locator('.byte.now')).toHaveText([h2(ipad[0]!)]);
    await expect(root.locator('section.later h4')).toHaveText('Inner hash');
    await scrub(root, 2, 6);
    await expect(caption).toHaveText(`Byte 2 is the first zero byte of the padding: ${bits(0)} ⊕ ${bits(0x36)} = ${bits(ipad[1]!)}, so a zero becomes ipad itself, ${h2(ipad[1]!)}.`);
    await expect(kIpad.locator('.byte.now')).toHaveText([h2(ipad[1]!)]);
    await scrub(root, 3, 6);
    await expect(caption).toHaveText(`Bytes 3–64, the rest of the padding, become ${h2(ipad[63]!)} too: K⊕ipad is complete, 64 bytes.`);
    await expect(kIpad.locator('.byte.now')).toHaveCount(62);
    await expect(scene).toContainText(`00 ⊕ 36 = ${h2(0x36)} × 62`);
    await scrub(root, 4, 6);
    await expect(caption).toHaveText(`The message's 5 bytes (${hex(message)}) join after the 64 bytes of K⊕ipad: 69 bytes in all.`);
    await expect(scene.locator('.chip.now')).toContainText(`${preview(message, 4)}message, 5 bytes`);
    await scrub(root, 5, 6);
    await expect(caption).toHaveText('SHA-256 takes in all 69 bytes…');
    await expect(scene.locator('.box.now')).toHaveText('SHA-256');
    await scrub(root, 6, 6);
    await expect(caption).toHaveText(`…and gives the 32-byte inner hash: ${preview(inner)}.`);
    await expect(scene.locator('.chip.now')).toContainText(preview(inner));
    await expect(root.locator('section.later')).toHaveCount(0);

    // K⊕opad, the outer hash that is the MAC, and WebCrypto's answer.
    await root.getByRole('button', { name: 'Forward →' }).click();
    await expect(position).toContainText('Stage 3 of 3: Outer hash');
    await scrub(root, 1, 7);
    await expect(caption).toContainText(`${bits(key[0]!)} ⊕ ${bits(0x5c)} = ${bits(key[0]! ^ 0x5c)}, which is ${h2(key[0]! ^ 0x5c)}.`);
    await expect(root.locator('section.later h4')).toHaveText('Outer hash: the MAC');
    await expect(root.locator('section.later').last()).toContainText("Checked against the browser's own crypto.subtle.sign('HMAC', …)");
    await scrub(root, 4, 7);
    await expect(caption).toHaveText(`The 32-byte inner hash (${preview(inner)}) joins after the 64 bytes of K⊕opad: 96 bytes in all.`);
    await scrub(root, 6, 7);
    await expect(caption).toHaveText(`…and gives the 32-byte outer hash, the HMAC: the HS256 signature, ${preview(mac)}.`);
    await expect(scene.locator('.chip.now')).toContainText(preview(mac));
    await expect(root.locator('section.later')).toHaveCount(1);
    await expect(root.locator('section.later')).toContainText('identical, all 32 bytes match');
    await scrub(root, 7, 7);
    await expect(caption).toHaveText("WebCrypto's own crypto.subtle.sign('HMAC', …) gives the same 32 bytes: the signature is confirmed.");
    await expect(scene).toContainText("WebCrypto's own HMAC: the same 32 bytes.");
    await expect(root.locator('section.later')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('HS384 with a key longer than its 128-byte block: the key is hashed first, and the block is 128 bytes', async ({ page }) => {
    const { root } = await openHmac(page);
    await root.getByRole('radio', { name: 'SHA-384' }).check();
    const keyText = 'k'.repeat(200);
    await useInputs(root, keyText, 'm', 'sha384');
    const { block, ipad } = nodeHmac('sha384', Buffer.from(keyText), Buffer.from('m'));
    const hash = createHash('sha384').update(keyText).digest();
    const { caption, scene, position } = stepper(root);

    await expect(position).toContainText('Stage 1 of 3');
    await scrub(root, 1, 5);
    await expect(caption).toHaveText(`The key is 200 bytes (${preview(Buffer.from(keyText))}): longer than the 128-byte SHA-384 block.`);
    await scrub(root, 2, 5);
    await expect(caption).toHaveText('So SHA-384 takes in all 200 bytes of the key…');
    await expect(scene.locator('.chip.in')).toContainText('the key, 200 bytes');
    await expect(scene.locator('.box.now')).toHaveText('SHA-384');
    await scrub(root, 3, 5);
    await expect(caption).toHaveText(`…and gives its 48-byte hash, ${preview(hash)}, which stands in for the key (RFC 2104 §2).`);
    await expect(scene.locator('.chip.now')).toContainText(`${preview(hash)}SHA-384 of the key, 48 bytes`);
    await scrub(root, 4, 5);
    await expect(caption).toHaveText('The 48 hash bytes drop into bytes 1–48 of the block.');
    await showDetails(root);
    await expect(root.getByRole('group', { name: 'Key block, 128 bytes' }).locator('.byte.now')).toHaveText(
      [...hash].map((b) => h2(b)),
    );
    await scrub(root, 5, 5);
    await expect(caption).toHaveText('80 zero bytes fill the rest, bytes 49–128: the 128-byte key block is ready.');

    // The XOR runs over all 128 bytes: the padding starts after the hash's last non-zero byte.
    await root.getByRole('button', { name: 'Forward →' }).click();
    let run = block.length;
    while (run > 0 && block[run - 1] === 0) run--;
    await scrub(root, 4, 7);
    await expect(caption).toHaveText(`Bytes ${run + 2}–128, the rest of the padding, become 36 too: K⊕ipad is complete, 128 bytes.`);
    await scrub(root, 1, 7);
    await expect(caption).toContainText(`${bits(block[0]!)} ⊕ ${bits(0x36)} = ${bits(ipad[0]!)}`);
  });

  test('a 64 KB message: the inner stage still has 7 beats, and its scene a few dozen elements', async ({ page }) => {
    const { root } = await openHmac(page);
    const message = 'x'.repeat(65_536);
    await useInputs(root, 'Jefe', message);
    const { inner } = nodeHmac('sha256', Buffer.from('Jefe'), Buffer.from(message));
    const { caption, scene } = stepper(root);
    await root.getByRole('button', { name: 'Forward →' }).click();
    await scrub(root, 5, 7);
    await expect(caption).toHaveText(`The message's 65,536 bytes (${preview(Buffer.from(message))}) join after the 64 bytes of K⊕ipad: 65,600 bytes in all.`);
    expect(await scene.locator('*').count()).toBeLessThan(40);
    await scrub(root, 7, 7);
    await expect(scene.locator('.chip.now')).toContainText(preview(inner));
  });
});

test('chapter 4: the signing input comes together from the encoded header, a dot and the encoded payload', async ({ page }) => {
  const { widget: root, errors } = await openWidget(page, 'chapters/generating-a-token/', 'generation-visualizer');
  const payload = '{"sub":"ada","admin":true}';
  await root.getByLabel('Payload (JSON)').fill(payload);
  const [h, p] = [Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'), Buffer.from(payload).toString('base64url')];
  const input = Buffer.from(`${h}.${p}`, 'ascii');
  await expect(root.locator('.output > .long .token')).toContainText(`${h}.${p}.`);
  await root.getByRole('button', { name: /Signing input/ }).click();
  const { caption, scene, slider, place, position } = stepper(root);
  await expect(position).toContainText('Signing input');

  await slider.focus();
  await page.keyboard.press('Home');
  await expect(place).toHaveText('Step 1 of 4');
  await expect(caption).toHaveText(`The encoded header comes first: ${h.length} characters, ${h.slice(0, 12)}…${h.slice(-4)}.`);
  await expect(scene.locator('.chip')).toHaveCount(1);
  await expect(scene.locator('.chip.now')).toContainText(`${h.slice(0, 12)}…${h.slice(-4)}`);
  await page.keyboard.press('ArrowRight');
  await expect(caption).toHaveText(`Then a dot, ".", which is byte ${h2('.'.charCodeAt(0))}: where the header ends.`);
  await expect(scene.locator('.chip.now')).toContainText('.dot');
  await page.keyboard.press('ArrowRight');
  await expect(caption).toHaveText(`Then the encoded payload: ${p.length} characters, ${p.slice(0, 12)}…${p.slice(-4)}.`);
  await expect(scene.locator('.chip.now')).toContainText(`${p.slice(0, 12)}…${p.slice(-4)}`);
  await page.keyboard.press('ArrowRight');
  await expect(place).toHaveText('Step 4 of 4');
  await expect(caption).toHaveText(
    `Together they are the ${input.length}-character signing input: ${input.length} ASCII bytes, one per character (${preview(input, 4)}), and exactly what the signature covers.`,
  );
  // The first four bytes, the dot's and the last two, each under its character, as Buffer has them.
  const shown = [0, 1, 2, 3, h.length, input.length - 2, input.length - 1];
  await expect(scene.locator('.cell')).toHaveText(shown.map((i) => `${String.fromCharCode(input[i]!)}${h2(input[i]!)}`));
  await expect(scene).toContainText(`${input.length} bytes`);
  expect(errors).toEqual([]);
});

test.describe('played on a frozen clock', () => {
  test('chapter 4 plays from the signing input through the HMAC stages to the token, each ending as the map shows it', async ({ page }) => {
    test.setTimeout(120_000);
    const { widget: root } = await openWidget(page, 'chapters/generating-a-token/', 'generation-visualizer');
    await root.getByRole('button', { name: /Signing input/ }).click();
    await expect(stepper(root).position).toContainText('Signing input');
    await playsToTheEnd(page, root);
  });

  test('HMAC up close with a long key and HS512 plays every beat of its three stages, each ending as the map shows it', async ({ page }) => {
    test.setTimeout(120_000);
    const { root } = await openHmac(page);
    await root.getByRole('radio', { name: 'SHA-512' }).check();
    await useInputs(root, 'k'.repeat(200), 'hello', 'sha512');
    await playsToTheEnd(page, root);
  });
});

test('with reduced motion every beat is drawn at once, with no animation started', async ({ page }) => {
  /** Counts the CSS animations the page starts from now on (Svelte's transitions are checked by getAnimations). */
  const countStarts = () =>
    page.evaluate(() => {
      const w = window as unknown as { starts: number };
      w.starts = 0;
      document.addEventListener('animationstart', () => w.starts++, true);
    });
  const starts = () => page.evaluate(() => (window as unknown as { starts: number }).starts);

  // Without reduced motion, a beat does start animations: the check below can fail.
  const normal = await openHmac(page);
  await countStarts();
  await scrub(normal.root, 2, 3);
  await expect.poll(starts).toBeGreaterThan(0);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { root, errors } = await openHmac(page);
  await countStarts();
  const { scene, caption } = stepper(root);
  await expect(root.getByRole('button', { name: 'Play' })).toHaveCount(0);
  const beatsOf = [3, 7, 8];
  for (const [stage, beats] of beatsOf.entries()) {
    for (let beat = 1; beat <= beats; beat++) {
      await scrub(root, beat, beats);
      await expect(caption).not.toBeEmpty();
      expect(await page.evaluate(() => document.getAnimations().length), `stage ${stage + 1}, beat ${beat}`).toBe(0);
    }
    // The last beat's result is there at once, in its final place.
    if (stage === 1) await expect(scene.locator('.chip.now')).toContainText('inner hash, 32 bytes');
    if (stage === 2) await expect(scene).toContainText("WebCrypto's own HMAC: the same 32 bytes.");
    if (stage < 2) await root.getByRole('button', { name: 'Forward →' }).click();
  }
  expect(await starts()).toBe(0);
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations on beats in the middle of the HMAC and signing-input stages (${theme})`, async ({ page }) => {
    test.setTimeout(180_000);
    await useTheme(page, theme);
    const settledBeat = () => expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBe(0);

    const { root } = await openHmac(page);
    await root.getByRole('button', { name: 'Forward →' }).click();
    // K⊕ipad's first byte in bits: the strip, the bits table, a marked byte, later bytes and a receding section.
    await scrub(root, 1, 7);
    await settledBeat();
    expect(await axeViolations(page)).toEqual([]);
    await root.getByRole('button', { name: 'Forward →' }).click();
    // The message joins: the hash box and the MAC still to come, the MAC's section receding.
    await scrub(root, 5, 8);
    await settledBeat();
    expect(await axeViolations(page)).toEqual([]);

    const generation = await openWidget(page, 'chapters/generating-a-token/', 'generation-visualizer');
    await generation.widget.getByRole('button', { name: /Signing input/ }).click();
    await scrub(generation.widget, 3, 4);
    await settledBeat();
    expect(await axeViolations(page)).toEqual([]);
  });
}
