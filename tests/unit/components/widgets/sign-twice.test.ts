import { describe, expect, it } from 'vitest';
import { SIGN_TWICE_ALGORITHMS, signEachTwice, type SignedTwice } from '../../../../src/components/widgets/sign-twice';
import { nodeVerify } from '../../../node-verify';
import { rejection } from '../../support';

const PAYLOAD = '{"sub":"ada","admin":false}';
const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('signing the same payload twice', async () => {
  const outcomes = (await signEachTwice(PAYLOAD)) as SignedTwice[];
  const byAlg = Object.fromEntries(outcomes.map((o) => [o.alg, o]));

  it('covers each algorithm once, with no failures', () => {
    expect(outcomes.map((o) => o.alg)).toEqual([...SIGN_TWICE_ALGORITHMS]);
    for (const outcome of outcomes) expect(outcome).not.toHaveProperty('error');
  });

  it.each(SIGN_TWICE_ALGORITHMS)('%s: both signatures verify in node:crypto and in the widget', (alg) => {
    const { header, signatures, publicJwk } = byAlg[alg]!;
    expect(header).toBe(`{"alg":"${alg}","typ":"JWT"}`);
    for (const { token, signature, valid } of signatures) {
      const [h, p, sig] = token.split('.');
      expect([h, p]).toEqual([b64(header), b64(PAYLOAD)]);
      expect(Buffer.from(signature).toString('base64url')).toBe(sig);
      expect(nodeVerify(alg, publicJwk, `${h}.${p}`, Buffer.from(signature))).toBe(true);
      expect(valid).toBe(true);
    }
    expect(publicJwk).not.toHaveProperty('d');
  });

  it('gives identical signatures for RS256 and EdDSA, different ones for PS256 and ES256', () => {
    const equalBytes = (o: SignedTwice) => Buffer.from(o.signatures[0].signature).equals(Buffer.from(o.signatures[1].signature));
    for (const outcome of outcomes) expect(outcome.identical).toBe(equalBytes(outcome));
    expect(outcomes.map((o) => [o.alg, o.identical])).toEqual([['RS256', true], ['PS256', false], ['ES256', false], ['EdDSA', true]]);
  });

  it('has the lengths RFC 7518 gives: 256 bytes for 2048-bit RSA, 64 for ES256 and Ed25519', () => {
    expect(outcomes.map((o) => o.signatures[0].signature.length)).toEqual([256, 256, 64, 64]);
  });

  it('splits ES256 signatures into r and s, 32 bytes each', () => {
    for (const { signature, r, s } of byAlg.ES256!.signatures) {
      expect(Buffer.concat([r!, s!])).toEqual(Buffer.from(signature));
      expect([r!.length, s!.length]).toEqual([32, 32]);
    }
    expect(byAlg.RS256!.signatures[0].r).toBeUndefined();
  });
});

it('refuses a payload that is not JSON at the payload, before making keys', async () => {
  const error = await rejection(signEachTwice('{"sub":'));
  expect(error.where?.part).toBe('payload');
});
