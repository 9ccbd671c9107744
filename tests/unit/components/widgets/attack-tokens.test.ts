/** The weak-secret widget's tokens, each checked against node:crypto's HMAC. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { capturedToken, FORGED_PAYLOAD, forge, HEADER, PAYLOAD, randomlyKeyedToken } from '../../../../src/components/widgets/attack-tokens';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
/** The HS256 token node:crypto makes for this header, payload and key. */
const hs256 = (header: string, payload: string, key: string | Uint8Array) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
};

describe('attack tokens', () => {
  it('the captured token is the server\'s HS256 token for its secret, kept with that secret', async () => {
    expect(await capturedToken('password123')).toEqual({ secret: 'password123', token: hs256(HEADER, PAYLOAD, 'password123') });
    expect(JSON.parse(PAYLOAD).admin).toBe(false);
  });

  it('a forgery with the server\'s own secret is accepted; with any other secret it is refused', async () => {
    expect(JSON.parse(FORGED_PAYLOAD)).toEqual({ sub: 'ada', admin: true });
    expect(await forge('changeme', 'changeme')).toEqual({ token: hs256(HEADER, FORGED_PAYLOAD, 'changeme'), accepted: true });
    expect(await forge('changeme', 'Changeme')).toEqual({ token: hs256(HEADER, FORGED_PAYLOAD, 'changeme'), accepted: false });
  });

  it('a randomly keyed server uses 32 fresh bytes, and its token is signed with them', async () => {
    const [one, two] = [await randomlyKeyedToken(), await randomlyKeyedToken()];
    expect(one.secret).toHaveLength(32);
    expect(one.token).toBe(hs256(HEADER, PAYLOAD, one.secret));
    expect(Buffer.from(one.secret).equals(Buffer.from(two.secret))).toBe(false);
  });
});
