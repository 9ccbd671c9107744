import { constants, createHash, createPublicKey, publicDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIGEST_INFO_PREFIX, exportJwk, generateKeyPair, importJwk, parseKeySet, publicJwk, secretFromText, sign, verify, verifyWithKeySet, type JwtError } from '../../../../src/lib/jwt';
import { acceptedText, STATUS_MARKS, stagesOf } from '../../../../src/components/visualizer/stages';
import { RFC7515_A2_HEADER, RFC7515_A2_JWK, RFC7515_A2_PAYLOAD, RFC7515_A2_TOKEN } from '../../../../src/components/widgets/rfc7515-example';
import { BEFORE_EXPIRY } from '../../vectors';

const secret = secretFromText('a-long-enough-secret-for-hs256!!');

describe('stages of a generation trace', () => {
  it('name the learner\'s own numbers', async () => {
    const { trace } = await sign('{"alg":"HS256","typ":"JWT"}', '{"name":"Zoë 日本"}', secret, { trace: true });
    const stages = stagesOf(trace!);
    const byKey = Object.fromEntries(stages.map((s) => [s.key, s]));
    expect(byKey['utf8:header']!.explanation).toContain('27 header characters become 27 UTF-8 bytes');
    expect(byKey['base64url:header']!.explanation).toContain('27 header bytes become 36 base64url characters');
    expect(byKey['base64url:header']!.explanation).toContain('9 full groups');
    // 17 characters, 3 of them outside ASCII: 14 + 2 + 3 + 3 = 22 bytes → 30 characters.
    expect(byKey['utf8:payload']!.explanation).toContain('17 payload characters become 22 UTF-8 bytes');
    expect(byKey['utf8:payload']!.explanation).toContain('3 of the characters are outside ASCII');
    expect(byKey['base64url:payload']!.explanation).toContain('a last group of 1 byte written as 2 characters');
    expect(byKey['base64url:signature']!.explanation).toContain('32 signature bytes become 43 base64url characters');
    expect(byKey['hmac-key']!.explanation).toContain('padded with 32 zero bytes to 64');
    expect(byKey['hmac-outer']!.explanation).toContain('identical');
    expect(byKey['hmac-inner']!.explanation).toContain('of the signing input are appended');
    // HMAC up close signs a plain message, not a JWT's signing input.
    const plain = Object.fromEntries(stagesOf(trace!, false, 'the message').map((s) => [s.key, s]));
    expect(plain['hmac-inner']!.explanation).toContain(`${Buffer.byteLength(trace!.find((s) => s.stage === 'signing-input')!.text)} bytes of the message are appended`);
    expect(stages.every((s) => s.status === 'neutral')).toBe(true);
  });

  it('count characters as a person sees them, and name the other counts when they differ', async () => {
    // A family emoji is one character: 5 code points (three people, two joiners), 8 UTF-16 code units, 18 bytes.
    const { trace } = await sign('{"alg":"HS256"}', '{"f":"\u{1F468}\u200D\u{1F469}\u200D\u{1F467}"}', secret, { trace: true });
    const payload = stagesOf(trace!).find((s) => s.key === 'utf8:payload')!;
    expect(payload.explanation).toContain('Your 9 payload characters (as you see them: 13 code points, 16 UTF-16 code units for JavaScript\'s length) become 26 UTF-8 bytes.');
    expect(payload.explanation).toContain('5 of the code points are outside ASCII');
  });

  it('keep the same keys when an input changes, so the stepper stays on its stage', async () => {
    const a = await sign({ alg: 'HS256' }, { a: 1 }, secret, { trace: true });
    const b = await sign({ alg: 'HS256' }, { a: 'much longer' }, secretFromText('other'), { trace: true });
    expect(stagesOf(a.trace!).map((s) => s.key)).toEqual(stagesOf(b.trace!).map((s) => s.key));
    expect(new Set(stagesOf(a.trace!).map((s) => s.key)).size).toBe(a.trace!.length);
  });
});

