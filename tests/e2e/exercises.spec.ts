/**
 * Chapter 4's exercises, used as a learner would: each kind answered wrong (specific feedback, hints one at a
 * time, the worked solution) and right, by keyboard alone, and axe-clean with a wrong answer on screen. Expected
 * values are computed here with Node (Buffer, node:crypto), not read from the page.
 */
import { createHash, createHmac } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { GUIDE_HEADER, GUIDE_PAYLOAD } from '../../src/components/widgets/guide-example';
import { RFC7515_A2_HEADER, RFC7515_A2_PAYLOAD } from '../../src/components/widgets/rfc7515-example';
import { RFC7516_A1_PLAINTEXT } from '../../src/components/widgets/rfc7516-example';
import { axeViolations, openWidget, useTheme } from './support';

const chapter = '/chapters/generating-a-token/';
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64url');
const hs256 = (header: string, payload: string, secret: string) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const bytes = Buffer.byteLength(GUIDE_PAYLOAD);
const chars = b64(GUIDE_PAYLOAD).length;

async function exercise(page: Page, id: string): Promise<{ widget: Locator; errors: string[] }> {
  return openWidget(page, chapter, `exercise-${id}`);
}

test('predict then reveal: a wrong count says what it implies, hints come one at a time, the right one is solved', async ({ page }) => {
  const { widget, errors } = await exercise(page, 'payload-length');
  await expect(widget.getByText(`This payload is ${bytes} bytes of UTF-8`)).toBeVisible();
  // The encoding is not shown before the learner commits to a number.
  await expect(widget.getByText(b64(GUIDE_PAYLOAD))).toHaveCount(0);
  await expect(widget.locator('[data-status]')).toHaveText('Not tried yet');

  const field = widget.getByLabel('Characters', { exact: true });
  await field.fill('seventy');
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText('Type a whole number of characters');
  await expect(widget.locator('[data-status]')).toHaveText('Not tried yet');

  await field.fill(String(bytes));
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toHaveText(`Not yet. ${bytes} is the number of bytes. Base64url writes 4 characters for every 3 bytes, so the text is about a third longer than the bytes.`);
  await expect(widget.getByText(b64(GUIDE_PAYLOAD), { exact: true })).toBeVisible();
  await expect(widget.locator('[data-status]')).toHaveText('Tried, not solved yet');

  await field.fill('43');
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText(`43 is too few: it is the length for 32 bytes, and this payload has ${bytes}.`);

  const hints = widget.getByRole('list', { name: 'Hints' }).getByRole('listitem');
  await widget.getByRole('button', { name: 'Show hint 1 of 3' }).click();
  await expect(hints).toHaveCount(1);
  await widget.getByRole('button', { name: 'Show hint 2 of 3' }).click();
  await expect(hints).toHaveCount(2);
  await expect(hints.nth(1)).toContainText(`${bytes} bytes are ${Math.floor(bytes / 3)} full groups of 3`);
  await widget.getByRole('button', { name: 'Show hint 3 of 3' }).click();
  await expect(hints).toHaveCount(3);
  await expect(widget.getByRole('button', { name: /Show hint/ })).toHaveCount(0);

  await widget.getByRole('button', { name: 'Show the worked solution' }).click();
  await expect(widget.locator('.solution')).toContainText(`In all, ${chars} characters.`);

  await field.fill(String(chars));
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText(`Solved. Right: ${chars} characters.`);
  await expect(widget.locator('[data-status]')).toHaveText('Solved');
  expect(errors).toEqual([]);
});

