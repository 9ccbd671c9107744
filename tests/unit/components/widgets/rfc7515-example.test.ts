import { describe, expect, it } from 'vitest';
import { RFC7515_A2_HEADER, RFC7515_A2_JWK, RFC7515_A2_PAYLOAD, RFC7515_A2_TOKEN } from '../../../../src/components/widgets/rfc7515-example';
import { importJwk, sign, verify } from '../../../../src/lib/jwt';
import { BEFORE_EXPIRY, loadVectors, type JwsVector } from '../../vectors';

const a2 = loadVectors<{ vectors: JwsVector[] }>('rfc7515.json').vectors.find((v) => v.id === 'rfc7515-a2')!;

describe('RFC 7515 A.2 as the site ships it', () => {
  it('is the vector file\'s key, header, payload and token', () => {
    expect(RFC7515_A2_JWK).toEqual(a2.jwk);
    expect(RFC7515_A2_HEADER).toBe(a2.protected_header);
    expect(RFC7515_A2_PAYLOAD).toBe(a2.payload);
    expect(RFC7515_A2_TOKEN).toBe(a2.token);
  });

  it('signs to the RFC\'s token and verifies it', async () => {
    const privateKey = await importJwk(RFC7515_A2_JWK, 'RS256');
    const { token } = await sign(RFC7515_A2_HEADER, RFC7515_A2_PAYLOAD, privateKey);
    expect(token).toBe(a2.token);
    const publicKey = await importJwk(a2.jwk_public, 'RS256');
    const { payload } = await verify(token, publicKey, { algorithms: ['RS256'], currentDate: BEFORE_EXPIRY });
    expect(payload.iss).toBe('joe');
  });
});
