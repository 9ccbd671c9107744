/** Chapter 10's exercises, against sizes counted here with Buffer and HMACs computed with node:crypto. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET } from '../../../../src/components/widgets/guide-example';
import { LOGIN_CLAIMS } from '../../../../src/components/widgets/login-example';
import { bytesPerDay, cookieLimit, roleRemoved } from '../../../../src/lib/exercises/token-costs';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const hs256 = (header: string, payload: string, secret: string) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};

describe('a day of requests', () => {
  const id = 'q7Lx0dZ3mB9sVtK2wHc4Ya';
  const token = hs256(GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET);
  const perRequest = Buffer.byteLength(`Authorization: Bearer ${token}\r\n`) - Buffer.byteLength(`Cookie: session=${id}\r\n`);

  it('is solved by the difference of the two lines times the requests, with or without commas', async () => {
    const d = await bytesPerDay(GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET, id, 250_000);
    expect(d.prompt).toContainEqual({ code: token });
    expect((await d.check(String(perRequest * 250_000))).kind).toBe('solved');
    expect((await d.check((perRequest * 250_000).toLocaleString('en-US'))).kind).toBe('solved');
  });

  it('names the slips: one request, the values only, the whole line', async () => {
    const d = await bytesPerDay(GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET, id, 250_000);
    expect((await d.check(String(perRequest))).message).toMatch(/difference on one request/);
    expect((await d.check(String((token.length - id.length) * 250_000))).message).toMatch(/counts the two values only/);
    expect((await d.check(String(Buffer.byteLength(`Authorization: Bearer ${token}\r\n`) * 250_000))).message).toMatch(/whole Authorization line/);
    expect((await d.check('lots')).kind).toBe('invalid');
  });
});

describe('permissions in a cookie', () => {
  const header = '{"alg":"HS256","typ":"JWT"}';
  const cookie = (n: number) => {
    const permissions = Array.from({ length: n }, (_, i) => `project-${String(i + 1).padStart(3, '0')}:write`);
    return Buffer.byteLength(`token=${hs256(header, JSON.stringify(n ? { ...LOGIN_CLAIMS, permissions } : LOGIN_CLAIMS), 'k')}`);
  };
  let most = 0;
  while (cookie(most + 1) <= 4096) most++;

  it('is solved by the most that still fit, counted here by signing each', async () => {
    const d = await cookieLimit(header, { ...LOGIN_CLAIMS }, 'k');
    expect((await d.check(String(most))).kind).toBe('solved');
    expect((await d.check(String(most + 1))).message).toMatch(/too many, and the browser drops it/);
    expect((await d.check(String(most - 10))).message).toMatch(/are still free/);
    expect((await d.check(String(most + 10))).message).toMatch(/over the limit/);
  });
});

describe('a role removed', () => {
  it('keeps working until exp, which is solved; the others are told why not', () => {
    const d = roleRemoved(1_796_083_200, 900, 240);
    expect(d.options.find((o) => o.value === 'until-exp')?.label).toContain(new Date((1_796_083_200 + 900) * 1000).toISOString().replace('.000Z', 'Z'));
    expect(d.check('until-exp')).toMatchObject({ kind: 'solved' });
    expect((d.check('until-exp') as { message: string }).message).toMatch(/for 11 minutes more/);
    for (const wrong of ['at-once', 'log-out', 'forever']) expect(d.check(wrong)).toMatchObject({ kind: 'wrong' });
    expect(d.check('')).toMatchObject({ kind: 'invalid' });
  });
});
