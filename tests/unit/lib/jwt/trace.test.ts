/** The traces: each stage's bytes follow from the one before, and agree with WebCrypto. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ALGORITHMS, base64urlDecode, base64urlEncode, bytesToBigInt, DIGEST_INFO_PREFIX, generateKeyPair, JwtError,
  modPow, secretFromText, sign, toHex, utf8Encode, verify, type Algorithm, type Step,
} from '../../../../src/lib/jwt';

function stage<S extends Step['stage']>(steps: Step[] | undefined, name: S): Extract<Step, { stage: S }>[] {
  return (steps ?? []).filter((s): s is Extract<Step, { stage: S }> => s.stage === name);
}

const secret = secretFromText('a-long-enough-secret-for-hs256!!');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('HS256 generation trace', () => {
  it('goes JSON → UTF-8 → base64url → signing input → HMAC → base64url → token', async () => {
    const header = '{"alg":"HS256","typ":"JWT"}';
    const payload = '{"name":"Zoë 日本","n":1}';
    const { token, trace } = await sign(header, payload, secret, { trace: true });
    expect(trace!.map((s) => s.stage)).toEqual([
      'utf8', 'base64url', 'utf8', 'base64url', 'signing-input', 'hmac-key', 'hmac-inner', 'hmac-outer', 'base64url', 'token',
    ]);
    const [headerUtf8, payloadUtf8] = stage(trace, 'utf8');
    expect(headerUtf8!.bytes.length).toBe(27);
    // "ë" is two bytes, each CJK character three.
    expect(payloadUtf8!.bytes.length).toBe(payload.length + 1 + 2 * 2);
    const [h64, p64, s64] = stage(trace, 'base64url');
    expect(h64!.text).toBe(base64urlEncode(headerUtf8!.bytes));
    expect(p64!.text).toBe(base64urlEncode(payloadUtf8!.bytes));
    const input = stage(trace, 'signing-input')[0]!;
    expect(input.text).toBe(`${h64!.text}.${p64!.text}`);
    const outer = stage(trace, 'hmac-outer')[0]!;
    expect(toHex(s64!.bytes)).toBe(toHex(outer.mac));
    expect(token).toBe(`${input.text}.${s64!.text}`);
    expect(stage(trace, 'hmac-key')[0]).toMatchObject({ weak: false, keyWasHashed: false, minimumBytes: 32 });
  });

  it('hashes a key longer than the block and flags a short one', async () => {
    const long = await sign({ alg: 'HS256' }, {}, new Uint8Array(100).fill(7), { trace: true });
    const keyStep = stage(long.trace, 'hmac-key')[0]!;
    expect(keyStep.keyWasHashed).toBe(true);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(100).fill(7)));
    expect(toHex(keyStep.keyBlock.slice(0, 32))).toBe(toHex(digest));
    expect(keyStep.keyBlock.slice(32).every((b) => b === 0)).toBe(true);
    const short = await sign({ alg: 'HS256' }, {}, secretFromText('secret'), { trace: true });
    expect(stage(short.trace, 'hmac-key')[0]!.weak).toBe(true);
  });

  it('without trace, returns the same token and no steps', async () => {
    const traced = await sign({ alg: 'HS512' }, { a: 1 }, secret, { trace: true });
    const plain = await sign({ alg: 'HS512' }, { a: 1 }, secret);
    expect(plain.token).toBe(traced.token);
    expect(plain.trace).toBeUndefined();
  });

  it('surfaces a disagreement with WebCrypto as an error', async () => {
    const real = crypto.subtle.sign.bind(crypto.subtle);
    vi.spyOn(crypto.subtle, 'sign').mockImplementation(async (...args: Parameters<SubtleCrypto['sign']>) => {
      const out = new Uint8Array(await real(...args));
      out[0]! ^= 1;
      return out.buffer;
    });
    const error = await sign({ alg: 'HS256' }, {}, secret, { trace: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JwtError);
    expect((error as JwtError).code).toBe('ERR_TRACE_MISMATCH');
  });
});

describe('HS256 verification trace', () => {
  it('compares byte by byte, with the verdict from WebCrypto', async () => {
    const { token } = await sign({ alg: 'HS256' }, { sub: 'ada' }, secret);
    const ok = await verify(token, secret, { algorithms: ['HS256'], trace: true });
    expect(ok.trace!.map((s) => s.stage)).toEqual([
      'split', 'decode', 'decode', 'decode', 'algorithm', 'key', 'hmac-key', 'hmac-inner', 'hmac-outer', 'compare', 'claim', 'claim', 'claim',
    ]);
    expect(stage(ok.trace, 'compare')[0]).toMatchObject({ equal: true, firstDifference: -1, naiveBytesExamined: 32 });

    const [h, p, s] = token.split('.') as [string, string, string];
    const sig = base64urlDecode(s);
    sig[5]! ^= 0xff;
    const error = await verify(`${h}.${p}.${base64urlEncode(sig)}`, secret, { algorithms: ['HS256'], trace: true }).then(() => { throw new Error('expected a rejection'); }, (e: JwtError) => e);
    const compare = stage(error.trace, 'compare')[0]!;
    expect(compare).toMatchObject({ equal: false, firstDifference: 5, naiveBytesExamined: 6 });
    expect(error.message).toContain('byte 6');
  });

  it('shows each claim check with the clock used', async () => {
    const { token } = await sign({ alg: 'HS256' }, { exp: 2000, nbf: 1000 }, secret);
    const result = await verify(token, secret, { algorithms: ['HS256'], currentDate: new Date(1500_000), trace: true, clockTolerance: 5 });
    const claims = stage(result.trace, 'claim');
    expect(claims.map((c) => [c.claim, c.status, c.now, c.tolerance])).toEqual([
      ['iat', 'absent', 1500, 5], ['nbf', 'passed', 1500, 5], ['exp', 'passed', 1500, 5],
    ]);
    expect(claims[0]!.message).toContain('no iat');
  });

  it('marks a claim that is absent, or present with no rule for it, apart from a pass', async () => {
    const statuses = async (payload: Record<string, unknown>, options: { maxTokenAge?: number; requiredClaims?: string[] } = {}) => {
      const { token } = await sign({ alg: 'HS256' }, payload, secret);
      const trace = await verify(token, secret, { algorithms: ['HS256'], currentDate: new Date(1500_000), trace: true, ...options }).then(
        (result) => result.trace,
        (error: JwtError) => error.trace,
      );
      return Object.fromEntries(stage(trace, 'claim').map((c) => [c.name ?? c.claim, c.status]));
    };
    // No nbf and no exp: nothing to check, which is not a pass; iat is there but no maximum age asks about it.
    expect(await statuses({ iat: 1000 })).toEqual({ iat: 'unchecked', nbf: 'absent', exp: 'absent' });
    expect(await statuses({ nbf: 1000, exp: 2000 })).toMatchObject({ nbf: 'passed', exp: 'passed' });
    expect(await statuses({ nbf: 1600 })).toMatchObject({ nbf: 'failed' });
    expect(await statuses({ iat: 1400 }, { maxTokenAge: 600 })).toMatchObject({ iat: 'passed', nbf: 'absent' });
    // A claim the verifier needs is a failure when absent, never "absent".
    expect(await statuses({}, { maxTokenAge: 600 })).toEqual({ iat: 'failed' });
    expect(await statuses({}, { requiredClaims: ['sub'] })).toEqual({ sub: 'failed' });
  });
});

describe('RSA PKCS#1 v1.5 traces', () => {
  let keys: CryptoKeyPair;
  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
  });

  it('signing: digest → DigestInfo → EM = 00 01 FF…FF 00 ‖ DigestInfo → s, with s^e mod n = m', async () => {
    const { token, trace } = await sign({ alg: 'RS256' }, { sub: 'ada' }, keys.privateKey, { trace: true });
    const digest = stage(trace, 'digest')[0]!;
    const expectedDigest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8Encode(token.split('.').slice(0, 2).join('.')) as Uint8Array<ArrayBuffer>));
    expect(toHex(digest.digest)).toBe(toHex(expectedDigest));
    const encoded = stage(trace, 'rsa-encode')[0]!;
    expect(encoded.em.length).toBe(256);
    expect(toHex(encoded.em.slice(0, 2))).toBe('0001');
    expect(encoded.em.slice(2, 2 + encoded.paddingBytes).every((b) => b === 0xff)).toBe(true);
    expect(encoded.em[2 + encoded.paddingBytes]).toBe(0);
    expect(toHex(encoded.em.slice(-51))).toBe(toHex(DIGEST_INFO_PREFIX['SHA-256']) + toHex(digest.digest));
    const signed = stage(trace, 'rsa-sign')[0]!;
    expect(signed.m).toBe(bytesToBigInt(encoded.em));
    expect(modPow(signed.s, signed.e, signed.n)).toBe(signed.m);
    expect(base64urlEncode(signed.signature)).toBe(token.split('.')[2]);
  });

  it('verifying: s^e mod n gives back EM; a tampered payload gives a different digest', async () => {
    const { token } = await sign({ alg: 'RS256' }, { sub: 'ada' }, keys.privateKey);
    const ok = await verify(token, keys.publicKey, { algorithms: ['RS256'], trace: true });
    const opened = stage(ok.trace, 'rsa-public')[0]!;
    expect(toHex(opened.em)).toBe(toHex(stage(ok.trace, 'rsa-encode')[0]!.em));
    expect(stage(ok.trace, 'compare')[0]).toMatchObject({ what: 'encoded-message', equal: true });

    const [h, , s] = token.split('.');
    const tampered = `${h}.${base64urlEncode(utf8Encode('{"sub":"eve"}'))}.${s}`;
    const error = await verify(tampered, keys.publicKey, { algorithms: ['RS256'], trace: true }).then(() => { throw new Error('expected a rejection'); }, (e: JwtError) => e);
    expect(error.code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    const compare = stage(error.trace, 'compare')[0]!;
    // The padding still matches; the difference is in the digest at the end.
    expect(compare.firstDifference).toBeGreaterThanOrEqual(256 - 32);
  });
});

describe('algorithms whose signatures cannot be recomputed', () => {
  for (const alg of ALGORITHMS.filter((a) => /^(PS|ES|Ed)/.test(a)) as Algorithm[]) {
    it(`${alg}: signs, verifies, and says whether signing is randomised`, async () => {
      const keys = await generateKeyPair(alg);
      const first = await sign({ alg }, { sub: 'ada' }, keys.privateKey, { trace: true });
      const second = await sign({ alg }, { sub: 'ada' }, keys.privateKey);
      const opaque = stage(first.trace, 'opaque-sign')[0]!;
      expect(opaque.randomized).toBe(alg !== 'EdDSA');
      expect(first.token !== second.token).toBe(alg !== 'EdDSA');
      expect(stage(first.trace, 'digest').length).toBe(alg === 'EdDSA' ? 0 : 1);
      if (alg.startsWith('ES')) expect(opaque.r!.length + opaque.s!.length).toBe(opaque.signature.length);
      const result = await verify(first.token, keys.publicKey, { algorithms: [alg], trace: true });
      expect(stage(result.trace, 'opaque-verify')[0]!.valid).toBe(true);
    });
  }
});
