/**
 * Choosing the key from a JWK Set (RFC 7517 §5): by kid, by algorithm, refusals for no key and for several, keys
 * this verifier cannot use skipped with their reason, malformed sets, and jose's createLocalJWKSet as an oracle.
 * Tokens are signed by node:crypto, so the signatures do not come from the code under test.
 */
import { createHmac, generateKeyPairSync, randomBytes, sign as nodeSign, type JsonWebKey as NodeJwk, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { parseKeySet, verifyJwsWithKeySet, verifyWithKeySet, type Algorithm, type KeySelectStep, type VerifyOptions } from '../../../../src/lib/jwt';
import { errorOf, rejection } from '../../support';

type Jwk = Record<string, unknown>;
type Pair = { publicKey: KeyObject; privateKey: KeyObject };

const rsaA = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsaB = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ecA = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ecB = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ec384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const ed = generateKeyPairSync('ed25519');
const x25519 = generateKeyPairSync('x25519');
const secret = randomBytes(32);

const jwkOf = (pair: Pair, extra: Jwk = {}): Jwk => ({ ...(pair.publicKey.export({ format: 'jwk' }) as NodeJwk), ...extra });
const octJwk = (extra: Jwk = {}): Jwk => ({ kty: 'oct', k: secret.toString('base64url'), ...extra });

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const HASH: Record<string, string> = { RS256: 'sha256', RS512: 'sha512', ES256: 'sha256', ES384: 'sha384', HS256: 'sha256' };

/** A token signed by node:crypto, not by the core. */
function nodeToken(header: Jwk & { alg: string }, key: Pair | Buffer, payload: Jwk = { sub: 'ada' }): string {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  const { alg } = header;
  const signature = Buffer.isBuffer(key)
    ? createHmac(HASH[alg]!, key).update(input).digest()
    : alg === 'EdDSA'
      ? nodeSign(null, Buffer.from(input), key.privateKey)
      : alg.startsWith('ES')
        ? nodeSign(HASH[alg]!, Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
        : nodeSign(HASH[alg]!, Buffer.from(input), key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

const ALL: Algorithm[] = ['RS256', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA', 'HS256'];
const options: VerifyOptions = { algorithms: ALL, trace: true };

const selectStep = (trace: readonly { stage: string }[] | undefined) => trace!.find((s) => s.stage === 'key-select') as KeySelectStep;

async function refusal(token: string, keys: Jwk[]) {
  const error = await rejection(verifyWithKeySet(token, parseKeySet({ keys }), options));
  const last = error.trace?.at(-1) as KeySelectStep;
  expect(last.stage).toBe('key-select');
  expect(last.ok).toBe(false);
  expect(last.message).toBe(error.message);
  return error;
}

describe('selecting by kid', () => {
  it('picks the key whose kid the token names, and records why the others were passed over', async () => {
    const keys = [jwkOf(rsaA, { kid: '2024-01' }), jwkOf(rsaB, { kid: '2025-01' })];
    const token = nodeToken({ alg: 'RS256', kid: '2025-01' }, rsaB);
    const { trace, payload } = await verifyWithKeySet(token, parseKeySet({ keys }), options);
    expect(payload).toEqual({ sub: 'ada' });
    const step = selectStep(trace);
    expect(step).toMatchObject({ kid: '2025-01', alg: 'RS256', chosen: 1, ok: true });
    expect(step.keys[0]).toMatchObject({ candidate: false, rejectedBy: 'kid', reason: 'has kid "2024-01"', kty: 'RSA' });
    expect(step.keys[1]).toMatchObject({ candidate: true, kid: '2025-01' });
    expect(step.message).toBe('The key with kid "2025-01" matches the token\'s kid and fits RS256.');
    // The selection comes before the key check, which then sees the chosen key.
    const stages = trace!.map((s) => s.stage);
    expect(stages.indexOf('key-select')).toBe(stages.indexOf('key') - 1);
    expect(stages.indexOf('key-select')).toBeGreaterThan(stages.indexOf('algorithm'));
  });

  it('signs over: the other key with the token’s kid claimed is refused at the signature, not at selection', async () => {
    const keys = [jwkOf(rsaA, { kid: 'a' }), jwkOf(rsaB, { kid: 'b' })];
    const forged = nodeToken({ alg: 'RS256', kid: 'a' }, rsaB);
    const error = await rejection(verifyWithKeySet(forged, parseKeySet({ keys }), options));
    expect(error.code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    expect(selectStep(error.trace)).toMatchObject({ ok: true, chosen: 0 });
  });
});

describe('selecting by algorithm when keys have no kid', () => {
  it('picks the one key of the type the token’s algorithm needs', async () => {
    const set = parseKeySet({ keys: [jwkOf(rsaA), jwkOf(ecA), octJwk()] });
    const es = await verifyWithKeySet(nodeToken({ alg: 'ES256' }, ecA), set, options);
    expect(selectStep(es.trace)).toMatchObject({ chosen: 1, ok: true, kid: undefined });
    expect(selectStep(es.trace).message).toBe('The token has no kid; key 2 (no kid) is the only key in the set that fits ES256.');
    expect(selectStep(es.trace).keys[0]).toMatchObject({ rejectedBy: 'kty', reason: 'is an RSA key, but the token asks for ES256' });
    expect(selectStep(es.trace).keys[2]).toMatchObject({ rejectedBy: 'kty', reason: 'is a shared secret (kty "oct"), but the token asks for ES256' });
    const rs = await verifyWithKeySet(nodeToken({ alg: 'RS256' }, rsaA), set, options);
    expect(selectStep(rs.trace).chosen).toBe(0);
    const hs = await verifyWithKeySet(nodeToken({ alg: 'HS256' }, secret), set, options);
    expect(selectStep(hs.trace).chosen).toBe(2);
  });

  it('tells curves apart: a P-384 key is not a candidate for ES256', async () => {
    const set = parseKeySet({ keys: [jwkOf(ec384), jwkOf(ecA)] });
    const { trace } = await verifyWithKeySet(nodeToken({ alg: 'ES256' }, ecA), set, options);
    expect(selectStep(trace).keys[0]).toMatchObject({ rejectedBy: 'crv', reason: 'is a P-384 EC key, but ES256 needs a P-256 EC key' });
    expect(selectStep(trace).chosen).toBe(1);
    await expect(verifyWithKeySet(nodeToken({ alg: 'ES384' }, ec384), set, options)).resolves.toBeDefined();
  });

  it('uses a key whose alg, use and key_ops allow verifying this algorithm', async () => {
    const keys = [jwkOf(rsaA, { alg: 'RS256', use: 'sig', key_ops: ['verify'] })];
    await expect(verifyWithKeySet(nodeToken({ alg: 'RS256' }, rsaA), parseKeySet({ keys }), options)).resolves.toBeDefined();
  });
});

describe('no key fits', () => {
  it('names the kid nobody has, and the kids the set has', async () => {
    const keys = [jwkOf(rsaA, { kid: '2024-01' }), jwkOf(rsaB, { kid: '2025-01' })];
    const error = await refusal(nodeToken({ alg: 'RS256', kid: '2024-06' }, rsaA), keys);
    expect(error.code).toBe('ERR_JWKS_NO_MATCHING_KEY');
    expect(error.message).toBe('No key in the set has kid "2024-06"; the set has "2024-01" and "2025-01".');
    expect((await refusal(nodeToken({ alg: 'RS256', kid: 'x' }, rsaA), [jwkOf(rsaA)])).message)
      .toBe('No key in the set has kid "x"; none of its keys has a kid.');
  });

  it('says what is wrong with the key the kid names', async () => {
    const cases: [Jwk, string, Pair | Buffer, string][] = [
      [jwkOf(rsaA, { kid: 'a' }), 'ES256', ecA, 'The key with kid "a" is an RSA key, but the token asks for ES256.'],
      [jwkOf(ecA, { kid: 'a', use: 'enc' }), 'ES256', ecA, 'The key with kid "a" is for encryption (use: enc).'],
      [jwkOf(ecA, { kid: 'a', key_ops: ['sign'] }), 'ES256', ecA, 'The key with kid "a" may only "sign" (its key_ops), not "verify".'],
      [jwkOf(rsaA, { kid: 'a', alg: 'RS512' }), 'RS256', rsaA, 'The key with kid "a" is marked for "RS512" (its "alg"), but the token asks for RS256.'],
      [octJwk({ kid: 'a' }), 'RS256', rsaA, 'The key with kid "a" is a shared secret (kty "oct"), but the token asks for RS256.'],
    ];
    for (const [jwk, alg, signer, message] of cases) {
      const error = await refusal(nodeToken({ alg, kid: 'a' }, signer), [jwk, jwkOf(rsaB, { kid: 'b' })]);
      expect(error.code, message).toBe('ERR_JWKS_NO_MATCHING_KEY');
      expect(error.message).toBe(message);
      expect(error.where?.part).toBe('key');
    }
  });

  it('without a kid, lists why each key does not fit', async () => {
    const error = await refusal(nodeToken({ alg: 'ES256' }, ecA), [jwkOf(rsaA, { kid: 'r' }), jwkOf(ed)]);
    expect(error.message).toBe('No key in the set can verify this ES256 token: the key with kid "r" is an RSA key, but the token asks for ES256; key 2 (no kid) is an Ed25519 key, but the token asks for ES256.');
  });

  it('refuses an empty set and a kid that is not a string', async () => {
    expect((await refusal(nodeToken({ alg: 'ES256' }, ecA), [])).message).toBe('The key set is empty: there is no key to verify with.');
    expect((await refusal(nodeToken({ alg: 'ES256', kid: 7 }, ecA), [jwkOf(ecA)])).message).toBe('The header\'s kid is a number, but a kid is a string: no key can match it.');
  });
});

describe('more than one key fits', () => {
  it('refuses two keys with the same kid, naming them', async () => {
    const set = parseKeySet({ keys: [jwkOf(ecA, { kid: 'k' }), jwkOf(rsaA, { kid: 'k' }), jwkOf(ecB, { kid: 'k' })] });
    expect(set.warnings).toEqual(['Keys 1 and 3 share kid "k"; RFC 7517 asks for distinct kids within a set, so a token with this kid cannot say which key signed it.']);
    const error = await rejection(verifyWithKeySet(nodeToken({ alg: 'ES256', kid: 'k' }, ecA), set, options));
    expect(error.code).toBe('ERR_JWKS_MULTIPLE_MATCHING_KEYS');
    expect(error.message).toBe('2 keys in the set have kid "k" and fit ES256 (keys 1 and 3): the verifier cannot tell which one signed, so it refuses. Keys of one type in a set need distinct kids.');
    expect(selectStep(error.trace)).toMatchObject({ ok: false, chosen: -1 });
    expect(selectStep(error.trace).keys.map((k) => k.candidate)).toEqual([true, false, true]);
  });

  it('refuses a token without kid when several keys fit, and says the token should carry one', async () => {
    const keys = [jwkOf(ecA, { kid: 'old' }), jwkOf(ecB, { kid: 'new' })];
    const error = await refusal(nodeToken({ alg: 'ES256' }, ecB), keys);
    expect(error.code).toBe('ERR_JWKS_MULTIPLE_MATCHING_KEYS');
    expect(error.message).toBe('The token has no kid, and 2 keys in the set fit ES256 (kid "old" and kid "new"): the token should carry a kid to say which one signed it.');
  });
});

describe('keys this verifier cannot use', () => {
  it('are kept in the set, marked with the reason, and skipped', async () => {
    const { d: _d, ...rsaPrivate } = rsaA.privateKey.export({ format: 'jwk' }) as NodeJwk;
    const keys: Jwk[] = [
      { ...(x25519.publicKey.export({ format: 'jwk' }) as NodeJwk), kid: 'x' },
      { kty: 'XYZ', kid: 'odd' },
      { kty: 'EC', crv: 'secp256k1', x: 'AA', y: 'AA' },
      { ...(rsaA.privateKey.export({ format: 'jwk' }) as NodeJwk), kid: 'leaked' },
      { kty: 'RSA', n: rsaPrivate.n, kid: 'half' },
      { kty: 'RSA', n: 'ab+c', e: 'AQAB' },
      { ...jwkOf(ecA), kid: 5 },
      jwkOf(ecA, { kid: 'good' }),
    ];
    const set = parseKeySet({ keys });
    expect(set.entries.map((e) => e.unusable)).toEqual([
      'crv "X25519" is for key agreement (ECDH-ES), not for signatures',
      'kty "XYZ" is not a key type this verifier supports (RSA, EC, OKP, oct)',
      'crv "secp256k1" is not a curve JWS signs with (P-256, P-384, P-521)',
      'it holds the private key ("d", "p", "q", "dp", "dq", "qi"), and a verifier\'s set must hold public keys only',
      'the JWK has no "e" member; an RSA key needs "n" and "e"',
      expect.stringContaining('the JWK\'s "n" member'),
      'its "kid" is a number, but a kid is a string',
      undefined,
    ]);
    expect(set.warnings).toEqual(['The key with kid "leaked" holds a private key. A set handed to verifiers must never contain one: whoever reads it can sign tokens.']);
    const { trace } = await verifyWithKeySet(nodeToken({ alg: 'ES256' }, ecA), set, options);
    const step = selectStep(trace);
    expect(step.chosen).toBe(7);
    expect(step.keys.slice(0, 7).every((k) => k.rejectedBy === 'unusable' && k.reason!.startsWith('is skipped: '))).toBe(true);
    // A token that names an unusable key is told why that key was skipped.
    const error = await refusal(nodeToken({ alg: 'EdDSA', kid: 'x' }, ed), keys);
    expect(error.message).toBe('The key with kid "x" is skipped: crv "X25519" is for key agreement (ECDH-ES), not for signatures.');
  });
});

describe('malformed sets', () => {
  it('are refused with a message that says what a set must be', () => {
    const cases: [unknown, string][] = [
      [[], 'A JWK Set is a JSON object, {"keys": [ … ]}, but this is an array.'],
      [5, 'A JWK Set is a JSON object, {"keys": [ … ]}, but this is a number.'],
      [{}, 'The JWK Set has no "keys" member; a set is {"keys": [ … ]}.'],
      [jwkOf(ecA), 'This is a single JWK, not a JWK Set: put it inside a set, {"keys": [ … ]}.'],
      [{ keys: {} }, 'The JWK Set\'s "keys" member must be an array of keys, but it is an object.'],
      [{ keys: [jwkOf(ecA), 'AQAB'] }, 'Key 2 in the set is a string, but each key in a JWK Set is a JSON object.'],
      [{ keys: [null] }, 'Key 1 in the set is null, but each key in a JWK Set is a JSON object.'],
    ];
    for (const [value, message] of cases) {
      const error = errorOf(() => parseKeySet(value));
      expect(error.code).toBe('ERR_JWKS_INVALID');
      expect(error.message).toBe(message);
    }
  });

  it('from text: a member written twice is refused with both places, and "keys" is located', () => {
    const text = '{"keys": [\n  {"kty": "EC", "kty": "RSA"}\n]}';
    const twice = errorOf(() => parseKeySet(text));
    const line = text.split('\n')[1]!;
    const first = line.indexOf('"kty"') + 1;
    const second = line.indexOf('"kty"', first) + 1;
    expect(twice).toMatchObject({ code: 'ERR_JWKS_INVALID', member: 'kty', where: { part: 'key', line: 2, column: second }, related: { line: 2, column: first } });
    expect(twice.message).toContain('The JWK Set has the member "kty" twice');
    const notArray = errorOf(() => parseKeySet('{\n "keys": 3}'));
    expect(notArray.message).toBe('The JWK Set\'s "keys" member must be an array of keys, but it is a number.');
    expect(notArray.where).toMatchObject({ part: 'key', line: 2, column: ' "keys": 3'.indexOf('3') + 1 });
    expect(errorOf(() => parseKeySet('[1]')).message).toContain('JWK Set');
    expect(errorOf(() => parseKeySet('  ')).message).toBe('There is no key set here yet: paste a JWK Set, {"keys": [ … ]}.');
  });
});

describe('tokens signed by node:crypto verify through a set read from text', () => {
  it('RS256, ES256, EdDSA and HS256 (a kty "oct" key)', async () => {
    const text = JSON.stringify({ keys: [jwkOf(rsaA, { kid: 'r' }), jwkOf(ecA, { kid: 'e' }), jwkOf(ed, { kid: 'd' }), octJwk({ kid: 'h' })] }, null, 2);
    const set = parseKeySet(text);
    const cases: [string, string, Pair | Buffer, number][] = [['RS256', 'r', rsaA, 0], ['ES256', 'e', ecA, 1], ['EdDSA', 'd', ed, 2], ['HS256', 'h', secret, 3]];
    for (const [alg, kid, key, index] of cases) {
      const result = await verifyWithKeySet(nodeToken({ alg, kid }, key, { n: index }), set, options);
      expect(result.payload).toEqual({ n: index });
      expect(selectStep(result.trace).chosen).toBe(index);
      // Without tracing, the same selection.
      await expect(verifyWithKeySet(nodeToken({ alg, kid }, key), set, { algorithms: ALL })).resolves.toBeDefined();
    }
    // A JWS whose payload is any bytes verifies through a set too; a single key is not taken for a set.
    const jws = nodeToken({ alg: 'ES256', kid: 'e' }, ecA);
    expect((await verifyJwsWithKeySet(jws, set, { algorithms: ['ES256'], trace: true })).trace!.some((s) => s.stage === 'key-select')).toBe(true);
    // The allow-list still comes first: a set never widens it.
    const error = await rejection(verifyWithKeySet(nodeToken({ alg: 'HS256', kid: 'h' }, secret), set, { algorithms: ['RS256'], trace: true }));
    expect(error.code).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    expect(error.trace!.some((s) => s.stage === 'key-select')).toBe(false);
  });
});

describe('jose as an oracle (createLocalJWKSet + jwtVerify)', () => {
  const signers: { alg: Algorithm; pair: Pair }[] = [
    { alg: 'RS256', pair: rsaA }, { alg: 'RS256', pair: rsaB }, { alg: 'ES256', pair: ecA }, { alg: 'ES256', pair: ecB },
    { alg: 'ES384', pair: ec384 }, { alg: 'EdDSA', pair: ed },
  ];
  const ASYMMETRIC: Algorithm[] = ['RS256', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
  // Mostly absent, so that many generated sets have a key that fits.
  const member = <T>(...values: T[]) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom(...values), weight: 1 });
  const keyArb = fc.record({
    signer: fc.nat(signers.length - 1),
    kid: member('a', 'b'),
    alg: member('RS256', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'),
    use: member('sig', 'sig', 'enc'),
    // Only "verify" with nothing else beside it: jose hands key_ops to WebCrypto as they are, which refuses
    // ["sign", "verify"] for a public key, while this verifier imports the key for verifying only, as importJwk does.
    key_ops: member(['verify'], ['sign'], []),
  });

  // jose 6 refuses as this verifier does when more than one key fits (ERR_JWKS_MULTIPLE_MATCHING_KEYS); its error
  // also lets the caller try each fitting key in turn (for await … of error), which this verifier does not offer.
  it('agrees with jose on every generated set: the same key accepted, or the same refusal (no key, several keys, a bad signature)', async () => {
    const seen = { accepted: 0, ambiguous: 0, noKey: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(keyArb, { maxLength: 5 }), fc.nat(signers.length - 1), member('a', 'b'), async (specs, signerIndex, kid) => {
        const keys = specs.map(({ signer, ...extra }) => {
          const jwk = jwkOf(signers[signer]!.pair);
          for (const [name, value] of Object.entries(extra)) if (value !== undefined) jwk[name] = value;
          return jwk;
        });
        const { alg, pair } = signers[signerIndex]!;
        const token = nodeToken(kid === undefined ? { alg } : { alg, kid }, pair);

        let theirs: { key: JsonWebKey } | { code: string };
        try {
          const { key } = await jose.jwtVerify(token, jose.createLocalJWKSet({ keys } as jose.JSONWebKeySet), { algorithms: ASYMMETRIC });
          theirs = { key: await crypto.subtle.exportKey('jwk', key as CryptoKey) };
        } catch (error) {
          theirs = { code: (error as { code: string }).code };
        }
        let ours: { chosen: number } | { code: string };
        try {
          const { trace } = await verifyWithKeySet(token, parseKeySet({ keys }), { algorithms: ASYMMETRIC, trace: true });
          ours = { chosen: selectStep(trace).chosen };
        } catch (error) {
          ours = { code: (error as { code: string }).code };
        }

        if ('key' in theirs) {
          expect(ours).toHaveProperty('chosen');
          const chosen = keys[(ours as { chosen: number }).chosen]!;
          const id = (k: Record<string, unknown>) => k.n ?? k.x;
          expect(id(chosen)).toBe(id(theirs.key as Record<string, unknown>));
          seen.accepted++;
        } else {
          expect(ours).toEqual({ code: theirs.code });
          if (theirs.code === 'ERR_JWKS_NO_MATCHING_KEY') seen.noKey++;
          if (theirs.code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') seen.ambiguous++;
        }
      }),
      { numRuns: 300 },
    );
    // The generated sets reach every outcome.
    expect(Object.values(seen).every((n) => n > 0), JSON.stringify(seen)).toBe(true);
  });

  it('refuses as jose does where several keys fit, though jose’s error lets its caller try each of them', async () => {
    const keys = [jwkOf(ecA), jwkOf(ecB)];
    const token = nodeToken({ alg: 'ES256' }, ecB);
    const error = await jose.jwtVerify(token, jose.createLocalJWKSet({ keys } as jose.JSONWebKeySet)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_JWKS_MULTIPLE_MATCHING_KEYS' });
    let tried = 0;
    for await (const key of error as AsyncIterable<CryptoKey>) {
      tried++;
      void key;
    }
    expect(tried).toBe(2);
    expect((await rejection(verifyWithKeySet(token, parseKeySet({ keys }), { algorithms: ['ES256'] }))).code).toBe('ERR_JWKS_MULTIPLE_MATCHING_KEYS');
  });

  it('differs from jose on HMAC: jose refuses a set for HS256, this verifier accepts a kty "oct" key in a local set', async () => {
    const token = nodeToken({ alg: 'HS256', kid: 'h' }, secret);
    const keys = [octJwk({ kid: 'h' })];
    await expect(jose.jwtVerify(token, jose.createLocalJWKSet({ keys } as jose.JSONWebKeySet))).rejects.toMatchObject({ code: 'ERR_JOSE_NOT_SUPPORTED' });
    await expect(verifyWithKeySet(token, parseKeySet({ keys }), { algorithms: ['HS256'] })).resolves.toBeDefined();
  });
});
