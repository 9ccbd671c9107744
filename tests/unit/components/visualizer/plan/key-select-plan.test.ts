import { generateKeyPairSync, randomBytes, sign as nodeSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KEY_DETAIL, keySelectPlan } from '../../../../../src/components/visualizer/plan/key-select-plan';
import { parseKeySet, selectKey, verifyWithKeySet, type KeySelectStep } from '../../../../../src/lib/jwt';

const pub = (pair: ReturnType<typeof generateKeyPairSync>, kid: string) => ({ ...(pair.publicKey.export({ format: 'jwk' }) as object), kid });
const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('keySelectPlan', () => {
  it('reads the header, judges three keys one by one, sweeps the rest, and ends with the core’s verdict', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ec2 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ec384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const ed = generateKeyPairSync('ed25519');
    const keys = [pub(rsa, 'r1'), pub(ec, 'e1'), { kty: 'OKP', crv: 'X25519', x: 'AA', kid: 'x' }, pub(ec384, 'e2'), pub(ec2, 'e3'), pub(ed, 'd')];
    const input = `${b64('{"alg":"ES256","kid":"e3"}')}.${b64('{}')}`;
    const signature = nodeSign('sha256', Buffer.from(input), { key: ec2.privateKey, dsaEncoding: 'ieee-p1363' });
    const { trace } = await verifyWithKeySet(`${input}.${signature.toString('base64url')}`, parseKeySet({ keys }), { algorithms: ['ES256'], trace: true });
    const step = trace!.find((s) => s.stage === 'key-select') as KeySelectStep;
    const plan = keySelectPlan(step);

    expect(plan.map((b) => b.kind)).toEqual(['header', 'key', 'key', 'key', 'rest', 'verdict']);
    expect(plan[0]!.caption).toBe(`The header names kid "e3" and asks for ES256: the verifier looks in the set for that key. The set has ${keys.length} keys.`);
    expect(plan[1]!.caption).toBe('Key 1 (kid "r1") has kid "r1": not a candidate.');
    expect(plan[3]!.caption).toBe('Key 3 (kid "x") is skipped: crv "X25519" is for key agreement (ECDH-ES), not for signatures.');
    // The sweep counts the keys after the third that fit, worked out here from the JWKs themselves.
    const rest = keys.slice(KEY_DETAIL);
    const fit = rest.filter((k) => k.kid === 'e3' && (k as { kty?: string }).kty === 'EC' && (k as { crv?: string }).crv === 'P-256').length;
    expect(plan[4]).toMatchObject({ from: KEY_DETAIL, to: keys.length });
    expect(plan[4]!.caption).toBe(`Keys 4–6 are judged the same way: ${fit} fits, ${rest.length - fit} do not.`);
    expect(plan.at(-1)!.caption).toBe(step.message);
    expect(step.chosen).toBe(keys.findIndex((k) => k.kid === 'e3'));
  });

  it('plays a bounded number of beats for any size of set, and names a candidate as one', async () => {
    for (const n of [0, 1, 2, 3, 4, 10, 60]) {
      const keys = Array.from({ length: n }, (_, i) => ({ kty: 'oct', kid: `k${i}`, k: randomBytes(32).toString('base64url') }));
      const { step } = await selectKey(parseKeySet({ keys }), { alg: 'HS256', kid: 'k1' }, 'HS256');
      const plan = keySelectPlan(step);
      expect(plan.length, `${n} keys`).toBe(2 + Math.min(KEY_DETAIL, n) + (n > KEY_DETAIL ? 1 : 0));
      expect(plan.length).toBeLessThanOrEqual(2 + KEY_DETAIL + 1);
      if (n >= 2) expect(plan[2]!.caption).toBe('Key 2 (kid "k1") fits: a candidate.');
      if (n === KEY_DETAIL + 1) expect(plan.at(-2)!.caption).toBe(`Key ${n} is judged the same way: it does not fit.`);
      if (n > KEY_DETAIL + 1) expect(plan.at(-2)!.caption).toBe(`Keys 4–${n} are judged the same way: none of them fits.`);
    }
  });

  it('says when the header has no kid', async () => {
    const { step } = await selectKey(parseKeySet({ keys: [] }), { alg: 'ES256' }, 'ES256');
    expect(keySelectPlan(step).map((b) => b.caption)).toEqual([
      'The header has no kid and asks for ES256: the verifier looks in the set for the keys that fit ES256. The set has 0 keys.',
      'The key set is empty: there is no key to verify with.',
    ]);
  });
});
