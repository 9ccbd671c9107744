/** The dictionary attack, run against tokens made independently with node:crypto. */
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attackTarget, guessSecret, type GuessProgress } from '../../../src/lib/guess-secret';
import { COMMON_SECRETS, withVariations, wordlist } from '../../../src/lib/wordlist';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** An HMAC token made by node:crypto, not by our core. */
function nodeToken(secret: string | Buffer, alg: 'HS256' | 'HS384' | 'HS512' = 'HS256'): string {
  const input = `${b64(JSON.stringify({ alg, typ: 'JWT' }))}.${b64('{"sub":"ada","admin":false}')}`;
  return `${input}.${createHmac(`sha${alg.slice(2)}`, secret).update(input).digest('base64url')}`;
}

describe('guessSecret', () => {
  it('finds a secret from the list, and says at which guess', async () => {
    const result = await guessSecret(COMMON_SECRETS, attackTarget(nodeToken('password123')));
    expect(result.found).toEqual({ secret: 'password123', guess: COMMON_SECRETS.indexOf('password123') + 1 });
    expect(result.tried).toBe(result.found!.guess);
    expect(result.stopped).toBe(false);
  });

  it.each(['HS384', 'HS512'] as const)('uses the hash the token names (%s)', async (alg) => {
    const result = await guessSecret(['nope', 'changeme', 'later'], attackTarget(nodeToken('changeme', alg)));
    expect(result.found).toEqual({ secret: 'changeme', guess: 2 });
  });

  it('finds a UTF-8 secret byte for byte', async () => {
    const result = await guessSecret(COMMON_SECRETS, attackTarget(nodeToken('contraseña')));
    expect(result.found?.secret).toBe('contraseña');
  });

  it('tries every candidate against a random 256-bit secret and finds nothing', async () => {
    const progress: GuessProgress[] = [];
    const result = await guessSecret(COMMON_SECRETS, attackTarget(nodeToken(randomBytes(32))), {
      onProgress: (p) => progress.push(p),
      progressEvery: 100,
    });
    expect(result.found).toBeUndefined();
    expect(result.tried).toBe(COMMON_SECRETS.length);
    expect(progress.map((p) => p.tried)).toEqual([
      ...Array.from({ length: Math.floor(COMMON_SECRETS.length / 100) }, (_, i) => (i + 1) * 100),
      COMMON_SECRETS.length,
    ]);
    expect(progress.every((p) => p.total === COMMON_SECRETS.length)).toBe(true);
  });

  it('stops when the signal is aborted, without trying further candidates', async () => {
    const controller = new AbortController();
    const result = await guessSecret(COMMON_SECRETS, attackTarget(nodeToken(randomBytes(32))), {
      signal: controller.signal,
      progressEvery: 10,
      onProgress: (p) => p.tried >= 30 && controller.abort(),
    });
    expect(result).toMatchObject({ stopped: true, tried: 30 });
    expect(result.found).toBeUndefined();
  });

  it('times the run with the clock it is given', async () => {
    let clock = 1000;
    const result = await guessSecret(['a', 'b', 'c'], attackTarget(nodeToken('c')), { now: () => (clock += 5) });
    // Started at 1005; each progress snapshot reads the clock once more.
    expect(result.elapsedMs).toBe(5);
    expect(result.found?.guess).toBe(3);
  });

  it('skips an empty candidate instead of failing', async () => {
    expect((await guessSecret(['', 'x'], attackTarget(nodeToken('x')))).found).toEqual({ secret: 'x', guess: 2 });
  });

  it('refuses a token that is not HMAC-signed', () => {
    const rs = `${b64('{"alg":"RS256"}')}.${b64('{}')}.${b64('sig')}`;
    expect(() => attackTarget(rs)).toThrow(/HMAC secrets.*RS256/);
    expect(() => attackTarget('not.a token')).toThrow();
  });
});

describe('wordlist', () => {
  it('holds the secrets the chapter talks about, once each', () => {
    for (const secret of ['password123', 'super-secret', 'changeme', 'secret', 'your-256-bit-secret']) {
      expect(COMMON_SECRETS).toContain(secret);
    }
    expect(new Set(COMMON_SECRETS).size).toBe(COMMON_SECRETS.length);
    expect(COMMON_SECRETS.length).toBeGreaterThanOrEqual(300);
  });

  it('expands each word with case forms, suffixes and years, without repeats', () => {
    const expanded = withVariations(['summer', '123']);
    expect(expanded).toEqual(expect.arrayContaining(['summer', 'Summer2024', 'SUMMER!', 'summer123', '1231999']));
    expect(new Set(expanded).size).toBe(expanded.length);
    // A word with letters has three case forms; a digit string has one.
    expect(expanded.filter((w) => w.toLowerCase().startsWith('summer'))).toHaveLength(3 * (expanded.length / 4));
    expect(wordlist('variations').length).toBeGreaterThan(50 * wordlist('common').length);
    expect(wordlist('common')).toBe(COMMON_SECRETS);
  });
});
