/**
 * The token's and the split's plans, for real traces: the pieces they join or split, checked against the
 * token's own text (split at its dots by String.split), and a plan that stays small for a 64 KB payload.
 */
import { describe, expect, it } from 'vitest';
import { splitPlan, tokenPlan } from '../../../../../src/components/visualizer/plan/token-plan';
import { JwtError, secretFromText, sign, verify, type Step, type SplitStep, type TokenStep } from '../../../../../src/lib/jwt';

const SECRET = secretFromText('a-string-secret-at-least-256-bits-long');

async function signed(payload: string): Promise<{ token: string; step: TokenStep }> {
  const { token, trace } = await sign('{"alg":"HS256"}', payload, SECRET, { trace: true });
  return { token, step: trace!.find((s): s is TokenStep => s.stage === 'token')! };
}

/** The split step of verifying this token, whether it verifies or not (a failed check keeps its trace). */
async function splitOf(token: string): Promise<SplitStep> {
  let trace: Step[] | undefined;
  try {
    trace = (await verify(token, SECRET, { algorithms: ['HS256'], trace: true })).trace;
  } catch (e) {
    if (!(e instanceof JwtError)) throw e;
    trace = e.trace;
  }
  return trace!.find((s): s is SplitStep => s.stage === 'split')!;
}

const ends = (text: string) => (text.length > 20 ? `${text.slice(0, 12)}…${text.slice(-4)}` : text);
const texts = (beat: { pieces: readonly { text: string }[] }) => beat.pieces.map((p) => p.text);

describe('the token plan', () => {
  it('joins the signing input, a second dot and the signature, each piece arriving in its beat', async () => {
    const { token, step } = await signed('{"sub":"ada"}');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const plan = tokenPlan(step);
    expect(plan.map(texts)).toEqual([
      [ends(header), '.', ends(payload)],
      [ends(header), '.', ends(payload), '.'],
      [ends(header), '.', ends(payload), '.', ends(signature)],
    ]);
    expect(plan.map((b) => b.fresh)).toEqual([0, 3, 4]);
    expect(plan[0]!.caption).toContain(`${header.length + 1 + payload.length} characters`);
    expect(plan[2]!.caption).toBe(`Then the signature in base64url, ${signature.length} characters: the token is complete, ${token.length} characters.`);
    expect(plan[2]!.pieces.map((p) => p.kind)).toEqual(['header', 'dot', 'payload', 'dot', 'signature']);
  });

  it('stays three beats for a 64 KB payload, with the payload shortened to its ends', async () => {
    const { token, step } = await signed(JSON.stringify({ note: 'x'.repeat(65_536) }));
    const plan = tokenPlan(step);
    expect(plan).toHaveLength(3);
    expect(plan[2]!.pieces[2]!.text).toBe(ends(token.split('.')[1]!));
    expect(plan[2]!.caption).toContain(`${token.length.toLocaleString('en-US')} characters`);
  });
});

describe('the split plan', () => {
  it('finds the two dots, then splits off header, payload and signature', async () => {
    const { token } = await signed('{"sub":"ada"}');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const plan = splitPlan(await splitOf(token));
    const first = token.indexOf('.') + 1;
    const second = token.lastIndexOf('.') + 1;
    expect(plan[0]!.caption).toBe(`The token is read for its dots: 2 dots, at characters ${first} and ${second}.`);
    expect(texts(plan[0]!)).toEqual([ends(token)]);
    expect(plan.slice(1).map(texts)).toEqual([
      [ends(header)],
      [ends(header), '.', ends(payload)],
      [ends(header), '.', ends(payload), '.', ends(signature)],
    ]);
    expect(plan.at(-1)!.caption).toBe(`After the last dot: the signature, ${signature.length} characters.`);
  });

  it('numbers dots by character: an emoji before a dot counts once', async () => {
    const token = '🎉x.y.z';
    const plan = splitPlan(await splitOf(token));
    expect(plan[0]!.caption).toBe('The token is read for its dots: 2 dots, at characters 3 and 5.');
    expect(plan[1]!.caption).toBe('Before the first dot: the header, 2 characters.');
  });

  it('numbers the segments of a token that does not have three, and says it cannot be checked', async () => {
    const five = 'a.b.c.d.e';
    const plan = splitPlan(await splitOf(five));
    expect(plan[0]!.caption).toBe('The token is read for its dots: 4 dots, at characters 2, 4, 6, and 8.');
    expect(plan.at(-2)!.pieces.filter((p) => p.kind === 'segment').map((p) => p.text)).toEqual(five.split('.'));
    expect(plan.at(-1)!.caption).toBe('5 segments, where a signed token has exactly 3: it cannot be checked.');
    const none = splitPlan(await splitOf('abc'));
    expect(none.map((b) => b.caption)).toEqual([
      'The token is read for its dots: it has none.',
      'The whole token: the segment 1, 3 characters.',
      '1 segment, where a signed token has exactly 3: it cannot be checked.',
    ]);
  });
});
