/**
 * Chapter 1's exercise tokens: another user's token, and the same one after its issuer changed the name and
 * signed it again. Stored as text because chapter 1 only decodes (its page carries no signing code);
 * tests/unit/lib/exercises/reading-tokens.test.ts signs them again with node:crypto, so they cannot drift.
 */
export const READING_HEADER = '{"alg":"HS256","typ":"JWT"}';
export const READING_PAYLOAD = '{"sub":"4242","name":"Grace Hopper","admin":true,"iat":1687716785}';
export const READING_PAYLOAD_ADA = '{"sub":"4242","name":"Ada","admin":true,"iat":1687716785}';
export const READING_SECRET = 'super-secret';
export const READING_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MjQyIiwibmFtZSI6IkdyYWNlIEhvcHBlciIsImFkbWluIjp0cnVlLCJpYXQiOjE2ODc3MTY3ODV9.4BowYXvVVq92RpWY88dSrqODU4_Eg0OwIEjqzzEJrJE';
export const READING_TOKEN_ADA =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MjQyIiwibmFtZSI6IkFkYSIsImFkbWluIjp0cnVlLCJpYXQiOjE2ODc3MTY3ODV9.XfcLp3GWjUO3gtnncP8cJutSP-KQoYmGcpXPYO-rXGU';
