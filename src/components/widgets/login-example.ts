/** The claims of a login token, as chapter 10's widget and exercises start from: an issuer, a user, an API, an hour. */
export const LOGIN_CLAIMS = {
  iss: 'https://auth.example.com',
  sub: 'ada',
  aud: 'https://api.example.com',
  iat: 1796083200,
  exp: 1796086800,
  role: 'editor',
} as const;