test('make it happen: the payload’s byte count decides, with how far it is from a whole group', async ({ page }) => {
  const { widget, errors } = await exercise(page, 'whole-groups');
  const field = widget.getByLabel('Payload', { exact: true });
  await expect(field).toHaveValue(GUIDE_PAYLOAD);

  const short = GUIDE_PAYLOAD.replace('John Doe', 'John Do');
  const n = Buffer.byteLength(short);
  await field.fill(short);
  await expect(widget.getByText(`Now: ${n} bytes, ${b64(short).length} base64url characters.`)).toBeVisible();
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText(`Your payload is ${n} bytes: ${n % 3} byte left over`);
  await expect(widget.locator('.verdict')).toContainText(`with ${b64(short).length * 6 - n * 8} spare bits. Add ${3 - (n % 3)} bytes or remove ${n % 3} byte.`);

  await field.fill('{"name":');
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText('The payload must stay a JSON object:');
  await expect(field).toHaveValue('{"name":'); // the learner's text stays

  await widget.getByRole('button', { name: 'Show the worked solution' }).click();
  const example = GUIDE_PAYLOAD.replace('John Doe', 'John Does');
  expect(Buffer.byteLength(example) % 3).toBe(0);
  await expect(widget.locator('.solution')).toContainText(example);

  await field.fill(GUIDE_PAYLOAD.replace('John Doe', 'John D'));
  expect(Buffer.byteLength(GUIDE_PAYLOAD.replace('John Doe', 'John D')) % 3).toBe(0);
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText('Solved.');
  await expect(widget.locator('[data-status]')).toHaveText('Solved');
  expect(errors).toEqual([]);
});

test('forge or refuse: the core’s verifier refuses a tampered token with the reason and accepts a re-signed one', async ({ page }) => {
  const { widget, errors } = await exercise(page, 'forge-ada');
  const field = widget.getByLabel('Token', { exact: true });
  const ada = GUIDE_PAYLOAD.replace('John Doe', 'Ada');
  const [h, , s] = hs256(GUIDE_HEADER, GUIDE_PAYLOAD, 'super-secret').split('.');

  await field.fill(`${h}.${b64(ada)}.${s}`);
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText('Refused: the signature is not the HMAC of this header and payload under "super-secret".');

  await field.fill(`${b64('{"alg":"none"}')}.${b64(ada)}.`);
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText('"none" means no signature at all');

  await widget.getByRole('button', { name: 'Show the worked solution' }).click();
  await expect(widget.locator('.solution')).toContainText(hs256(GUIDE_HEADER, ada, 'super-secret'));

  await field.fill(hs256(GUIDE_HEADER, ada, 'super-secret'));
  await widget.getByRole('button', { name: 'Check' }).click();
  await expect(widget.locator('.verdict')).toContainText('Solved. Accepted');
  await expect(widget.locator('[data-status]')).toHaveText('Solved');
  expect(errors).toEqual([]);
});

