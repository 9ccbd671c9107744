/** RFC 7638 thumbprints. */

import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { exportJwk, publicJwk, thumbprint } from '../../../../../src/lib/jwt';
import { rejection } from '../../../support';
import { ASYMMETRIC, useKeyPairs } from './support';

const pairs = useKeyPairs();

describe('thumbprint (RFC 7638)', () => {
  it('matches the §3.1 example', async () => {
    const jwk = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    expect(await thumbprint(jwk)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
    expect(await jose.calculateJwkThumbprint(jwk)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('equals jose for generated RSA, EC, OKP and oct keys; private and public give the same', async () => {
    const jwks = [
      ...(await Promise.all(ASYMMETRIC.map((alg) => exportJwk(pairs[alg].privateKey)))),
      { kty: 'oct', k: 'c2VjcmV0LWJ5dGVz' },
    ];
    for (const jwk of jwks) {
      const ours = await thumbprint(jwk);
      expect(ours).toBe(await jose.calculateJwkThumbprint(jwk as jose.JWK));
      if (jwk.kty !== 'oct') expect(await thumbprint(publicJwk(jwk))).toBe(ours);
    }
  });

  it('refuses a JWK without the required members', async () => {
    expect((await rejection(thumbprint({ kty: 'EC', crv: 'P-256', x: 'AA' }))).message).toContain('"y"');
    expect((await rejection(thumbprint({ kty: 'toString' }))).code).toBe('ERR_JWK_INVALID');
  });
});
