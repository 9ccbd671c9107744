/** Token cost: header lines, cookie size and the permissions limit, against lengths counted here with Buffer and node:crypto. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { byteVolume, COOKIE_LIMIT_BYTES, headerLineBytes, lengthWithPayload, permissionsToLimit, staleness, tokenCost, withPermissions } from '../../../src/lib/token-cost';
import { timeSpan } from '../../../src/lib/format';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
function hs256(payload: object): string {
  const input = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', 'k').update(input).digest('base64url')}`;
}
const claims = { sub: 'ada', iat: 1_700_000_000, exp: 1_700_003_600 };

describe('tokenCost', () => {
  it('counts each header line with its name and CR LF, and the difference per request and per day', () => {
    const token = hs256(claims);
    const id = 'q7Lx0dZ3mB9sVtK2wHc4Ya';
    const cost = tokenCost(token, id, 1000);
    const bearer = Buffer.byteLength(`Authorization: Bearer ${token}\r\n`);
    const session = Buffer.byteLength(`Cookie: session=${id}\r\n`);
    expect(cost).toMatchObject({ tokenChars: token.length, sessionIdChars: 22, bearerLineBytes: bearer, sessionLineBytes: session });
    expect(cost.extraPerRequest).toBe(bearer - session);
    expect(cost.extraPerDay).toBe((bearer - session) * 1000);
    expect(cost.cookieBytes).toBe(Buffer.byteLength(`token=${token}`));
    expect(cost.cookieFits).toBe(true);
    expect(headerLineBytes('X', 'é')).toBe(Buffer.byteLength('X: é\r\n'));
  });

  it('says a cookie over 4,096 bytes does not fit, and one of exactly 4,096 does', () => {
    expect(tokenCost('a'.repeat(COOKIE_LIMIT_BYTES - 6), 'id', 1).cookieFits).toBe(true);
    expect(tokenCost('a'.repeat(COOKIE_LIMIT_BYTES - 5), 'id', 1).cookieFits).toBe(false);
  });
});

describe('permissions', () => {
  it('are added after those the payload lists', () => {
    expect(withPermissions(claims, 0)).toBe(claims);
    expect(withPermissions({ permissions: ['read'] }, 2)).toEqual({ permissions: ['read', 'project-001:write', 'project-002:write'] });
  });

  it('measure a token of another payload with the same header and signature length', () => {
    const token = hs256(claims);
    const bigger = withPermissions(claims, 7);
    expect(lengthWithPayload(token, bigger)).toBe(hs256(bigger).length);
  });

  it('reach the cookie limit at the first count whose signed token no longer fits', () => {
    const token = hs256(claims);
    const n = permissionsToLimit(token, claims)!;
    const cookie = (k: number) => Buffer.byteLength(`token=${hs256(withPermissions(claims, k))}`);
    expect(cookie(n)).toBeGreaterThan(COOKIE_LIMIT_BYTES);
    expect(cookie(n - 1)).toBeLessThanOrEqual(COOKIE_LIMIT_BYTES);
    expect(permissionsToLimit(token, claims, n - 1)).toBeUndefined();
    expect(permissionsToLimit(hs256({ pad: 'x'.repeat(4000) }), { pad: 'x'.repeat(4000) })).toBe(0);
  });
});

describe('staleness', () => {
  it('is exp − iat when both are there, exp alone otherwise, nothing without exp', () => {
    expect(staleness(claims)).toEqual({ exp: 1_700_003_600, lifetime: 3600 });
    expect(staleness({ exp: 5 })).toEqual({ exp: 5 });
    expect(staleness({ exp: 5, iat: 9 })).toEqual({ exp: 5 });
    expect(staleness({ exp: '5' })).toEqual({});
  });
});

describe('writing amounts', () => {
  it('gives a volume in decimal units with the exact count', () => {
    expect(byteVolume(999)).toBe('999 bytes');
    expect(byteVolume(1)).toBe('1 byte');
    expect(byteVolume(2_412_345)).toBe('2.4 MB (2,412,345 bytes)');
    expect(byteVolume(5_000_000_000)).toBe('5 GB (5,000,000,000 bytes)');
  });

  it('gives a time span in its largest unit and the next', () => {
    expect(timeSpan(3600)).toBe('1 hour');
    expect(timeSpan(5400)).toBe('1 hour 30 minutes');
    expect(timeSpan(660)).toBe('11 minutes');
    expect(timeSpan(90_061)).toBe('1 day 1 hour');
    expect(timeSpan(0)).toBe('0 seconds');
  });
});