test('an exercise works from the keyboard alone', async ({ page }) => {
  const { widget } = await exercise(page, 'payload-length');
  // pages.spec.ts checks that Tab reaches every control; from the field on, only keys are used here.
  await widget.getByLabel('Characters', { exact: true }).focus();
  await page.keyboard.type(String(chars));
  await page.keyboard.press('Enter');
  await expect(widget.locator('.verdict')).toContainText('Solved.');
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: 'Show hint 1 of 3' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);
  // The button moves on to the next hint and keeps the focus.
  await expect(widget.getByRole('button', { name: 'Show hint 2 of 3' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(widget.locator('.solution')).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`chapter 4 with a wrong answer on screen passes axe in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await useTheme(page, theme);
    const { widget } = await exercise(page, 'payload-length');
    await widget.getByLabel('Characters', { exact: true }).fill('43');
    await widget.getByRole('button', { name: 'Check' }).click();
    await widget.getByRole('button', { name: 'Show hint 1 of 3' }).click();
    await widget.getByRole('button', { name: 'Show the worked solution' }).click();
    await expect(widget.locator('.verdict.wrong')).toBeVisible();
    const forge = page.locator('[data-widget="exercise-forge-ada"]');
    await forge.scrollIntoViewIfNeeded();
    await expect(forge).toHaveAttribute('data-hydrated', 'true');
    await forge.getByLabel('Token', { exact: true }).fill('abc');
    await forge.getByRole('button', { name: 'Check' }).click();
    await expect(forge.locator('.verdict.wrong')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

/*
 * The exercises of chapters 1, 5, 8 and 9, built from definitions (DefinedExercise): each answered wrong, with
 * the message that says what that answer implies, then right, solved and kept in the saved progress. Expected
 * values come from Node (Buffer, node:crypto), not from the page.
 */
const PROGRESS_KEY = 'jwt-step-by-step/progress';

async function open(page: Page, path: string, id: string): Promise<{ widget: Locator; errors: string[] }> {
  const opened = await openWidget(page, path, `exercise-${id}`);
  // The definition is computed once the island mounts: the Check button comes with it.
  await expect(opened.widget.getByRole('button', { name: 'Check' })).toBeVisible();
  return opened;
}

async function answer(widget: Locator, field: string, value: string): Promise<void> {
  await widget.getByLabel(field, { exact: true }).fill(value);
  await widget.getByRole('button', { name: 'Check' }).click();
}

async function choose(widget: Locator, option: string): Promise<void> {
  await widget.getByRole('radio', { name: option }).check();
  await widget.getByRole('button', { name: 'Check' }).click();
}

async function expectSolvedAndSaved(page: Page, widget: Locator, chapterSlug: string, id: string): Promise<void> {
  await expect(widget.locator('.verdict')).toContainText('Solved.');
  await expect(widget.locator('[data-status]')).toHaveText('Solved');
  const stored = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
  const progress = JSON.parse(stored ?? '{}') as { chapters?: Record<string, { exercises: Record<string, { state: string }> }> };
  expect(progress.chapters?.[chapterSlug]?.exercises[id]?.state).toBe('done');
}

const READING = {
  header: '{"alg":"HS256","typ":"JWT"}',
  payload: '{"sub":"4242","name":"Grace Hopper","admin":true,"iat":1687716785}',
};
const readingToken = hs256(READING.header, READING.payload, 'super-secret');

test.describe('chapter 1', () => {
  const path = '/chapters/what-is-jwt/';

  test('read a claim: another claim’s value is named as such, the decoded name is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'read-claim');
    await expect(widget.getByText(readingToken, { exact: true })).toBeVisible();
    await answer(widget, 'Value', '4242');
    await expect(widget.locator('.verdict')).toHaveText('Not yet. "4242" is the value of "sub", another claim in the same payload. Look for the member named "name".');
    await expect(widget.getByText(READING.payload, { exact: true })).toBeVisible();
    await answer(widget, 'Value', 'Grace Hopper');
    await expectSolvedAndSaved(page, widget, 'what-is-jwt', 'read-claim');
    expect(errors).toEqual([]);
  });

  test('which parts change: "all three" is told the header stays, payload and signature is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'which-parts-change');
    await choose(widget, 'All three parts');
    await expect(widget.locator('.verdict')).toContainText(`The header is the same JSON before and after, ${READING.header}`);
    await expect(widget.locator('.verdict')).toContainText(`"${b64(READING.header)}"`);
    await choose(widget, 'The payload and the signature');
    await expectSolvedAndSaved(page, widget, 'what-is-jwt', 'which-parts-change');
    expect(errors).toEqual([]);
  });

  test('take the signature away: an HS256 header is named, the none header with an empty third part is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'unsecured');
    const field = widget.getByLabel('Token', { exact: true });
    await expect(field).toHaveValue(readingToken);
    const [h, p] = readingToken.split('.');
    await answer(widget, 'Token', `${h}.${p}.`);
    await expect(widget.locator('.verdict')).toContainText('Its header still says "alg": "HS256"');
    const unsecured = `${b64('{"alg":"none","typ":"JWT"}')}.${p}.`;
    await field.fill(unsecured);
    await expect(widget.getByText('Now: 3 parts; the header\'s alg is "none"; the signature is 0 characters.')).toBeVisible();
    await widget.getByRole('button', { name: 'Check' }).click();
    await expectSolvedAndSaved(page, widget, 'what-is-jwt', 'unsecured');
    expect(errors).toEqual([]);
  });
});

const EXP = (JSON.parse(GUIDE_PAYLOAD) as { exp: number }).exp;

test.describe('chapter 5', () => {
  const path = '/chapters/verifying-a-token/';

  test('the exp second: "accepted" is told the claims refuse it, the claims stage is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'exp-boundary');
    await expect(widget.getByText(new Date(EXP * 1000).toISOString().replace('.000Z', 'Z'))).toBeVisible();
    await choose(widget, 'Accepted: no stage refuses it');
    await expect(widget.locator('.verdict')).toContainText('Accepting it would mean every check passed. It is refused at "6. Check the claims":');
    await choose(widget, '6. Check the claims');
    await expectSolvedAndSaved(page, widget, 'verifying-a-token', 'exp-boundary');
    expect(errors).toEqual([]);
  });

  test('clock tolerance: 90 s is told exp is refused at the second itself, 91 is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'clock-tolerance');
    await answer(widget, 'Tolerance (seconds)', '90');
    await expect(widget.locator('.verdict')).toContainText('Refused: with 90 s the clock sits exactly at exp + tolerance');
    await answer(widget, 'Tolerance (seconds)', '300');
    await expect(widget.locator('.verdict')).toContainText('Accepted, but 300 s is more slack than needed: 209 s fewer still works');
    await answer(widget, 'Tolerance (seconds)', '91');
    await expectSolvedAndSaved(page, widget, 'verifying-a-token', 'clock-tolerance');
    expect(errors).toEqual([]);
  });

  test('tamper stage: decoding is told the payload still decodes, the compare is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'tamper-stage');
    const [h, p, s] = hs256(GUIDE_HEADER, GUIDE_PAYLOAD, 'super-secret').split('.') as [string, string, string];
    const next = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const tampered = `${h}.${p.slice(0, 12)}${next[next.indexOf(p[12]!) + 1]}${p.slice(13)}.${s}`;
    await expect(widget.getByText(tampered, { exact: true })).toBeVisible();
    await choose(widget, '2. Decode each part');
    await expect(widget.locator('.verdict')).toContainText('Every part decodes: the header reads {"alg":"HS256","typ":"JWT"} and the payload {"name":"Nohn Doe"');
    await choose(widget, '4–5. Control signature and compare');
    await expectSolvedAndSaved(page, widget, 'verifying-a-token', 'tamper-stage');
    expect(errors).toEqual([]);
  });
});

test.describe('chapter 8', () => {
  const path = '/chapters/hs256/';

  test('key block: 0 is told HMAC never cuts a key, 32 is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'key-block-padding');
    await answer(widget, 'Zero bytes', '0');
    await expect(widget.locator('.verdict')).toContainText('0 would mean the key fills the block, as if it were cut to its first 64 bytes.');
    await answer(widget, 'Zero bytes', '32');
    await expectSolvedAndSaved(page, widget, 'hs256', 'key-block-padding');
    expect(errors).toEqual([]);
  });

  test('ipad byte: the key byte itself is named, J ⊕ 36 is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'ipad-byte');
    const j = 'J'.charCodeAt(0);
    await answer(widget, 'Byte (hex)', j.toString(16));
    await expect(widget.locator('.verdict')).toContainText(`${j.toString(16)} is "J" itself`);
    await answer(widget, 'Byte (hex)', (j ^ 0x36).toString(16));
    await expectSolvedAndSaved(page, widget, 'hs256', 'ipad-byte');
    expect(errors).toEqual([]);
  });

  test('a signature that starts with a digit: the live line and the message name the signature, a found payload is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'signature-digit');
    const signatureOf = (payload: string) => hs256(GUIDE_HEADER, payload, 'super-secret').split('.')[2]!;
    const field = widget.getByLabel('Payload', { exact: true });
    let wrong = '';
    let right = '';
    for (let n = 1; !wrong || !right; n++) {
      const payload = JSON.stringify({ ...(JSON.parse(GUIDE_PAYLOAD) as object), name: `Ada ${n}` });
      if (/^[0-9]/.test(signatureOf(payload))) right ||= payload;
      else wrong ||= payload;
    }
    await field.fill(wrong);
    await expect(widget.getByText(`Now: the signature is ${signatureOf(wrong)}.`)).toBeVisible();
    await widget.getByRole('button', { name: 'Check' }).click();
    await expect(widget.locator('.verdict')).toContainText(`The signature starts with "${signatureOf(wrong)[0]}"`);
    await field.fill(right);
    await widget.getByRole('button', { name: 'Check' }).click();
    await expectSolvedAndSaved(page, widget, 'hs256', 'signature-digit');
    expect(errors).toEqual([]);
  });
});

test.describe('chapter 9', () => {
  const path = '/chapters/rs256/';

  test('signature length: 342 is told it is 2048 bits’ length, 512 is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'signature-length');
    await answer(widget, 'Characters', '342');
    await expect(widget.locator('.verdict')).toContainText('342 is the length for a 2048-bit key');
    await answer(widget, 'Characters', String(Buffer.alloc(3072 / 8).toString('base64url').length));
    await expectSolvedAndSaved(page, widget, 'rs256', 'signature-length');
    expect(errors).toEqual([]);
  });

  test('first difference of the blocks: byte 1 is told it is the same 00, the digest’s first differing byte is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'em-difference');
    const digest = (payload: string) => createHash('sha256').update(`${b64(RFC7515_A2_HEADER)}.${b64(payload)}`).digest();
    const a = digest(RFC7515_A2_PAYLOAD);
    const b = digest(RFC7515_A2_PAYLOAD.replace('"joe"', '"ann"'));
    let first = 0;
    while (a[first] === b[first]) first++;
    await answer(widget, 'Byte number', '1');
    await expect(widget.locator('.verdict')).toContainText('Byte 1 is in the leading 00');
    await answer(widget, 'Byte number', String(256 - 32 + first + 1));
    await expectSolvedAndSaved(page, widget, 'rs256', 'em-difference');
    expect(errors).toEqual([]);
  });

  test('signed with the wrong key: "accepted" is told the signature check refuses it, which is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'wrong-key');
    await choose(widget, 'Accepted: no stage refuses it');
    await expect(widget.locator('.verdict')).toContainText('It is refused at "4–5. Control signature and compare"');
    await choose(widget, '4–5. Control signature and compare');
    await expectSolvedAndSaved(page, widget, 'rs256', 'wrong-key');
    expect(errors).toEqual([]);
  });
});

test.describe('chapter 3', () => {
  const path = '/chapters/jws-and-jwe/';

  test("which key the sender needs: the recipient's private key is told it is the guide's reversal, the public key is solved", async ({ page }) => {
    const { widget, errors } = await open(page, path, 'sender-key');
    await choose(widget, "The recipient's private key");
    await expect(widget.locator('.verdict')).toContainText("That is the guide's reversal.");
    await choose(widget, "The recipient's public key");
    await expectSolvedAndSaved(page, widget, 'jws-and-jwe', 'sender-key');
    expect(errors).toEqual([]);
  });

  test('one changed ciphertext character: "decrypt the CEK" is told the key is untouched, the tag check is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'changed-ciphertext');
    await choose(widget, 'Decrypt the CEK with the private key');
    await expect(widget.locator('.verdict')).toContainText('The encrypted key is untouched, so the private key still recovers the CEK.');
    await choose(widget, 'Authentication tag check');
    await expectSolvedAndSaved(page, widget, 'jws-and-jwe', 'changed-ciphertext');
    expect(errors).toEqual([]);
  });

  test('A256GCM sizes: the ciphertext alone is told the tag travels too, ciphertext + 16 is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'gcm-sizes');
    const bytes = Buffer.byteLength(RFC7516_A1_PLAINTEXT);
    await answer(widget, 'Ciphertext + tag, in bytes', String(bytes));
    await expect(widget.locator('.verdict')).toContainText('is the ciphertext alone');
    await answer(widget, 'Ciphertext + tag, in bytes', String(bytes + 16));
    await expectSolvedAndSaved(page, widget, 'jws-and-jwe', 'gcm-sizes');
    expect(errors).toEqual([]);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`chapter 5 with a wrong stage, a hint and the worked solution on screen passes axe in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await useTheme(page, theme);
    const { widget } = await open(page, '/chapters/verifying-a-token/', 'tamper-stage');
    await choose(widget, '2. Decode each part');
    await widget.getByRole('button', { name: 'Show hint 1 of 3' }).click();
    await widget.getByRole('button', { name: 'Show the worked solution' }).click();
    await expect(widget.locator('.verdict.wrong')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test.describe('chapter 10', () => {
  const path = '/chapters/benefits/';
  const sessionLine = (id: string) => Buffer.byteLength(`Cookie: session=${id}\r\n`);

  test('a day of requests: one request’s difference is named as such, the day’s total is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'bytes-per-day');
    const token = hs256(GUIDE_HEADER, GUIDE_PAYLOAD, 'super-secret');
    await expect(widget.getByText(token, { exact: true })).toBeVisible();
    const id = /"Cookie: session=([A-Za-z0-9_-]+)"/.exec((await widget.textContent()) ?? '')![1]!;
    const requests = Number(/receives ([\d,]+) requests/.exec((await widget.textContent()) ?? '')![1]!.replaceAll(',', ''));
    const perRequest = Buffer.byteLength(`Authorization: Bearer ${token}\r\n`) - sessionLine(id);
    await answer(widget, 'Extra bytes per day', String(perRequest));
    await expect(widget.locator('.verdict')).toContainText(`${perRequest} bytes is the difference on one request`);
    await answer(widget, 'Extra bytes per day', (perRequest * requests).toLocaleString('en-US'));
    await expectSolvedAndSaved(page, widget, 'benefits', 'bytes-per-day');
    expect(errors).toEqual([]);
  });

  test('permissions in a cookie: one too many is told the browser drops it, the most that fit is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'cookie-limit');
    const claims = JSON.parse((await widget.locator('pre, code').filter({ hasText: '"iss"' }).first().textContent())!) as Record<string, unknown>;
    const cookie = (n: number) => {
      const permissions = Array.from({ length: n }, (_, i) => `project-${String(i + 1).padStart(3, '0')}:write`);
      return Buffer.byteLength(`token=${hs256('{"alg":"HS256","typ":"JWT"}', JSON.stringify(n ? { ...claims, permissions } : claims), 'any')}`);
    };
    let most = 0;
    while (cookie(most + 1) <= 4096) most++;
    await answer(widget, 'Permissions', String(most + 1));
    await expect(widget.locator('.verdict')).toContainText('too many, and the browser drops it');
    await answer(widget, 'Permissions', String(most));
    await expectSolvedAndSaved(page, widget, 'benefits', 'cookie-limit');
    expect(errors).toEqual([]);
  });

  test('a role removed: "refused on the next request" is told the API looks nothing up, until exp is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'role-removed');
    await choose(widget, 'Refused on the next request');
    await expect(widget.locator('.verdict')).toContainText('A stateless API looks nothing up');
    await choose(widget, `Accepted until ${new Date((1796083200 + 900) * 1000).toISOString().replace('.000Z', 'Z')}, when the token expires`);
    await expectSolvedAndSaved(page, widget, 'benefits', 'role-removed');
    expect(errors).toEqual([]);
  });
});

test.describe('chapter 6', () => {
  const path = '/chapters/expiration/';
  /** The claims a prompt quotes, read from the page. */
  const quoted = async (widget: Locator) => JSON.parse((await widget.locator('pre, code').filter({ hasText: '"sub"' }).first().textContent())!) as Record<string, number>;

  test('two clocks: "server A" is told its clock is after nbf, the server whose clock is before nbf is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'skewed-server');
    const claims = await quoted(widget);
    const text = (await widget.textContent()) ?? '';
    const skew = Number(/runs (\d+) seconds behind/.exec(text)![1]);
    const arrival = Number(/reaches both (\d+) seconds after/.exec(text)![1]);
    // RFC 7519 §4.1.5: refused while the clock is before nbf. A reads iat + arrival, B that minus the skew.
    const refusesA = claims.iat! + arrival < claims.nbf!;
    const refusesB = claims.iat! + arrival - skew < claims.nbf!;
    expect([refusesA, refusesB]).toEqual([false, true]);
    await choose(widget, 'Server A');
    await expect(widget.locator('.verdict')).toContainText(`Server A's clock reads ${new Date((claims.iat! + arrival) * 1000).toISOString().replace('.000Z', 'Z')}: it accepts the token.`);
    await choose(widget, 'Server B');
    await expectSolvedAndSaved(page, widget, 'expiration', 'skewed-server');
    expect(errors).toEqual([]);
  });

  test('expired, give or take: exp itself is told the tolerance allows more, exp + tolerance is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'tolerance-deadline');
    const { exp } = await quoted(widget);
    const tolerance = Number(/tolerance of (\d+) seconds/.exec((await widget.textContent()) ?? '')![1]);
    await answer(widget, 'First refused at (NumericDate)', String(exp));
    await expect(widget.locator('.verdict')).toContainText(`allows ${tolerance} seconds more`);
    await answer(widget, 'First refused at (NumericDate)', String(exp! + tolerance + 1));
    await expect(widget.locator('.verdict')).toContainText('One second late');
    await answer(widget, 'First refused at (NumericDate)', String(exp! + tolerance));
    await expectSolvedAndSaved(page, widget, 'expiration', 'tolerance-deadline');
    expect(errors).toEqual([]);
  });

  test('a maximum age: iat + max age is told that age still passes, one second later is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'max-age');
    const { iat } = await quoted(widget);
    const age = Number(/\(maxTokenAge\) of ([\d,]+) seconds/.exec((await widget.textContent()) ?? '')![1]!.replaceAll(',', ''));
    await answer(widget, 'First refused at (NumericDate)', String(iat! + age));
    await expect(widget.locator('.verdict')).toContainText('the server still accepts it');
    await answer(widget, 'First refused at (NumericDate)', String(iat! + age + 1));
    await expectSolvedAndSaved(page, widget, 'expiration', 'max-age');
    expect(errors).toEqual([]);
  });
});

