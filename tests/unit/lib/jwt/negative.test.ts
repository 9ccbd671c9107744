/** Tokens a careful verifier must refuse, each with the right code and a message that names the place. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  base64urlEncode, decode, exportPem, generateKeyPair, inspectToken, JwtError, secretFromBase64url, secretFromText, sign, utf8Encode,
  verify, type VerifyOptions,
} from '../../../../src/lib/jwt';
import { rejection } from '../../support';

const secret = secretFromText('a-long-enough-secret-for-hs256!!');
const now = new Date('2026-01-01T00:00:00Z');
const nowSeconds = now.getTime() / 1000;
const options: VerifyOptions = { algorithms: ['HS256'], currentDate: now };

const b64 = (text: string) => base64urlEncode(utf8Encode(text));

/** A validly signed token whose header and payload are the given texts. */
async function token(payload = '{"sub":"ada"}', header = '{"alg":"HS256","typ":"JWT"}') {
  return (await sign(header, payload, secret)).token;
}

describe('token shape', () => {
  it('refuses missing and extra dots, naming the count', async () => {
    const good = await token();
    const [h, p, s] = good.split('.');
    for (const [text, count] of [[`${h}.${p}`, 2], [`${h}${p}${s}`, 1], [`${good}.x`, 4]] as const) {
      const error = await rejection(verify(text, secret, options));
      expect(error.code).toBe('ERR_JWS_INVALID');
      expect(error.message).toContain(`${count} segment`);
    }
  });

  it('recognises five segments as an encrypted token (JWE)', async () => {
    const jwe = `${b64('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a.b.c.d`;
    const error = await rejection(verify(jwe, secret, options));
    expect(error.message).toContain('JWE');
    expect(inspectToken(jwe).format).toBe('JWE');
    expect(inspectToken(jwe).segments[0]!.value).toEqual({ alg: 'RSA-OAEP', enc: 'A256GCM' });
  });

  it('refuses padding, "+" and "/" in a segment, at the exact character', async () => {
    const good = await token();
    const [h, p, s] = good.split('.') as [string, string, string];
    const cases = [
      { text: `${h}=.${p}.${s}`, part: 'header', index: h.length, char: '=' },
      { text: `${h}.${p}.${s.slice(0, 5)}+${s.slice(6)}`, part: 'signature', index: 5, char: '+' },
      { text: `${h}.${p.slice(0, 3)}/${p.slice(4)}.${s}`, part: 'payload', index: 3, char: '/' },
    ];
    for (const c of cases) {
      const error = await rejection(verify(c.text, secret, options));
      expect(error.code).toBe(c.part === 'payload' ? 'ERR_JWT_INVALID' : 'ERR_JWS_INVALID');
      expect(error.where).toMatchObject({ part: c.part, index: c.index, char: c.char });
      expect(error.where?.tokenIndex).toBe(c.text.indexOf(c.char === '=' ? '=' : c.char, c.part === 'header' ? 0 : h.length));
      expect(error.message).toContain(`"${c.char}"`);
      expect(error.message).toContain(`the ${c.part} segment`);
    }
  });
});

describe('base64url lengths', () => {
  it('counts characters in the singular when there is one', () => {
    expect(() => secretFromBase64url('a')).toThrow('has 1 character, one more than a multiple of 4');
    expect(() => secretFromBase64url('abcde')).toThrow('has 5 characters, one more than a multiple of 4');
  });
});

