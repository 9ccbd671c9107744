import { describe, expect, it } from 'vitest';
import { decodePlan } from '../../../../../src/components/visualizer/plan/decode-plan';
import { secretFromText, sign, verify, type DecodeStep } from '../../../../../src/lib/jwt';

const SECRET = secretFromText('a-string-secret-at-least-256-bits-long');

/** The decode steps the core's verifier records for a token. */
async function decodeSteps(token: string): Promise<DecodeStep[]> {
  try {
    const { trace } = await verify(token, SECRET, { algorithms: ['HS256'], trace: true });
    return trace!.filter((s): s is DecodeStep => s.stage === 'decode');
  } catch (e) {
    return ((e as { trace: DecodeStep[] }).trace ?? []).filter((s) => s.stage === 'decode');
  }
}

describe('decodePlan', () => {
  it('takes a header through characters, bytes, text and JSON, with the counts of each', async () => {
    const { token } = await sign({ alg: 'HS256', typ: 'JWT' }, { name: 'Zoë 🎉' }, SECRET);
    const [header, payload, signature] = await decodeSteps(token);
    const segment = token.split('.')[1]!;
    const json = Buffer.from(segment, 'base64url').toString('utf8');
    const plan = decodePlan(payload!);
    expect(plan.map((b) => b.form)).toEqual(['segment', 'bytes', 'text', 'json']);
    expect(plan[0]!.caption).toBe(`The payload segment: ${segment.length} base64url characters.`);
    const tail = segment.length % 4 === 2 ? '; the last 2 characters give 1 byte' : segment.length % 4 === 3 ? '; the last 3 characters give 2 bytes' : '';
    expect(plan[1]!.caption).toBe(`Every 4 characters stand for 3 bytes: ${segment.length} characters → ${Buffer.byteLength(json)} bytes${tail}.`);
    // "🎉" is one character of two UTF-16 units and four bytes.
    expect(plan[2]!.caption).toBe(`Read as UTF-8, the ${Buffer.byteLength(json)} bytes are ${[...json].length} characters of text.`);
    expect(plan[3]!.caption).toBe('Read as JSON, the text is an object with 1 member: name.');
    expect(decodePlan(header!).at(-1)!.caption).toBe('Read as JSON, the text is an object with 2 members: alg, typ.');
    // The signature stays bytes: 32 of them, from 43 characters.
    expect(decodePlan(signature!).map((b) => b.caption)).toEqual([
      'The signature segment: 43 base64url characters.',
      'Every 4 characters stand for 3 bytes: 43 characters → 32 bytes; the last 3 characters give 2 bytes.',
    ]);
  });

  it('stops at the last form a broken segment reached', async () => {
    const notJson = Buffer.from('not json').toString('base64url');
    const [header] = await decodeSteps(`${notJson}.e30.c2ln`);
    expect(decodePlan(header!).map((b) => b.form)).toEqual(['segment', 'bytes', 'text']);
    const [bad] = await decodeSteps('e30*.e30.c2ln');
    expect(decodePlan(bad!).map((b) => b.form)).toEqual(['segment']);
  });
});