test.describe('chapter 2', () => {
  const path = '/chapters/claims/';
  const iat = 1899996400;
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

  test('an expiry in milliseconds: still milliseconds is told its year, one hour of seconds is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'exp-one-hour');
    const field = widget.getByLabel('Payload', { exact: true });
    const start = await field.inputValue();
    const ms = (JSON.parse(start) as { exp: number }).exp;
    expect(ms).toBe((iat + 3600) * 1000);
    await widget.getByRole('button', { name: 'Check' }).click();
    await expect(widget.locator('.verdict')).toContainText(`still ${ms}, milliseconds: read as seconds it names the year ${new Date(ms * 1000).getUTCFullYear().toLocaleString('en')}`);
    await field.fill(start.replace(String(ms), String(iat + 60)));
    await widget.getByRole('button', { name: 'Check' }).click();
    await expect(widget.locator('.verdict')).toContainText('one minute');
    await field.fill(start.replace(String(ms), String(iat + 3600)));
    await expect(widget.getByText(`Now: exp reads as ${iso(iat + 3600)}.`)).toBeVisible();
    await widget.getByRole('button', { name: 'Check' }).click();
    await expect(widget.locator('.verdict')).toContainText(`refuses it from ${iso(iat + 3600)} on`);
    await expectSolvedAndSaved(page, widget, 'claims', 'exp-one-hour');
    expect(errors).toEqual([]);
  });

  test('which claim is private: an IANA name is told where it is registered, "role" is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'claim-kinds');
    await choose(widget, 'email_verified');
    await expect(widget.locator('.verdict')).toContainText('"email_verified" is public: registered with IANA (OpenID Connect Core 1.0)');
    await choose(widget, 'https://example.com/claims/department');
    await expect(widget.locator('.verdict')).toContainText('is public: a URI');
    await choose(widget, 'role');
    await expectSolvedAndSaved(page, widget, 'claims', 'claim-kinds');
    expect(errors).toEqual([]);
  });

  test('the claims a server needs: a missing issuer is the server’s refusal, unchecked extras are named, the five checked claims are solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'needed-claims');
    const field = widget.getByLabel('Payload', { exact: true });
    const exp = iat + 15 * 60;
    const right = { iss: 'https://auth.example.com', sub: 'user-4821', aud: 'https://api.example.com', iat, exp };
    const { iss: _iss, ...noIssuer } = right;
    await answer(widget, 'Payload', JSON.stringify(noIssuer));
    await expect(widget.locator('.verdict')).toContainText('The server refuses it when it is issued: The token has no iss claim; it must be issued by "https://auth.example.com".');
    await answer(widget, 'Payload', JSON.stringify({ ...right, name: 'Ada Lovelace' }));
    await expect(widget.locator('.verdict')).toContainText(`it checks nothing about "name": ${Buffer.byteLength('"name":"Ada Lovelace",')} bytes on every request`);
    await field.fill(JSON.stringify(right, null, 2));
    await expect(widget.getByText(`Now: 5 claims, ${Buffer.byteLength(JSON.stringify(right))} bytes written without spaces.`)).toBeVisible();
    await widget.getByRole('button', { name: 'Check' }).click();
    await expect(widget.locator('.verdict')).toContainText(`refuses it from ${iso(exp)}`);
    await expectSolvedAndSaved(page, widget, 'claims', 'needed-claims');
    expect(errors).toEqual([]);
  });

  test('a name written twice: keeping JSON.parse’s value is told why not, refusing is solved', async ({ page }) => {
    const { widget, errors } = await open(page, path, 'duplicate-role');
    await choose(widget, 'It reads role as "admin" and accepts the token');
    await expect(widget.locator('.verdict')).toContainText('JSON.parse would indeed keep "admin"');
    await choose(widget, 'It refuses the token');
    await expect(widget.locator('.verdict')).toContainText('"role" twice: at line 3, column 3 and again at line 4, column 3');
    await expectSolvedAndSaved(page, widget, 'claims', 'duplicate-role');
    expect(errors).toEqual([]);
  });
});