describe('decoded content', () => {
  it('refuses a payload that is not UTF-8, naming the byte', async () => {
    const bad = base64urlEncode(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]));
    const [h, , s] = (await token()).split('.');
    const error = await rejection(verify(`${h}.${bad}.${s}`, secret, options));
    expect(error.code).toBe('ERR_JWT_INVALID');
    expect((error.cause as JwtError).code).toBe('ERR_UTF8_INVALID');
    expect(error.message).toContain('Byte 7');
    expect(error.message).toContain('0xC3');
  });

  it('refuses non-object JSON in the header and the payload', async () => {
    for (const [header, payload, part] of [['[1,2]', '{}', 'header'], ['{"alg":"HS256"}', '"text"', 'payload']] as const) {
      const text = `${b64(header)}.${b64(payload)}.${base64urlEncode(new Uint8Array(32))}`;
      const error = await rejection(verify(text, secret, options));
      expect(error.where?.part).toBe(part);
      expect(error.message).toContain('must be a JSON object');
    }
  });

  it('refuses duplicate member names, naming both places', async () => {
    const text = await token('{"sub":"ada","admin":false,"admin":true}').catch((e) => e);
    expect(text).toBeInstanceOf(JwtError);
    // Built by hand, since sign itself refuses it:
    const forged = `${b64('{"alg":"HS256"}')}.${b64('{"sub":"ada","admin":false,"admin":true}')}.AAAA`;
    const error = await rejection(verify(forged, secret, options));
    expect(error.code).toBe('ERR_JWT_INVALID');
    expect(error.message).toContain('"admin"');
    expect(error.where).toMatchObject({ part: 'payload', line: 1, column: 28 });
    expect(error.message).toContain('column 14');
  });

  it('flags integers beyond 2^53 as warnings, without refusing', async () => {
    const result = await verify(await token('{"id":12345678901234567890}'), secret, options);
    expect(result.warnings.join(' ')).toContain('12345678901234567890');
  });
});

describe('algorithms', () => {
  it('refuses alg "none", even when an empty signature is all it has', async () => {
    const unsecured = `${b64('{"alg":"none"}')}.${b64('{"sub":"ada"}')}.`;
    expect(decode(unsecured).header.alg).toBe('none');
    const error = await rejection(verify(unsecured, secret, { ...options, algorithms: ['HS256', 'none' as 'HS256'] }));
    expect(error.code).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    // Exact about the RFC: it is this verifier's rule, not a ban in the standard.
    expect(error.message).toContain('this verifier refuses it');
    expect(error.message).toContain('only where the application explicitly expects an unsecured token');
  });

  it('refuses an algorithm that is not on the allow-list', async () => {
    const error = await rejection(verify(await token(), secret, { ...options, algorithms: ['RS256'] }));
    expect(error.code).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    expect(error.message).toContain('"HS256"');
    expect(error.message).toContain('RS256');
  });

  it('needs an allow-list', async () => {
    const error = await rejection(verify(await token(), secret, {} as VerifyOptions));
    expect(error.message).toContain('algorithms');
  });

  it('refuses a header with no alg', async () => {
    const text = `${b64('{"typ":"JWT"}')}.${b64('{}')}.AAAA`;
    expect((await rejection(verify(text, secret, options))).code).toBe('ERR_JWS_INVALID');
  });

  it('says, when signing, that a header has no alg member rather than calling it "undefined"', async () => {
    const error = await rejection(sign('{"typ":"JWT"}', '{}', secret));
    expect(error.code).toBe('ERR_JOSE_NOT_SUPPORTED');
    expect(error.message).toContain('The header has no "alg" member');
    expect(error.message).not.toContain('undefined');
    expect(error.where?.part).toBe('header');
  });

  it('refuses unknown critical header parameters', async () => {
    const text = await token('{}', '{"alg":"HS256","crit":["exp-ext"],"exp-ext":1}');
    const error = await rejection(verify(text, secret, options));
    expect(error.code).toBe('ERR_JOSE_NOT_SUPPORTED');
    expect(error.message).toContain('"exp-ext"');
    await expect(verify(text, secret, { ...options, crit: ['exp-ext'] })).resolves.toBeDefined();
  });
});

