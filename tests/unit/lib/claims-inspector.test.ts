import { describe, expect, it } from 'vitest';
import { classifyClaim } from '../../../src/lib/claim-names';
import { isoDate as coreIsoDate } from '../../../src/lib/jwt';
import { excerptAt, inspectClaims, isoDate, relativeTime, type ClaimView, type Inspection } from '../../../src/lib/claims-inspector';

const NOW = new Date('2026-12-03T12:00:00Z');
const now = NOW.getTime() / 1000;
const options = { now: NOW, locale: 'en-GB', timeZone: 'Asia/Tokyo' };

function claims(inspection: Inspection): readonly ClaimView[] {
  if (inspection.kind !== 'claims') throw new Error(`not claims: ${inspection.message}`);
  return inspection.claims;
}

function claim(text: string, name: string): ClaimView {
  return claims(inspectClaims(text, options)).find((c) => c.name === name)!;
}

const warnings = (c: ClaimView) => c.notes.filter((n) => n.level === 'warning').map((n) => n.text);

describe('classifyClaim', () => {
  it('knows the seven registered claims, some IANA names, URIs, and calls the rest private', () => {
    for (const name of ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']) expect(classifyClaim(name).kind).toBe('registered');
    for (const name of ['email', 'nonce', 'roles', 'cnf']) expect(classifyClaim(name).kind).toBe('public');
    expect(classifyClaim('email').why).toContain('OpenID Connect Core 1.0');
    expect(classifyClaim('https://example.com/claims/department').kind).toBe('public');
    expect(classifyClaim('urn:example:team').kind).toBe('public');
    for (const name of ['role', 'department', 'constructor', '__proto__', 'http:']) expect(classifyClaim(name).kind).toBe('private');
  });
});

describe('inspectClaims', () => {
  it('lists the claims in the order written, with where each name starts', () => {
    const text = '{\n  "sub": "ada",\n  "role": "admin",\n  "exp": 1900000000\n}';
    const list = claims(inspectClaims(text, options));
    expect(list.map((c) => c.name)).toEqual(['sub', 'role', 'exp']);
    expect(list.map((c) => c.at)).toEqual([{ line: 2, column: 3 }, { line: 3, column: 3 }, { line: 4, column: 3 }]);
    expect(list[0]!.kind.registered?.title).toBe('Subject');
    expect(list[1]!.kind.kind).toBe('private');
    expect(list[1]!.bytes).toBe(Buffer.byteLength('"role":"admin",'));
  });

  it('shows a NumericDate in UTC, in the local zone and relative to the clock', () => {
    const exp = now + 3 * 86400;
    const c = claim(`{"exp":${exp}}`, 'exp');
    expect(c.date!.utc).toBe(new Date(exp * 1000).toISOString().replace('.000Z', 'Z'));
    expect(c.date!.local).toBe(new Date(exp * 1000).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'long', timeZone: 'Asia/Tokyo' }));
    expect(c.date!.relative).toBe('in 3 days');
    expect(claim(`{"iat":${now - 2 * 365 * 86400}}`, 'iat').date!.relative).toBe('2 years ago');
    expect(relativeTime(now - 90 * 60, NOW)).toBe('2 hours ago');
    expect(relativeTime(now, NOW)).toBe('now');
  });

  it('says a NumericDate in milliseconds reads as a far year, and what it meant', () => {
    const ms = 1900000000000;
    const [warning] = warnings(claim(`{"exp":${ms}}`, 'exp'));
    expect(warning).toContain(`the year ${new Date(ms * 1000).getUTCFullYear().toLocaleString('en')}`);
    expect(warning).toContain('looks like milliseconds');
    expect(warning).toContain(new Date(ms).toISOString().replace('.000Z', 'Z'));
    expect(warnings(claim('{"exp":1900000000}', 'exp'))).toEqual([]);
  });

  it('flags a NumericDate of the wrong type, negative or fractional', () => {
    expect(warnings(claim('{"exp":"1900000000"}', 'exp'))[0]).toContain('Write 1900000000 without the quotes');
    expect(warnings(claim('{"nbf":true}', 'nbf'))[0]).toContain('this is the value true');
    expect(warnings(claim('{"iat":-5}', 'iat'))[0]).toContain('before 1 January 1970');
    const fractional = claim('{"iat":1700000000.5}', 'iat');
    expect(warnings(fractional)).toEqual([]);
    expect(fractional.notes.map((n) => n.text).join()).toContain('Fractional seconds are allowed');
  });

  it('flags an exp that is not after iat or nbf, and says when the clock has passed it', () => {
    const text = `{"iat":${now},"nbf":${now + 60},"exp":${now}}`;
    const exp = claim(text, 'exp');
    expect(warnings(exp)).toEqual([
      `exp is not after iat (${new Date(now * 1000).toISOString().replace('.000Z', 'Z')}): the token had expired when it was issued.`,
      `exp is not after nbf (${new Date((now + 60) * 1000).toISOString().replace('.000Z', 'Z')}): there is no moment at which this token is valid.`,
    ]);
    expect(exp.notes.map((n) => n.text)).toContain('Expired by your clock: a server would refuse this token now.');
  });

  it('accepts aud as a string or a list of strings, and nothing else', () => {
    expect(warnings(claim('{"aud":"api"}', 'aud'))).toEqual([]);
    expect(warnings(claim('{"aud":["api","web"]}', 'aud'))).toEqual([]);
    expect(claim('{"aud":["api","web"]}', 'aud').notes[0]!.text).toContain('A list of 2 audiences');
    expect(warnings(claim('{"aud":42}', 'aud'))[0]).toContain('but this is a number');
    expect(warnings(claim('{"aud":["api",7]}', 'aud'))[0]).toContain('Item 2 of the list is a number');
    expect(warnings(claim('{"aud":[]}', 'aud'))[0]).toContain('empty list');
    expect(warnings(claim('{"iss":1}', 'iss'))[0]).toContain('iss must be a string');
  });

  it('warns of personal data by name and by what a value looks like', () => {
    expect(warnings(claim('{"email":"x"}', 'email'))[0]).toContain('a signature hides nothing');
    expect(warnings(claim('{"sub":"ada@example.com"}', 'sub'))[0]).toContain('looks like an e-mail address');
    expect(warnings(claim('{"contact":{"tel":"+44 20 7946 0958"}}', 'contact'))[0]).toContain('contact.tel looks like a telephone number');
    expect(warnings(claim('{"role":"admin"}', 'role'))).toEqual([]);
    expect(warnings(claim('{"jti":"1900000000"}', 'jti'))).toEqual([]);
  });

  it('puts the core’s warning about an unsafe integer at its claim, with its place', () => {
    const c = claim('{"id":\n  12345678901234567890}', 'id');
    expect(c.notes[0]).toMatchObject({ level: 'warning', at: { line: 2, column: 3 } });
    expect(c.notes[0]!.text).toContain(`JavaScript reads it as ${String(Number("12345678901234567890"))}`);
  });

  it('reports a name written twice at both places, and shows what JSON.parse keeps', () => {
    const text = '{\n  "role": "user",\n  "role": "admin"\n}';
    const inspection = inspectClaims(text, options);
    if (inspection.kind !== 'claims') throw new Error('expected claims');
    expect(inspection.duplicate).toMatchObject({ name: 'role', first: { line: 2, column: 3 }, second: { line: 3, column: 3 } });
    expect(inspection.claims.map((c) => [c.name, c.json])).toEqual([['role', JSON.stringify((JSON.parse(text) as { role: string }).role)]]);
    // Read by JSON.parse, a number too large to hold still gets its warning.
    const big = inspectClaims('{"id":12345678901234567890,"a":1,"a":2}', options);
    if (big.kind !== 'claims') throw new Error('expected claims');
    expect(big.claims[0]!.notes[0]!.text).toContain(`JSON.parse reads it as ${String(Number('12345678901234567890'))}`);
  });

  it('pins a name written twice inside a claim to that claim, not to a claim of the same name', () => {
    const text = '{"role":"user","perms":{"role":"a","role":"b"}}';
    const inspection = inspectClaims(text, options);
    if (inspection.kind !== 'claims') throw new Error('expected claims');
    expect(inspection.duplicate).toMatchObject({ name: 'role', claim: 'perms' });
    const top = inspectClaims('{"perms":{"role":"a"},"role":"user","role":"admin"}', options);
    if (top.kind !== 'claims') throw new Error('expected claims');
    expect(top.duplicate).toMatchObject({ name: 'role', claim: 'role' });
  });

  it('gives bad JSON the core’s message with its place, and sizes good JSON with base64url', () => {
    const bad = inspectClaims('{\n  "sub": "ada",\n}', options);
    expect(bad).toMatchObject({ kind: 'invalid', where: { line: 2, column: 15, char: ',' } });
    const text = '{ "sub": "ada" }';
    const good = inspectClaims(text, options);
    if (good.kind !== 'claims') throw new Error('expected claims');
    expect(good.size).toEqual({
      bytes: Buffer.byteLength(text),
      base64url: Buffer.from(text).toString('base64url').length,
      compactBytes: Buffer.byteLength('{"sub":"ada"}'),
      compactBase64url: Buffer.from('{"sub":"ada"}').toString('base64url').length,
    });
  });
});

describe('excerptAt', () => {
  it('cuts the line around the place, counting code points', () => {
    expect(excerptAt('{\n  "a": 😀x,\n}', { line: 2, column: 9 })).toEqual({ before: '  "a": 😀', at: 'x', after: ',' });
    expect(excerptAt('{"a":1', { line: 1, column: 7 })).toEqual({ before: '{"a":1', at: '', after: '' });
    const long = `${'a'.repeat(50)}!${'b'.repeat(50)}`;
    expect(excerptAt(long, { line: 1, column: 51 }, 5)).toEqual({ before: '…aaaaa', at: '!', after: 'bbbbb…' });
  });
});

describe('isoDate', () => {
  it('writes a NumericDate exactly as the core does', () => {
    for (const seconds of [0, 1900000000, 1700000000.5, -86400, 1e15]) expect(isoDate(seconds)).toBe(coreIsoDate(seconds));
  });
});
