/**
 * Chapter 6's example: a token issued at a fixed moment (2026-03-11T09:00:00Z) that lives 15 minutes, the
 * moment the time machine's clock starts (one minute before it expires), and the demo secret it is signed with.
 */
export const ISSUED_AT = 1_773_219_600;
export const LIFETIME = 15 * 60;
export const CLOCK_CLAIMS = { sub: 'ada', iat: ISSUED_AT, nbf: ISSUED_AT, exp: ISSUED_AT + LIFETIME } as const;
export const CLOCK_START = ISSUED_AT + LIFETIME - 60;
export const CLOCK_HEADER = '{"alg":"HS256","typ":"JWT"}';
/** The issuer's and both servers' HS256 secret: 32 bytes or more, as RFC 7518 asks. */
export const CLOCK_SECRET = 'the time machine demo secret, 256 bits or more';
