import { describe, expect, it } from 'vitest';
import { secretFromText, sign, verify, type JwtError } from '../../../src/lib/jwt';
import { stagesOf } from '../../../src/components/visualizer/stages';

const secret = secretFromText('a-long-enough-secret-for-hs256!!');

describe('stages of a generation trace', () => {
  it('name the learner\'s own numbers', async () => {
    const { trace } = await sign('{"alg":"HS256","typ":"JWT"}', '{"name":"Zoë 日本"}', secret, { trace: true });
    const stages = stagesOf(trace!);
    const byKey = Object.fromEntries(stages.map((s) => [s.key, s]));
    expect(byKey['utf8:header']!.explanation).toContain('27 header characters become 27 UTF-8 bytes');
    expect(byKey['base64url:header']!.explanation).toContain('27 header bytes become 36 base64url characters');
    expect(byKey['base64url:header']!.explanation).toContain('9 full groups');
    // 17 characters, 3 of them outside ASCII: 14 + 2 + 3 + 3 = 22 bytes → 30 characters.
    expect(byKey['utf8:payload']!.explanation).toContain('17 payload characters become 22 UTF-8 bytes');
    expect(byKey['utf8:payload']!.explanation).toContain('3 of the characters are outside ASCII');
    expect(byKey['base64url:payload']!.explanation).toContain('a last group of 1 byte written as 2 characters');
    expect(byKey['base64url:signature']!.explanation).toContain('32 signature bytes become 43 base64url characters');
    expect(byKey['hmac-key']!.explanation).toContain('padded with 32 zero bytes to 64');
    expect(byKey['hmac-outer']!.explanation).toContain('identical');
    expect(stages.every((s) => s.status === 'neutral')).toBe(true);
  });

  it('keep the same keys when an input changes, so the stepper stays on its stage', async () => {
    const a = await sign({ alg: 'HS256' }, { a: 1 }, secret, { trace: true });
    const b = await sign({ alg: 'HS256' }, { a: 'much longer' }, secretFromText('other'), { trace: true });
    expect(stagesOf(a.trace!).map((s) => s.key)).toEqual(stagesOf(b.trace!).map((s) => s.key));
    expect(new Set(stagesOf(a.trace!).map((s) => s.key)).size).toBe(a.trace!.length);
  });
});

describe('stages of a verification trace', () => {
  it('mark passed checks, and the failing stage of a refused token', async () => {
    const { token } = await sign({ alg: 'HS256' }, { exp: 100 }, secret);
    const ok = await verify(token, secret, { algorithms: ['HS256'], currentDate: new Date(50_000), trace: true });
    const passed = stagesOf(ok.trace!);
    expect(passed.find((s) => s.key === 'compare')!.status).toBe('ok');
    expect(passed.find((s) => s.key === 'claim:exp')!.status).toBe('ok');

    const error = await verify(token, secret, { algorithms: ['HS256'], currentDate: new Date(200_000), trace: true }).then(
      () => { throw new Error('expected a rejection'); },
      (e: JwtError) => e,
    );
    const failed = stagesOf(error.trace!, true);
    expect(failed.at(-1)).toMatchObject({ key: 'claim:exp', status: 'fail', label: 'Check exp' });
    expect(failed.at(-1)!.explanation).toContain('Expired');
  });
});