describe('keys', () => {
  let rsa: CryptoKeyPair;
  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
  });

  it('algorithm confusion: an HS256 token signed with the RSA public key PEM is refused', async () => {
    const pem = await exportPem(rsa.publicKey);
    // The attacker signs with the public key's PEM text as an HMAC secret; sign itself refuses that secret,
    // so the HMAC is made by hand here.
    const header = b64('{"alg":"HS256"}');
    const payload = b64('{"sub":"admin"}');
    const hmacKey = await crypto.subtle.importKey('raw', utf8Encode(pem) as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, utf8Encode(`${header}.${payload}`) as Uint8Array<ArrayBuffer>));
    const forged = `${header}.${payload}.${base64urlEncode(mac)}`;

    // A verifier that allows only RS256 stops at the algorithm.
    const first = await rejection(verify(forged, rsa.publicKey, { algorithms: ['RS256'] }));
    expect(first.code).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    // One that allows both still refuses an RSA key as an HMAC secret.
    const second = await rejection(verify(forged, rsa.publicKey, { algorithms: ['RS256', 'HS256'], trace: true }));
    expect(second.code).toBe('ERR_KEY_MISMATCH');
    expect(second.trace?.at(-1)).toMatchObject({ stage: 'key', ok: false });
    // And the PEM text itself is refused as a secret.
    const third = await rejection(verify(forged, utf8Encode(pem), { algorithms: ['HS256'] }));
    expect(third.code).toBe('ERR_KEY_MISMATCH');
  });

  it('refuses a secret for an RSA token and a private key for verifying', async () => {
    const { token: rsToken } = await sign({ alg: 'RS256' }, { sub: 'ada' }, rsa.privateKey);
    expect((await rejection(verify(rsToken, secret, { algorithms: ['RS256'] }))).code).toBe('ERR_KEY_MISMATCH');
    expect((await rejection(verify(rsToken, rsa.privateKey, { algorithms: ['RS256'] }))).code).toBe('ERR_KEY_MISMATCH');
  });
});

