/**
 * Chapter 2's exercises, checked against values computed here: dates with Node's Date, JSON.parse's choice by
 * JSON.parse itself, the kinds of names from RFC 7519's list and the payload as written.
 */
import { describe, expect, it } from 'vitest';
import { expOneHour, millisecondPayload, neededClaims } from '../../../../src/lib/exercises/claims-dates';
import type { Feedback } from '../../../../src/lib/exercises/feedback';
import { duplicateClaim, payloadWithDuplicate, whichIsPrivate } from '../../../../src/lib/exercises/claims-names';
import {
  CLAIMS_DUPLICATE,
  CLAIMS_EXERCISE_IAT,
  CLAIMS_EXERCISE_SUB,
  CLAIMS_KINDS_PAYLOAD,
  CLAIMS_SCENARIO,
} from '../../../../src/components/exercises/claims-example';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
const payload = (exp: unknown, iat: unknown = CLAIMS_EXERCISE_IAT) => JSON.stringify({ sub: CLAIMS_EXERCISE_SUB, iat, exp });

describe('exp-one-hour', () => {
  const exercise = expOneHour(CLAIMS_EXERCISE_SUB, CLAIMS_EXERCISE_IAT);
  const hour = CLAIMS_EXERCISE_IAT + 60 * 60;

  it('starts from exp in milliseconds, and says so in its hints', () => {
    expect(exercise.start).toBe(millisecondPayload(CLAIMS_EXERCISE_SUB, CLAIMS_EXERCISE_IAT));
    expect(JSON.parse(exercise.start!).exp).toBe(hour * 1000);
    expect(exercise.hints[1]).toContain(`the year ${new Date(hour * 1000 * 1000).getUTCFullYear().toLocaleString('en')}`);
    expect(exercise.hints[2]).toContain(String(hour));
  });

  it('is solved by exp one hour after iat, which the core accepts until the last second', async () => {
    const feedback = await exercise.check(payload(hour));
    expect(feedback.kind).toBe('solved');
    expect(feedback.message).toContain(`accepts the token at ${iso(hour - 1)} and refuses it from ${iso(hour)} on`);
  });

  it('says what a wrong exp means', async () => {
    expect(await exercise.check(exercise.start!)).toMatchObject({ kind: 'wrong', message: expect.stringContaining('still') });
    expect(await exercise.check(payload(String(hour)))).toMatchObject({ kind: 'wrong', message: expect.stringContaining('a string') });
    expect(await exercise.check(payload(CLAIMS_EXERCISE_IAT + 60))).toMatchObject({ kind: 'wrong', message: expect.stringContaining('one minute') });
    expect(await exercise.check(payload(CLAIMS_EXERCISE_IAT + 7200))).toMatchObject({ kind: 'wrong', message: expect.stringContaining(`${iso(CLAIMS_EXERCISE_IAT + 7200)}, 7,200 seconds after iat`) });
    expect(await exercise.check(payload(CLAIMS_EXERCISE_IAT - 1))).toMatchObject({ kind: 'wrong', message: expect.stringContaining('not after iat') });
  });

  it('does not judge what is not a payload yet, or a changed iat', async () => {
    const broken = await exercise.check('{"exp": 1,}');
    expect(broken.kind).toBe('invalid');
    expect(broken.message).toMatch(/^Line 1, column 10 of the payload/);
    expect((await exercise.check(payload(hour, CLAIMS_EXERCISE_IAT + 1))).kind).toBe('invalid');
    expect(await exercise.live!(payload(hour))).toBe(`Now: exp reads as ${iso(hour)}.`);
  });
});

describe('claim-kinds', () => {
  const exercise = whichIsPrivate(CLAIMS_KINDS_PAYLOAD);
  const registered = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'];

  it('offers every claim of the payload, and only the one private name solves it', () => {
    expect(exercise.options.map((o) => o.value)).toEqual(Object.keys(CLAIMS_KINDS_PAYLOAD));
    const solving = Object.keys(CLAIMS_KINDS_PAYLOAD).filter((name) => (exercise.check(name) as Feedback).kind === 'solved');
    expect(solving).toEqual(['role']);
  });

  it('says why another name is not private', () => {
    for (const name of Object.keys(CLAIMS_KINDS_PAYLOAD).filter((n) => registered.includes(n))) {
      expect(exercise.check(name)).toMatchObject({ kind: 'wrong', message: expect.stringContaining('is registered') });
    }
    expect(exercise.check('email_verified')).toMatchObject({ kind: 'wrong', message: expect.stringContaining('IANA') });
    expect(exercise.check('https://example.com/claims/department')).toMatchObject({ kind: 'wrong', message: expect.stringContaining('a URI') });
    expect(exercise.check('')).toMatchObject({ kind: 'invalid' });
  });
});

