/**
 * Chapter 6's exercises, against the RFC 7519 rules written out here: accepted while now < exp + tolerance and
 * now + tolerance >= nbf; with a maximum age, refused once now − iat > maxTokenAge.
 */
import { describe, expect, it } from 'vitest';
import { maxAge, skewedServer, toleranceDeadline } from '../../../../src/lib/exercises/expiration';

const iat = 1_773_219_600;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

describe('two clocks, one token', () => {
  it('is solved by the server whose clock is still before nbf', async () => {
    // A reads iat + 3 (after nbf = iat): accepts. B reads iat + 3 − 8 = iat − 5 (before nbf): refuses.
    const d = await skewedServer(iat, 900, 8, 3);
    expect((await d.check('b')).kind).toBe('solved');
    expect((await d.check('b')).message).toMatch(/not valid yet/i);
    for (const wrong of ['a', 'both', 'neither']) expect((await d.check(wrong)).kind).toBe('wrong');
    // Each wrong choice hears about the server it gets wrong: A accepts (its clock is 3 s past nbf), B refuses.
    expect((await d.check('a')).message).toMatch(new RegExp(`^Server A's clock reads ${iso(iat + 3)}: it accepts the token\\.`));
    expect((await d.check('neither')).message).toMatch(new RegExp(`^Server B's clock reads ${iso(iat + 3 - 8)}: it refuses the token \\("Not valid yet`));
    expect((await d.check('')).kind).toBe('invalid');
  });

  it('is "neither" once the token arrives after the skew', async () => {
    const d = await skewedServer(iat, 900, 8, 10);
    expect((await d.check('neither')).kind).toBe('solved');
  });
});

describe('expired, give or take', () => {
  const exp = iat + 900;
  it('is solved by exp + tolerance, the first second not before it', async () => {
    const d = await toleranceDeadline(exp, 30);
    expect((await d.check(String(exp + 30))).kind).toBe('solved');
    expect((await d.check((exp + 30).toLocaleString('en-US'))).kind).toBe('solved');
  });

  it('names the slips: exp itself, one second late, the last good second, a guess', async () => {
    const d = await toleranceDeadline(exp, 30);
    expect((await d.check(String(exp))).message).toMatch(/allows 30 seconds more/);
    expect((await d.check(String(exp + 31))).message).toMatch(/One second late/);
    expect((await d.check(String(exp + 29))).message).toMatch(/still accepts it: that is the last good second/);
    expect((await d.check(String(exp + 100))).message).toMatch(/already was 70 seconds earlier/);
    expect((await d.check(String(exp - 100))).message).toMatch(/still accepts/);
    expect((await d.check('soon')).kind).toBe('invalid');
  });
});

describe('no exp, but a maximum age', () => {
  it('is solved by iat + max age + 1: an age equal to the maximum passes', async () => {
    const d = await maxAge(iat, 3600);
    expect((await d.check(String(iat + 3601))).kind).toBe('solved');
    const atMax = await d.check(String(iat + 3600));
    expect(atMax.kind).toBe('wrong');
    expect(atMax.message).toMatch(/exactly 3,600 seconds old/);
  });
});
