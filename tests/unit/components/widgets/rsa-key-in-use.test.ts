/** Which key chapter 9's RSA widgets use, and importing it again for RS384 and RS512. */
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RFC7515_A2_HEADER, RFC7515_A2_JWK, RFC7515_A2_PAYLOAD, RFC7515_A2_TOKEN } from '../../../../src/components/widgets/rfc7515-example';
import { A2_KEY_LABEL, keyLabel, rsAlgorithm, rsSigningAlgorithm, signingKey, verifyingKey } from '../../../../src/components/widgets/rsa-key-in-use';
import { generateKeyPair, sign, verify } from '../../../../src/lib/jwt';
import { BEFORE_EXPIRY } from '../../vectors';

const a2Public = createPublicKey({ key: { kty: 'RSA', n: RFC7515_A2_JWK.n, e: RFC7515_A2_JWK.e }, format: 'jwk' });

describe('the RSA key in use', () => {
  it("is RFC 7515 A.2's until the learner shares one", async () => {
    expect(keyLabel(undefined)).toBe(A2_KEY_LABEL);
    const { token } = await sign(RFC7515_A2_HEADER, RFC7515_A2_PAYLOAD, await signingKey(undefined, 'RS256'));
    expect(token).toBe(RFC7515_A2_TOKEN);
    const { payload } = await verify(token, await verifyingKey(undefined, 'RS256'), { algorithms: ['RS256'], currentDate: BEFORE_EXPIRY });
    expect(payload.iss).toBe('joe');
  });

  it('is imported again for the RS algorithm the header names', async () => {
    const { token } = await sign('{"alg":"RS384"}', '{}', await signingKey(undefined, 'RS384'));
    const [h, p, s] = token.split('.') as [string, string, string];
    expect(nodeVerify('sha384', Buffer.from(`${h}.${p}`), a2Public, Buffer.from(s, 'base64url'))).toBe(true);

    const pair = await generateKeyPair('RS256');
    const shared = { ...pair, label: 'the key you generated' };
    expect(keyLabel(shared)).toBe('the key you generated');
    expect(await signingKey(shared, 'RS256')).toBe(pair.privateKey);
    const signed = await sign('{"alg":"RS512"}', '{"a":1}', await signingKey(shared, 'RS512'));
    await expect(verify(signed.token, await verifyingKey(shared, 'RS512'), { algorithms: ['RS512'] })).resolves.toMatchObject({ payload: { a: 1 } });
  });

  it('says that signing needs the private key when only a public key is shared', async () => {
    const { publicKey } = await generateKeyPair('RS256');
    await expect(signingKey({ publicKey, label: 'the public key you pasted' }, 'RS256')).rejects.toThrow(
      'Signing needs the private key, but the public key you pasted is only a public key.',
    );
    expect(await verifyingKey({ publicKey, label: 'x' }, 'RS256')).toBe(publicKey);
  });

  it('signs with the RS algorithm the header names, and says what it signs when the header names none or another', () => {
    expect(rsSigningAlgorithm('{"alg":"RS384","typ":"JWT"}')).toBe('RS384');
    // Not a JSON object: left to sign(), which points at the JSON problem.
    for (const header of ['{"alg":', '[]', 'null']) expect(rsSigningAlgorithm(header)).toBe('RS256');
    expect(() => rsSigningAlgorithm('{"typ":"JWT"}')).toThrow('The header has no "alg" member; write "alg":"RS256"');
    for (const alg of ['PS256', 'HS256', 42]) {
      expect(() => rsSigningAlgorithm(JSON.stringify({ alg }))).toThrow(`signs with RS256, RS384 or RS512 only, and the header asks for ${JSON.stringify(alg)}.`);
    }
    expect(() => rsSigningAlgorithm('{"alg":"PS256"}')).toThrow('PS256 signs differently');
    expect(() => rsSigningAlgorithm('{"alg":"PS256"}')).not.toThrow('Import it again');
  });

  it('reads RS256 for anything but an RS algorithm', () => {
    expect(rsAlgorithm('RS512')).toBe('RS512');
    expect(['HS256', undefined, 42].map(rsAlgorithm)).toEqual(['RS256', 'RS256', 'RS256']);
  });
});
