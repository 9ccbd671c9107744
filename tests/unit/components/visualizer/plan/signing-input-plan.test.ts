/**
 * The signing input's plan, for the core's real signing traces, checked against Buffer: the parts named in
 * the captions, the bytes drawn at the end, and a plan that stays small for a 64 KB payload.
 */
import { expect, it } from 'vitest';
import { secretFromText, sign, type SigningInputStep } from '../../../../../src/lib/jwt';
import { signingInputPlan } from '../../../../../src/components/visualizer/plan/signing-input-plan';

const SECRET = secretFromText('a-string-secret-at-least-256-bits-long');
const HEADER = '{"alg":"HS256","typ":"JWT"}';

async function stepFor(payload: string | Uint8Array): Promise<SigningInputStep> {
  const { trace } = await sign(HEADER, payload, SECRET, { trace: true });
  return trace!.find((s): s is SigningInputStep => s.stage === 'signing-input')!;
}

/** The signing input written by Buffer: base64url of each part, joined by a dot, as ASCII bytes. */
function expected(payload: string | Uint8Array) {
  const header = Buffer.from(HEADER).toString('base64url');
  const body = Buffer.from(payload).toString('base64url');
  return { header, body, bytes: Buffer.from(`${header}.${body}`, 'ascii') };
}

const hex = (b: number) => b.toString(16).padStart(2, '0');

for (const [name, payload] of [
  ['ASCII', '{"sub":"ada","admin":true}'],
  ['multi-byte text', '{"name":"Zoë 日本 🎉"}'],
] as const) {
  it(`${name}: header, dot, payload, then the bytes they make`, async () => {
    const step = await stepFor(payload);
    const plan = signingInputPlan(step);
    const { header, body, bytes } = expected(payload);
    expect(plan.map((b) => b.kind)).toEqual(['header', 'dot', 'payload', 'bytes']);
    expect(plan[0]!.caption).toBe(`The encoded header comes first: ${header.length} characters, ${header.slice(0, 12)}…${header.slice(-4)}.`);
    expect(plan[1]!.caption).toBe(`Then a dot, ".", which is byte ${Buffer.from('.').toString('hex')}: where the header ends.`);
    expect(plan[2]!.caption).toBe(`Then the encoded payload: ${body.length} characters, ${body.slice(0, 12)}…${body.slice(-4)}.`);
    const first = [...bytes.subarray(0, 4)].map(hex).join(' ');
    expect(plan[3]!.caption).toBe(
      `Together they are the ${bytes.length}-character signing input: ${bytes.length} ASCII bytes, one per character (${first} …), and exactly what the signature covers.`,
    );
    const last = plan[3]!;
    if (last.kind !== 'bytes') throw new Error('the last beat shows the bytes');
    const indexes = [0, 1, 2, 3, header.length, bytes.length - 2, bytes.length - 1];
    expect(last.cells.map((c) => c.index)).toEqual(indexes);
    for (const cell of last.cells) {
      expect(cell.hex).toBe(hex(bytes[cell.index]!));
      expect(cell.char).toBe(String.fromCharCode(bytes[cell.index]!));
      expect(cell.part).toBe(cell.index < header.length ? 'header' : cell.index === header.length ? 'dot' : 'payload');
    }
    expect(last.cells.map((c) => c.gap)).toEqual([false, false, false, false, true, true, false]);
    expect(last.cells.find((c) => c.part === 'dot')!.char).toBe('.');
  });
}

it('an empty payload: nothing follows the dot, and the dot is the last byte', async () => {
  const step = await stepFor(new Uint8Array(0));
  const plan = signingInputPlan(step);
  const { header, bytes } = expected(new Uint8Array(0));
  expect(bytes.length).toBe(header.length + 1);
  expect(plan[2]!.caption).toBe('Then the encoded payload, which is empty: nothing follows the dot.');
  expect(plan[2]!.pieces.map((p) => [p.kind, p.text, p.label])).toEqual([
    ['header', `${header.slice(0, 12)}…${header.slice(-4)}`, `header, ${header.length} characters`], ['dot', '.', 'dot'], ['payload', '(empty)', 'payload, 0 characters'],
  ]);
  const last = plan[3]!;
  if (last.kind !== 'bytes') throw new Error('the last beat shows the bytes');
  expect(last.cells.map((c) => [c.index, c.part])).toEqual([[0, 'header'], [1, 'header'], [2, 'header'], [3, 'header'], [header.length - 1, 'header'], [header.length, 'dot']]);
});

it('a 64 KB payload: four beats, with each part shortened to its ends', async () => {
  const payload = JSON.stringify({ note: 'x'.repeat(65_536) });
  const step = await stepFor(payload);
  const plan = signingInputPlan(step);
  const { body, bytes } = expected(payload);
  expect(plan).toHaveLength(4);
  expect(plan[2]!.pieces[2]!.text).toBe(`${body.slice(0, 12)}…${body.slice(-4)}`);
  expect(plan[2]!.caption).toContain(`${body.length.toLocaleString('en-US')} characters`);
  expect(plan[3]!.caption).toContain(`${bytes.length.toLocaleString('en-US')} ASCII bytes`);
  const last = plan[3]!;
  if (last.kind !== 'bytes') throw new Error('the last beat shows the bytes');
  expect(last.cells).toHaveLength(7);
  expect(last.cells.at(-1)!.hex).toBe(hex(bytes.at(-1)!));
  for (const beat of plan) expect(beat.caption.length).toBeLessThan(200);
});