describe('tampering', () => {
  it('refuses a changed header, payload or signature', async () => {
    const good = await token('{"sub":"ada","admin":false}');
    const [h, p, s] = good.split('.') as [string, string, string];
    const variants = [
      `${b64('{"alg":"HS256","typ":"JWS"}')}.${p}.${s}`,
      `${h}.${b64('{"sub":"ada","admin":true}')}.${s}`,
      `${h}.${p}.${s[0] === 'A' ? 'B' : 'A'}${s.slice(1)}`,
    ];
    for (const text of variants) {
      const error = await rejection(verify(text, secret, { ...options, trace: true }));
      expect(error.code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
      expect(error.where?.part).toBe('signature');
      expect(error.trace?.at(-1)).toMatchObject({ stage: 'compare', equal: false });
    }
  });
});

describe('claims', () => {
  const exp = (offset: number) => `{"sub":"ada","exp":${nowSeconds + offset}}`;

  it('refuses an expired token, and accepts it within the clock tolerance', async () => {
    const text = await token(exp(-10));
    const error = await rejection(verify(text, secret, options));
    expect(error.code).toBe('ERR_JWT_EXPIRED');
    expect(error.claim).toBe('exp');
    expect(error.message).toContain('2025-12-31T23:59:50Z');
    await expect(verify(text, secret, { ...options, clockTolerance: 30 })).resolves.toBeDefined();
  });

  it('treats exp equal to now as expired (RFC 7519 §4.1.4: "on or after")', async () => {
    expect((await rejection(verify(await token(exp(0)), secret, options))).code).toBe('ERR_JWT_EXPIRED');
  });

  it('refuses a token that is not valid yet', async () => {
    const error = await rejection(verify(await token(`{"nbf":${nowSeconds + 60}}`), secret, options));
    expect(error).toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'nbf', reason: 'check_failed' });
  });

  it('refuses a NumericDate that is not a number', async () => {
    const error = await rejection(verify(await token('{"exp":"1741651200"}'), secret, options));
    expect(error).toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'exp', reason: 'invalid' });
    // The reason names the type expected and the string as written.
    expect(error.message).toContain('NumericDate');
    expect(error.message).toContain('"1741651200"');
  });

  it('with a tolerance, accepts a token up to the second before exp + tolerance, and refuses it at exp + tolerance', async () => {
    const tolerance = 30;
    // The clock is `now`; a token whose exp lies `tolerance - 1` seconds back is still inside the leeway.
    await expect(verify(await token(exp(-(tolerance - 1))), secret, { ...options, clockTolerance: tolerance })).resolves.toBeDefined();
    const error = await rejection(verify(await token(exp(-tolerance)), secret, { ...options, clockTolerance: tolerance }));
    expect(error).toMatchObject({ code: 'ERR_JWT_EXPIRED', claim: 'exp' });
  });

  it('refuses nbf one second in the future, and accepts it within the tolerance', async () => {
    const nbf = (offset: number) => token(`{"nbf":${nowSeconds + offset}}`);
    expect((await rejection(verify(await nbf(1), secret, options))).claim).toBe('nbf');
    await expect(verify(await nbf(0), secret, options)).resolves.toBeDefined();
    await expect(verify(await nbf(5), secret, { ...options, clockTolerance: 5 })).resolves.toBeDefined();
    expect((await rejection(verify(await nbf(6), secret, { ...options, clockTolerance: 5 }))).claim).toBe('nbf');
  });

  it('reads an exp written in milliseconds as seconds, so a token that expired is taken to expire tens of millennia later', async () => {
    // A NumericDate counts seconds (RFC 7519 §2); the core does not guess. Chapter 6 flags such a value.
    const ms = now.getTime() - 60_000;
    const { trace } = await verify(await token(`{"exp":${ms}}`), secret, { ...options, trace: true });
    const step = trace!.find((s) => s.stage === 'claim' && s.claim === 'exp');
    expect(step).toMatchObject({ status: 'passed', value: ms });
    expect((step as { message: string }).message).toContain(String(new Date(ms * 1000).getUTCFullYear()));
    // Read as milliseconds, as meant, it expired a minute ago.
    expect(ms / 1000).toBeLessThan(nowSeconds);
  });

  it('refuses the wrong issuer, audience and subject', async () => {
    const text = await token('{"iss":"https://evil.example","aud":["shop","blog"],"sub":"ada"}');
    const cases: [Partial<VerifyOptions>, string][] = [
      [{ issuer: 'https://auth.example' }, 'iss'],
      [{ audience: 'bank' }, 'aud'],
      [{ subject: 'grace' }, 'sub'],
    ];
    for (const [extra, claim] of cases) {
      const error = await rejection(verify(text, secret, { ...options, ...extra }));
      expect(error).toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim, reason: 'check_failed' });
    }
    await expect(verify(text, secret, { ...options, audience: ['bank', 'blog'], issuer: ['https://evil.example'] })).resolves.toBeDefined();
  });

  it('refuses a missing required claim and a stale token', async () => {
    const text = await token(`{"iat":${nowSeconds - 3600}}`);
    const missing = await rejection(verify(text, secret, { ...options, requiredClaims: ['exp'] }));
    expect(missing).toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'exp', reason: 'missing' });
    const stale = await rejection(verify(text, secret, { ...options, maxTokenAge: 600 }));
    expect(stale).toMatchObject({ code: 'ERR_JWT_EXPIRED', claim: 'iat' });
  });

  it('refuses a revoked jti, and a token with no jti when revocation is checked', async () => {
    const revoked = new Set(['token-1']);
    const isRevoked = (jti: string) => revoked.has(jti);
    const error = await rejection(verify(await token('{"jti":"token-1"}'), secret, { ...options, isRevoked }));
    expect(error).toMatchObject({ code: 'ERR_JWT_REVOKED', claim: 'jti' });
    await expect(verify(await token('{"jti":"token-2"}'), secret, { ...options, isRevoked })).resolves.toBeDefined();
    expect((await rejection(verify(await token('{}'), secret, { ...options, isRevoked }))).reason).toBe('missing');
  });

  it('checks typ in the header when asked', async () => {
    const text = await token('{}', '{"alg":"HS256","typ":"at+jwt"}');
    await expect(verify(text, secret, { ...options, typ: 'application/at+jwt' })).resolves.toBeDefined();
    expect((await rejection(verify(text, secret, { ...options, typ: 'JWT' }))).claim).toBe('typ');
  });
});
