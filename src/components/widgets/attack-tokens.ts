/**
 * The tokens of the weak-secret widget's story: the one an attacker captures from a server, the one it forges
 * once it has found the secret, and one signed with a random 256-bit secret instead. No DOM: the browser and
 * the unit tests run it alike.
 */
import { generateSecret, secretFromText, sign, verifyJws } from '../../lib/jwt';

export const HEADER = '{"alg":"HS256","typ":"JWT"}';
export const PAYLOAD = '{"sub":"ada","admin":false}';
/** What the attacker wants the server to believe. */
export const FORGED_PAYLOAD = '{"sub":"ada","admin":true}';

/** A token the server signed, with the secret it signed it with (which the attacker does not have). */
export interface SignedToken {
  secret: string;
  token: string;
}

/** The token a server keyed with `secret` hands out, and an attacker captures. */
export async function capturedToken(secret: string): Promise<SignedToken> {
  return { secret, token: (await sign(HEADER, PAYLOAD, secretFromText(secret))).token };
}

export interface Forgery {
  token: string;
  /** Whether the server, checking with its own secret, accepts the forged token. */
  accepted: boolean;
}

/** The attacker signs its own payload with the secret it found; the server checks it with the real one. */
export async function forge(found: string, serverSecret: string): Promise<Forgery> {
  const { token } = await sign(HEADER, FORGED_PAYLOAD, secretFromText(found));
  const accepted = await verifyJws(token, secretFromText(serverSecret), { algorithms: ['HS256'] }).then(
    () => true,
    () => false,
  );
  return { token, accepted };
}

/** A server that does it right: 32 random bytes as the secret, and the token it signs with them. */
export async function randomlyKeyedToken(): Promise<{ secret: Uint8Array; token: string }> {
  const secret = generateSecret('HS256');
  return { secret, token: (await sign(HEADER, PAYLOAD, secret)).token };
}