describe('duplicate-role', () => {
  const exercise = duplicateClaim(CLAIMS_DUPLICATE);
  const text = payloadWithDuplicate(CLAIMS_DUPLICATE);
  const kept = JSON.stringify((JSON.parse(text) as { role: string }).role);

  it('names JSON.parse’s choice and the dropped value in its options', () => {
    expect(kept).toBe('"admin"');
    expect(exercise.options.find((o) => o.value === 'last')!.label).toContain(kept);
    expect(exercise.options.find((o) => o.value === 'first')!.label).toContain('"user"');
  });

  it('is solved by refusing, with the core’s places of both names', () => {
    expect(exercise.check('refuse')).toMatchObject({ kind: 'solved', message: expect.stringContaining('line 3, column 3 and again at line 4, column 3') });
    expect(exercise.check('last')).toMatchObject({ kind: 'wrong', message: expect.stringContaining(`JSON.parse would indeed keep ${kept}`) });
    expect((exercise.check('first') as Feedback).kind).toBe('wrong');
    expect((exercise.check('both') as Feedback).kind).toBe('wrong');
    expect((exercise.check('') as Feedback).kind).toBe('invalid');
  });

  it('shows the payload with the name on two lines, the first value before the one JSON.parse keeps', () => {
    expect(text).toBe('{\n  "sub": "user-4821",\n  "role": "user",\n  "role": "admin"\n}');
    expect(exercise.prompt).toContainEqual({ code: text });
  });
});

describe('needed-claims', () => {
  const exercise = neededClaims(CLAIMS_SCENARIO);
  const { issuer, audience, subject, iat, lifetime } = CLAIMS_SCENARIO;
  const exp = iat + lifetime;
  const right = { iss: issuer, sub: subject, aud: audience, iat, exp };
  const answer = (claims: Record<string, unknown>) => exercise.check(JSON.stringify(claims, null, 2));

  it('starts with claims nobody checks and none the server needs', async () => {
    const start = JSON.parse(exercise.start!) as Record<string, unknown>;
    expect(Object.keys(start).sort()).toEqual(['iat', 'name', 'nbf', 'sub']);
    expect(await exercise.check(exercise.start!)).toMatchObject({ kind: 'wrong', message: expect.stringContaining('The token has no "exp" claim') });
    expect(await answer({ sub: subject, iat, exp })).toMatchObject({ kind: 'wrong', message: expect.stringContaining(`must be issued by "${issuer}"`) });
  });

  it('is solved by iss, sub, aud, iat and an exp 15 minutes on, with the moments the server accepts it', async () => {
    expect(lifetime).toBe(900);
    expect(await answer(right)).toMatchObject({ kind: 'solved', message: expect.stringContaining(`until ${iso(exp - 1)}, refuses it from ${iso(exp)}`) });
    // An audience list that names the API is as good.
    expect((await answer({ ...right, aud: [audience, 'https://admin.example.com'] })).kind).toBe('solved');
  });

  it('names the server’s refusal, a wrong lifetime, and claims it does not need', async () => {
    expect(await answer({ ...right, aud: 'https://other.example.com' })).toMatchObject({ kind: 'wrong', message: expect.stringContaining('The server refuses it when it is issued: The token is meant for "https://other.example.com"') });
    expect(await answer({ ...right, exp: exp * 1000 })).toMatchObject({ kind: 'wrong', message: expect.stringContaining(`until ${iso(exp * 1000)}`) });
    const { exp: _exp, ...noExp } = right;
    expect((await answer(noExp)).message).toContain('"exp"');
    const extra = await answer({ ...right, name: 'Ada Lovelace', jti: 'x' });
    const bytes = Buffer.byteLength('"name":"Ada Lovelace",') + Buffer.byteLength('"jti":"x",');
    expect(extra).toMatchObject({ kind: 'wrong', message: expect.stringContaining(`"name", "jti": ${bytes} bytes on every request`) });
    expect((await answer({ ...right, iat: iat + 1 })).kind).toBe('invalid');
  });
});