describe('stages of a verification trace', () => {
  it('mark passed checks, and the failing stage of a refused token', async () => {
    const { token } = await sign({ alg: 'HS256' }, { exp: 100 }, secret);
    const ok = await verify(token, secret, { algorithms: ['HS256'], currentDate: new Date(50_000), trace: true });
    const passed = stagesOf(ok.trace!);
    expect(passed.find((s) => s.key === 'compare')!.status).toBe('ok');
    expect(passed.find((s) => s.key === 'claim:exp')!.status).toBe('ok');

    const error = await verify(token, secret, { algorithms: ['HS256'], currentDate: new Date(200_000), trace: true }).then(
      () => { throw new Error('expected a rejection'); },
      (e: JwtError) => e,
    );
    const failed = stagesOf(error.trace!, true);
    expect(failed.at(-1)).toMatchObject({ key: 'claim:exp', status: 'fail', label: 'Check exp' });
    expect(failed.at(-1)!.explanation).toContain('Expired');
  });

  it('mark a claim that was not checked apart from a pass, in words and sign', async () => {
    const { token } = await sign({ alg: 'HS256' }, { iat: 10, exp: 100 }, secret);
    const { trace } = await verify(token, secret, { algorithms: ['HS256'], currentDate: new Date(50_000), trace: true });
    const byKey = Object.fromEntries(stagesOf(trace!).map((s) => [s.key, [s.status, s.verdict, STATUS_MARKS[s.status]]]));
    expect(byKey['claim:nbf']).toEqual(['unchecked', 'not present, not checked', '–']);
    expect(byKey['claim:iat']).toEqual(['unchecked', 'not checked', '–']);
    expect(byKey['claim:exp']).toEqual(['ok', 'passed', '✓']);
    expect(byKey['split']).toEqual(['neutral', '', '']);
  });

  it('say on acceptance which claims were not there to check, and that no exp means no expiry', async () => {
    const verified = async (payload: Record<string, unknown>, maxTokenAge?: number) => {
      const { token } = await sign({ alg: 'HS256' }, payload, secret);
      const { trace } = await verify(token, secret, { algorithms: ['HS256'], currentDate: new Date(50_000), maxTokenAge, trace: true });
      return acceptedText(stagesOf(trace!));
    };
    expect(await verified({ iat: 10, nbf: 10, exp: 100 }, 3600)).toBe('The signature matches and every claim check passed.');
    const bare = await verified({ sub: 'x' });
    expect(bare).toContain('Not in the token, so not checked: iat, nbf and exp.');
    expect(bare).toContain('Without exp, this token never expires.');
    const noNbf = await verified({ iat: 10, exp: 100 });
    expect(noNbf).toContain('Not in the token, so not checked: nbf.');
    expect(noNbf).not.toContain('never expires');
    expect(noNbf).toContain('Shown for information, no rule set: iat.');
  });
});

describe('stages of an RS256 trace (RFC 7515 A.2)', () => {
  const k = Buffer.from(RFC7515_A2_JWK.n, 'base64url').length;
  const e = BigInt(`0x${Buffer.from(RFC7515_A2_JWK.e, 'base64url').toString('hex')}`);
  const nodePublic = createPublicKey({ key: { kty: 'RSA', n: RFC7515_A2_JWK.n, e: RFC7515_A2_JWK.e }, format: 'jwk' });
  const refused = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (err: JwtError) => err);
  const verifyA2 = async (token: string) =>
    verify(token, await importJwk(publicJwk(RFC7515_A2_JWK), 'RS256'), { algorithms: ['RS256'], currentDate: BEFORE_EXPIRY, trace: true });

  it('name the key size, the FF count and e, and correct "encrypting the hash"', async () => {
    const { trace } = await sign(RFC7515_A2_HEADER, RFC7515_A2_PAYLOAD, await importJwk(RFC7515_A2_JWK, 'RS256'), { trace: true });
    const byKey = Object.fromEntries(stagesOf(trace!).map((s) => [s.key, s]));
    const ffCount = k - 3 - DIGEST_INFO_PREFIX['SHA-256'].length - 32;
    expect(byKey['digest']!.explanation).toContain(`SHA-256 of the ${RFC7515_A2_TOKEN.lastIndexOf('.')} bytes of the signing input gives a 32-byte digest`);
    expect(byKey['rsa-encode']!.explanation).toContain(`${k * 8}-bit modulus`);
    expect(byKey['rsa-encode']!.explanation).toContain(`k = ${k} bytes`);
    expect(byKey['rsa-encode']!.explanation).toContain(`00 01, then ${ffCount} bytes of FF, then 00`);
    expect(byKey['rsa-sign']!.explanation).toContain('not "encrypting the hash"');
    expect(byKey['rsa-sign']!.explanation).toContain(`e = ${e} (0x${e.toString(16)})`);
    expect(byKey['rsa-sign']!.explanation).toContain('gives back m exactly');
  });

  it('say that EM′ of the genuine token has EM\'s shape and that every byte matches', async () => {
    const { trace } = await verifyA2(RFC7515_A2_TOKEN);
    const byKey = Object.fromEntries(stagesOf(trace!).map((s) => [s.key, s]));
    expect(byKey['rsa-public']!.explanation).toContain(`writes it as ${k} bytes, EM′`);
    expect(byKey['rsa-public']!.explanation).toContain('has the shape of an encoded message');
    expect(byKey['compare']!.explanation).toContain(`All ${k} bytes of the encoded message EM the verifier built match EM′`);
    expect(byKey['compare']!.status).toBe('ok');
  });

  it('name the first differing byte of a tampered token, found independently with node:crypto', async () => {
    const [h, , s] = RFC7515_A2_TOKEN.split('.') as [string, string, string];
    const tampered = `${h}.${Buffer.from(RFC7515_A2_PAYLOAD.replace('joe', 'eve')).toString('base64url')}.${s}`;
    const input = tampered.slice(0, tampered.lastIndexOf('.'));
    const em = Buffer.alloc(k, 0xff);
    const digestInfo = Buffer.concat([DIGEST_INFO_PREFIX['SHA-256'], createHash('sha256').update(input).digest()]);
    em[0] = 0;
    em[1] = 1;
    em[k - digestInfo.length - 1] = 0;
    digestInfo.copy(em, k - digestInfo.length);
    const recovered = publicDecrypt({ key: nodePublic, padding: constants.RSA_NO_PADDING }, Buffer.from(s, 'base64url'));
    const first = em.findIndex((b, i) => b !== recovered[i]);

    const error = await refused(verifyA2(tampered));
    const stages = stagesOf(error.trace!, true);
    expect(stages.at(-1)).toMatchObject({ key: 'compare', status: 'fail' });
    expect(stages.at(-1)!.explanation).toContain(`differ, first at byte ${first + 1}`);
  });

  it('say when a signature is out of range or of the wrong length', async () => {
    const [h, p] = RFC7515_A2_TOKEN.split('.') as [string, string];
    // RFC 8017 §8.2.2 step 1: such a signature is refused at the public-key stage; no compare follows.
    const tooBig = await refused(verifyA2(`${h}.${p}.${RFC7515_A2_JWK.n}`));
    const rsaPublic = stagesOf(tooBig.trace!, true).at(-1)!;
    expect(rsaPublic).toMatchObject({ key: 'rsa-public', status: 'fail' });
    expect(rsaPublic.explanation).toContain('not below the modulus n');
    expect(tooBig.message).toContain('not below the modulus n');

    const short = await refused(verifyA2(`${h}.${p}.${Buffer.alloc(k - 1, 1).toString('base64url')}`));
    expect(stagesOf(short.trace!, true).at(-1)).toMatchObject({ key: 'rsa-public', status: 'fail' });
    expect(stagesOf(short.trace!, true).at(-1)!.explanation).toContain(`The signature is ${k - 1} bytes`);
    expect(short.message).toBe(`The signature is ${k - 1} bytes, but every signature made with this ${k * 8}-bit key is exactly ${k} bytes: it cannot be genuine.`);
  });
});

