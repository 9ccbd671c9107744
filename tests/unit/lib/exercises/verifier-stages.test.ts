/** Chapter 5's exercises, against tokens made here with node:crypto and verdicts from jose. */
import { createHmac } from 'node:crypto';
import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET } from '../../../../src/components/widgets/guide-example';
import { clockTolerance, expiryBoundary, tamper, tamperStage } from '../../../../src/lib/exercises/verifier-stages';

const guide = { header: GUIDE_HEADER, payload: GUIDE_PAYLOAD, secret: GUIDE_SECRET };
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const input = `${b64(GUIDE_HEADER)}.${b64(GUIDE_PAYLOAD)}`;
const token = `${input}.${createHmac('sha256', GUIDE_SECRET).update(input).digest('base64url')}`;
const exp = (JSON.parse(GUIDE_PAYLOAD) as { exp: number }).exp;
const key = new TextEncoder().encode(GUIDE_SECRET);
const jwtVerify = (t: string, at: number, clockTolerance = 0) => jose.jwtVerify(t, key, { algorithms: ['HS256'], currentDate: new Date(at * 1000), clockTolerance });
const clock = '2023-06-25T19:13:05Z';

describe('which stage refuses a tampered character', () => {
  it('changes one character to the next in the alphabet', () => {
    const t = tamper(token, 1, 12);
    expect(t.token.length).toBe(token.length);
    expect(JSON.parse(Buffer.from(t.token.split('.')[1]!, 'base64url').toString())).toEqual({ ...(JSON.parse(GUIDE_PAYLOAD) as object), name: 'Nohn Doe' });
  });

  it('says the compare stops a payload that still decodes, as jose does', async () => {
    const t = tamper(token, 1, 12);
    await expect(jwtVerify(t.token, Date.parse(clock) / 1000)).rejects.toThrow(jose.errors.JWSSignatureVerificationFailed);
    const d = await tamperStage(guide, clock, 1, 12);
    expect(d.prompt).toContainEqual({ code: t.token });
    expect((await d.check('signature')).kind).toBe('solved');
    expect((await d.check('decode')).message).toMatch(/^Every part decodes: the header reads \{"alg":"HS256","typ":"JWT"\} and the payload \{"name":"Nohn Doe"/);
    expect((await d.check('split')).message).toMatch(/^It splits: 3 parts/);
    expect((await d.check('claims')).message).toMatch(/^It never reaches "6. Check the claims"/);
    expect((await d.check('accepted')).message).toMatch(/^Accepting it would mean every check passed/);
    expect((await d.check('')).kind).toBe('invalid');
  });

  it('names decoding when the JSON breaks', async () => {
    const d = await tamperStage(guide, clock, 1, 1);
    expect(() => JSON.parse(Buffer.from(tamper(token, 1, 1).token.split('.')[1]!, 'base64url').toString())).toThrow();
    expect((await d.check('decode')).kind).toBe('solved');
  });
});

describe('the exp second', () => {
  it('is refused at the claims, as jose refuses it', async () => {
    await expect(jwtVerify(token, exp)).rejects.toThrow(jose.errors.JWTExpired);
    await expect(jwtVerify(token, exp - 1)).resolves.toBeDefined();
    const d = await expiryBoundary(guide);
    expect((await d.check('claims')).kind).toBe('solved');
    expect((await d.check('accepted')).message).toMatch(/^Accepting it would mean every check passed. It is refused at "6. Check the claims": .*exp/);
    expect((await d.check('signature')).message).toMatch(/^The signature matches/);
  });
});

describe('just enough clock tolerance', () => {
  it('accepts the smallest tolerance jose accepts, and says what the others mean', async () => {
    const late = 90;
    await expect(jwtVerify(token, exp + late, late)).rejects.toThrow(jose.errors.JWTExpired);
    await expect(jwtVerify(token, exp + late, late + 1)).resolves.toBeDefined();
    const d = await clockTolerance(guide, late);
    expect((await d.check(String(late + 1))).kind).toBe('solved');
    expect((await d.check(String(late))).message).toMatch(/^Refused: with 90 s the clock sits exactly at exp \+ tolerance/);
    expect((await d.check('30')).message).toMatch(/^Refused: with 30 s of tolerance the clock is still 60 s past/);
    expect((await d.check('300')).message).toMatch(/^Accepted, but 300 s is more slack than needed: 209 s fewer still works/);
    expect((await d.check('a minute')).kind).toBe('invalid');
  });
});
