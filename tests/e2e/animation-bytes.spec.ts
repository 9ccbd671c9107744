/**
 * Chapter 4's generation visualizer performing its byte stages: text → UTF-8 (each character opening into its
 * bytes, a multi-byte one's code point bits filling 110xxxxx 10xxxxxx…) and bytes → base64url (three bytes
 * into 24 bits, four 6-bit values, each looked up in the alphabet; a "-" where base64 writes "+"; the short last
 * group's zero bits and dropped "="). Every value expected here is computed by Node (Buffer), never read from the
 * page's code. Scrubbing uses the slider's keys; playing uses Playwright's frozen clock (stepper.ts).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { playsToTheEnd } from './stepper';
import { axeViolations, openWidget, useTheme } from './support';

/** A payload with a 2-byte and a 4-byte character, whose base64url has a "-" (and a "_"), and a last group of 2 bytes. */
const PAYLOAD = '{"name":"é 🎉","note":"a>b?"}';
const BYTES = Buffer.from(PAYLOAD, 'utf8');
const URL = BYTES.toString('base64url');
const STANDARD = BYTES.toString('base64');
const CHARS = [...PAYLOAD];

const bits = (bytes: Iterable<number>) => [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
const hex = (bytes: Iterable<number>) => [...bytes].map((b) => b.toString(16).padStart(2, '0'));
/** Group i as Node encodes it: its bytes, its 6-bit values (zero bits added at the end), its characters. */
function group(i: number) {
  const bytes = BYTES.subarray(3 * i, 3 * i + 3);
  const chars = bytes.toString('base64url');
  const all = bits(bytes).padEnd(6 * chars.length, '0');
  return { bytes, chars, bits: all, values: Array.from({ length: chars.length }, (_, j) => parseInt(all.slice(6 * j, 6 * j + 6), 2)) };
}

async function open(page: Page) {
  const { widget, errors } = await openWidget(page, 'chapters/generating-a-token/', 'generation-visualizer');
  await widget.getByLabel('Payload (JSON)').fill(PAYLOAD);
  await expect(widget.locator('.output > .long .token')).toContainText(`${URL}.`);
  return { widget, errors, scene: widget.locator('.scene'), caption: widget.locator('.caption'), slider: widget.locator('.scrub input') };
}

async function toStage(widget: Locator, name: RegExp) {
  await widget.getByRole('button', { name }).click();
  await expect(widget.locator('.position')).toContainText(name);
}

/** Moves the slider to step `n` (1-based) with its keys, as a keyboard user would. */
async function toStep(widget: Locator, n: number, of: number) {
  const slider = widget.locator('.scrub input');
  await slider.focus();
  await slider.press('Home');
  for (let k = 1; k < n; k++) await slider.press('ArrowRight');
  await expect(widget.locator('.scrub span')).toHaveText(`Step ${n} of ${of}`);
}

/** The beat state of each unit the grid draws, by its index. */
async function gridStates(widget: Locator, unit: '[data-char]' | '.group'): Promise<Map<number, string | null>> {
  const cells = await widget.getByRole('grid').locator(unit).evaluateAll((nodes) =>
    nodes.map((n) => [Number((n as HTMLElement).dataset.char ?? Number(n.querySelector<HTMLElement>('[data-index]')!.dataset.index) / 3), n.getAttribute('data-beat-state')] as const),
  );
  return new Map(cells);
}

/** Every unit drawn before `unit` is done, `unit` is lit, every one after it has not been reached yet. */
async function expectLit(widget: Locator, selector: '[data-char]' | '.group', unit: number) {
  const states = await gridStates(widget, selector);
  expect(states.get(unit)).toBe('lit');
  for (const [i, state] of states) expect(state, `unit ${i}`).toBe(i < unit ? 'done' : i === unit ? 'lit' : 'pending');
}

test('Text → UTF-8: each character opens into its bytes, a multi-byte one its code point\'s bits into the pattern', async ({ page }) => {
  const { widget, errors, scene, caption } = await open(page);
  await toStage(widget, /Payload → UTF-8/);
  // The first three characters, then é and 🎉 (bits, then filling), the others, the final state.
  const steps = 9;
  await expect(widget.locator('.scrub span')).toHaveText(`Step ${steps} of ${steps}`);

  for (let i = 0; i < 3; i++) {
    await toStep(widget, i + 1, steps);
    const byte = BYTES[i]!;
    await expect(caption).toContainText(`Character ${i + 1}, “${CHARS[i]}”`);
    await expect(caption).toContainText(`0xxxxxxx, the bits as they are: ${bits([byte])}, hex ${hex([byte])}`);
    await expect(scene.locator('.marker')).toHaveText(['0']);
    await expect(scene.locator('.slot')).toHaveText([bits([byte]).slice(1)]);
    await expect(scene.locator('.hex')).toHaveText(hex([byte]));
    await expectLit(widget, '[data-char]', i);
  }

  for (const [char, step] of [['é', 4], ['🎉', 6]] as const) {
    const bytes = [...Buffer.from(char)];
    const index = CHARS.indexOf(char);
    const cp = char.codePointAt(0)!;
    // Node's bytes with their marker bits (1…10, then 10 each) taken off: what each byte carries.
    const markers = bytes.map((_, k) => (k === 0 ? `${'1'.repeat(bytes.length)}0` : '10'));
    const carried = bytes.map((b, k) => bits([b]).slice(markers[k]!.length));
    expect(carried.join('')).toBe(cp.toString(2).padStart(carried.join('').length, '0'));

    await toStep(widget, step, steps);
    await expect(caption).toContainText(`Character ${index + 1}, “${char}”, is U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
    await expect(caption).toContainText(`writes it in ${bytes.length} bytes, ${markers.map((m, k) => m + 'x'.repeat(carried[k]!.length)).join(' ')}`);
    await expect(scene.locator('.carried')).toHaveText(carried);
    await expect(scene.locator('.marker')).toHaveText(markers);
    await expect(scene.locator('.slot')).toHaveText(carried.map((c) => 'x'.repeat(c.length)));
    await expect(scene.locator('.hex')).toHaveCount(0);
    await expectLit(widget, '[data-char]', index);

    await toStep(widget, step + 1, steps);
    await expect(caption).toHaveText(`Its ${carried.join('').length} bits, ${carried.join(' ')}, fill the x's: ${bytes.map((b) => bits([b])).join(' ')}, hex ${hex(bytes).join(' ')}.`);
    await expect(scene.locator('.slot')).toHaveText(carried);
    await expect(scene.locator('.hex')).toHaveText(hex(bytes));
    await expectLit(widget, '[data-char]', index);
  }

  await toStep(widget, 8, steps);
  await expect(caption).toHaveText(`The other ${CHARS.length - 5} characters, the same way: ${CHARS.length - 5} take 1 byte.`);
  const sweep = await gridStates(widget, '[data-char]');
  for (const [i, state] of sweep) expect(state, `character ${i}`).toBe([0, 1, 2, 9, 11].includes(i) ? 'done' : 'lit');

  // The final state: the grid as without animation, the last character performed complete above it.
  await toStep(widget, 9, steps);
  await expect(caption).toHaveText(`Every character is encoded: ${CHARS.length} characters → ${BYTES.length} bytes.`);
  await expect(widget.locator('[data-beat-state]')).toHaveCount(0);
  await expect(scene.locator('.hex')).toHaveText(hex(Buffer.from('🎉')));
  expect(errors).toEqual([]);
});

test('Bytes → base64url: bits, 6-bit values, letters from the alphabet, a "-" for "+", the zero bits and the dropped "="', async ({ page }) => {
  const { widget, errors, scene, caption } = await open(page);
  await toStage(widget, /Payload → base64url/);
  const dash = Math.floor(URL.indexOf('-') / 4);
  const last = Math.ceil(BYTES.length / 3) - 1;
  expect(URL.indexOf('-')).toBeLessThan(URL.indexOf('_'));
  expect(BYTES.length % 3).toBe(2);
  // The first group in three beats, the "-" group and the short last group in two each, the others, the final state.
  const steps = 9;
  await expect(widget.locator('.scrub span')).toHaveText(`Step ${steps} of ${steps}`);
  const first = group(0);

  await toStep(widget, 1, steps);
  await expect(caption).toContainText(`Group 1: 3 bytes, ${hex(first.bytes).join(' ')} (“{"n”), slide together into 24 bits`);
  await expect(scene.locator('.byte')).toHaveText(hex(first.bytes).map((h, k) => `${h}${PAYLOAD[k]}`));
  await expect(scene.locator('.bit')).toHaveText([...first.bits]);
  await expect(scene.locator('.value')).toHaveCount(0);
  await expectLit(widget, '.group', 0);
  // Groups not reached yet show their bytes only: no bits, values or characters yet.
  await expect(widget.getByRole('grid').locator('.group[data-beat-state="pending"] .char').first()).toBeHidden();

  await toStep(widget, 2, steps);
  await expect(caption).toHaveText(`The 24 bits regroup into four 6-bit values: ${first.bits.match(/.{6}/g)!.join(' ')} = ${first.values.join(', ')}.`);
  await expect(scene.locator('.value')).toHaveText(first.values.map(String));
  await expect(scene.locator('.char')).toHaveCount(0);

  await toStep(widget, 3, steps);
  await expect(caption).toContainText(`${first.values.map((v, j) => `${v} → ${first.chars[j]}`).join(', ')}, so the group is written “${first.chars}”`);
  // Each value travels to its letter in the alphabet strip, and the letter drops into the output.
  await expect(scene.locator('.strip .looked')).toHaveText(
    [...new Set(first.values)].sort((a, b) => a - b).map((v) => `${v}${first.chars[first.values.indexOf(v)]}`),
  );
  await expect(scene.locator('.char')).toHaveText([...first.chars]);
  // The alphabet's table marks the same letters, by value.
  const looked = [...new Set(first.values)].sort((a, b) => a - b);
  await expect(widget.locator('.alphabet li.looked .v')).toHaveText(looked.map(String));
  await expect(widget.locator('.alphabet li.looked .c')).toHaveText(looked.map((v) => first.chars[first.values.indexOf(v)]!));

  const withDash = group(dash);
  await toStep(widget, 4, steps);
  await expect(caption).toContainText(`Group ${dash + 1}, the first to make a “-”: 3 bytes, ${hex(withDash.bytes).join(' ')}.`);
  await expect(scene.locator('.value')).toHaveText(withDash.values.map(String));
  await expectLit(widget, '.group', dash);
  await toStep(widget, 5, steps);
  const j = withDash.chars.indexOf('-');
  // Node's standard base64 has "+" where base64url has "-".
  expect(STANDARD[4 * dash + j]).toBe('+');
  await expect(caption).toContainText('Standard base64 writes 62 as “+”, which means something in a URL; base64url writes “-”.');
  await expect(scene.locator('.char').nth(j)).toHaveText('+-(+)');
  await expect(scene.locator('.char .now')).toHaveText('-');

  const short = group(last);
  await toStep(widget, 6, steps);
  await expect(caption).toContainText(`The last group, group ${last + 1}: 2 bytes, ${hex(short.bytes).join(' ')}`);
  await expect(caption).toContainText(`two zero bits fill the last one: ${short.bits.match(/.{6}/g)!.join(' ')} = ${short.values.join(', ')}.`);
  await expect(scene.locator('.bit')).toHaveText([...short.bits]);
  await expect(scene.locator('.bit.pad')).toHaveText(['0', '0']);
  await toStep(widget, 7, steps);
  expect(STANDARD.endsWith(`${short.chars}=`)).toBe(true);
  await expect(caption).toContainText(`so the group is written “${short.chars}”. Standard base64 would add “=” to make four characters; base64url drops it.`);
  await expect(scene.locator('.char')).toHaveText([...short.chars]);
  await expect(scene.locator('.dropped')).toHaveText(['=']);

  await toStep(widget, 8, steps);
  // Every group but the three performed one at a time.
  await expect(caption).toHaveText(`The other ${last + 1 - 3} groups of three bytes, the same way: ${(last + 1 - 3) * 4} more characters.`);
  await toStep(widget, 9, steps);
  await expect(caption).toHaveText(`Every byte is encoded: ${BYTES.length} bytes → ${URL.length} base64url characters.`);
  await expect(widget.locator('[data-beat-state]')).toHaveCount(0);
  await expect(widget.locator('.alphabet li.looked')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('plays every beat of every stage to the end, each stage ending as the map shows it', async ({ page }) => {
  const { widget, errors } = await open(page);
  await toStage(widget, /Header → UTF-8/);
  await playsToTheEnd(page, widget);
  expect(errors).toEqual([]);
});

test('with reduced motion every beat is drawn in its final form at once, nothing animating', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { widget, errors, scene } = await open(page);
  const animations = () => page.evaluate(() => document.getAnimations().length);
  for (const stage of [/Payload → UTF-8/, /Payload → base64url/]) {
    await toStage(widget, stage);
    for (let n = 1; n <= 9; n++) {
      await toStep(widget, n, 9);
      expect(await animations(), `${stage} step ${n}`).toBe(0);
    }
  }
  // The "-" group's letters: standard base64's "+" is already gone, the "-" there.
  await toStep(widget, 5, 9);
  await expect(scene.locator('.char .was')).toBeHidden();
  await expect(scene.locator('.char .now')).toBeVisible();
  await expect(scene.locator('.strip .looked')).toHaveCount(new Set(group(Math.floor(URL.indexOf('-') / 4)).values).size);
  expect(await animations()).toBe(0);
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations paused in the middle of each byte stage, ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    const { widget, errors } = await open(page);
    const settled = () => page.evaluate(() => document.getAnimations().every((a) => a.playState !== 'running'));
    for (const [stage, step] of [[/Payload → UTF-8/, 5], [/Payload → base64url/, 5]] as const) {
      await toStage(widget, stage);
      await toStep(widget, step, 9);
      // Paused: what came in with the beat has arrived, so colours are measured as they stay.
      await expect.poll(settled).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
}

test('a 64 KB payload keeps a short plan and draws only the units on screen', async ({ page }) => {
  const { widget, errors, caption } = await open(page);
  const long = `{"note":"${'x'.repeat(65_001)}é"}`;
  const bytes = Buffer.from(long, 'utf8');
  // A short last group, no "-" or "_": the base64url plan has no group between the first and the last.
  expect(bytes.length % 3).toBe(1);
  expect(bytes.toString('base64url')).not.toMatch(/[-_]/);
  await widget.getByLabel('Payload (JSON)').fill(long);
  // A payload this large is signed once typing pauses; meanwhile an out-of-date note sits above the stage map, and
  // it goes when the new token comes, moving the map: choose the stage once the token is made, as a reader would.
  await expect(widget).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  await toStage(widget, /Payload → UTF-8/);
  await expect(widget.locator('.explanation')).toContainText(`become ${bytes.length.toLocaleString('en-US')} UTF-8 bytes`);
  // The first three characters, é (two beats), the others, the final state.
  await expect(widget.locator('.scrub span')).toHaveText('Step 7 of 7');
  await toStep(widget, 4, 7);
  await expect(caption).toContainText(`Character ${([...long].indexOf('é') + 1).toLocaleString('en-US')}, “é”, is U+00E9`);
  await expect(caption).toContainText(`more than the 7 bits one byte holds, so UTF-8 writes it in 2 bytes`);
  expect(await widget.locator('[data-char]').count()).toBeLessThan(200);
  await toStep(widget, 6, 7);
  await expect(caption).toContainText(`The other ${([...long].length - 4).toLocaleString('en-US')} characters, the same way`);

  await toStage(widget, /Payload → base64url/);
  // The first group in three beats, the short last group in two, the others, the final state.
  await expect(widget.locator('.scrub span')).toHaveText('Step 7 of 7');
  await toStep(widget, 4, 7);
  await expect(caption).toContainText(`The last group, group ${Math.ceil(bytes.length / 3).toLocaleString('en-US')}: 1 byte, 7d (“}”)`);
  await expect(caption).toContainText('four zero bits fill the last one');
  expect(await widget.locator('.group').count()).toBeLessThan(100);
  expect(errors).toEqual([]);
});

test('a beat on a group further down keeps it in view: the grid box scrolls to it as the beats move on', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { widget } = await open(page);
  // Long enough for the base64url grid to hold more rows than its box shows, with a short last group, which
  // the stage performs on its own (its zero bits and dropped "=").
  const payload = JSON.stringify({ sub: 'x'.repeat(61), note: 'the last group is far down' });
  expect(Buffer.byteLength(payload) % 3).not.toBe(0);
  await widget.getByLabel('Payload (JSON)').fill(payload);
  await toStage(widget, /Payload → base64url/);
  const grid = widget.getByRole('grid');
  const steps = Number(await widget.locator('.scrub input').getAttribute('max')) + 1;
  let scrolledTo = 0;
  for (let n = 1; n <= steps; n++) {
    await toStep(widget, n, steps);
    const lit = grid.locator('.group[data-beat-state="lit"]');
    // While the stage performs (the groups drawn are done, lit or pending), the group performing is drawn…
    if ((await grid.locator('.group[data-beat-state]').count()) === 0) continue;
    await expect(lit).not.toHaveCount(0);
    if ((await lit.count()) > 1) continue;
    // …and, when it is one group, it is wholly inside the box (the box scrolls to it just after the beat draws).
    await expect
      .poll(async () => {
        const [box, unit] = await Promise.all([grid.boundingBox(), lit.boundingBox()]);
        return unit!.y >= box!.y - 1 && unit!.y + unit!.height <= box!.y + box!.height + 1;
      })
      .toBe(true);
    scrolledTo = Math.max(scrolledTo, await grid.evaluate((g) => g.scrollTop));
  }
  // The last group is rows below the first screenful of the box: the box scrolled to reach it.
  expect(scrolledTo).toBeGreaterThan(0);
});