describe('stages of a PS256, ES256 or EdDSA trace', () => {
  for (const [alg, recomputed] of [['PS256', 'the hash from the salt'], ['ES256', 'r from the hash, s and the public key'], ['EdDSA', 'a point on the curve']] as const) {
    it(`${alg}: say what the verifier recomputes, not that nothing can be`, async () => {
      const keys = await generateKeyPair(alg);
      const { token } = await sign({ alg }, { sub: 'ada' }, keys.privateKey);
      const { trace } = await verify(token, keys.publicKey, { algorithms: [alg], trace: true });
      const explanation = stagesOf(trace!).find((s) => s.key === 'opaque-verify')!.explanation;
      expect(explanation).toContain(`recomputes ${recomputed}`);
      expect(explanation).toContain('says valid');
    });
  }
});

describe('the key-select stage of a trace verified with a JWK Set', () => {
  it('comes before the key check, and counts the keys that fit and the ones skipped', async () => {
    const chosen = await generateKeyPair('ES256');
    const other = await generateKeyPair('ES256');
    const keys = [
      { ...(await exportJwk(other.publicKey)), kid: 'old' },
      { kty: 'OKP', crv: 'X25519', x: 'AA', kid: 'agreement' },
      { ...(await exportJwk(chosen.publicKey)), kid: 'new' },
    ];
    const { token } = await sign({ alg: 'ES256', kid: 'new' }, { sub: 'ada' }, chosen.privateKey);
    const { trace } = await verifyWithKeySet(token, parseKeySet({ keys }), { algorithms: ['ES256'], trace: true });
    const stages = stagesOf(trace!);
    const i = stages.findIndex((s) => s.key === 'key-select');
    expect(stages[i + 1]!.key).toBe('key');
    expect(stages[i]).toMatchObject({ label: 'Which key?', status: 'ok', verdict: 'passed' });
    // One key carries the token's kid; one is X25519, which no signature can use.
    const fitting = keys.filter((k) => k.kid === 'new').length;
    expect(stages[i]!.explanation).toBe(
      `The key with kid "new" matches the token's kid and fits ES256. Of the set's ${keys.length} keys, ${fitting === 1 ? 'one fits' : fitting} this token; one is skipped whatever the token, as keys this verifier cannot use (RFC 7517 §5).`,
    );

    const error = await verifyWithKeySet(token.replace(/^[^.]+/, Buffer.from('{"alg":"ES256","kid":"gone"}').toString('base64url')), parseKeySet({ keys }), { algorithms: ['ES256'], trace: true }).then(
      () => { throw new Error('expected a rejection'); },
      (e: JwtError) => e,
    );
    const failed = stagesOf(error.trace!, true).at(-1)!;
    expect(failed).toMatchObject({ key: 'key-select', status: 'fail', verdict: 'failed' });
    expect(failed.explanation).toContain('No key in the set has kid "gone"; the set has "old", "agreement" and "new".');
    expect(failed.explanation).toContain('none fits');
  });
});
