/** The payloads chapter 2's exercises start from. */

/** One claim of each kind and then some: registered, public from IANA's registry, public as a URI, one private. */
export const CLAIMS_KINDS_PAYLOAD: Record<string, unknown> = {
  iss: 'https://auth.example.com',
  sub: 'user-4821',
  email_verified: true,
  'https://example.com/claims/department': 'research',
  role: 'editor',
  exp: 1900000000,
};

export const CLAIMS_EXERCISE_SUB = 'user-4821';
/** 2030-03-17T16:46:40Z: an hour before the inspector's example exp. */
export const CLAIMS_EXERCISE_IAT = 1899996400;

/** "role" written twice: first "user", then "admin". */
export const CLAIMS_DUPLICATE = { others: { sub: 'user-4821' }, name: 'role', first: 'user', second: 'admin' } as const;

/** The API of the "which claims" exercise: who issues, who receives, for whom, and for how long. */
export const CLAIMS_SCENARIO = {
  issuer: 'https://auth.example.com',
  audience: 'https://api.example.com',
  subject: CLAIMS_EXERCISE_SUB,
  iat: CLAIMS_EXERCISE_IAT,
  lifetime: 15 * 60,
} as const;
