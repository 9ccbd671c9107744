/**
 * The guide's running example: its header, payload and secret, and the token they really give
 * (tests/unit/components/guide-example.test.ts recomputes it, so this text cannot drift from the core).
 */
export const GUIDE_HEADER = '{"alg":"HS256","typ":"JWT"}';
export const GUIDE_PAYLOAD = '{"name":"John Doe","iat":1687716785,"exp":1741651200}';
export const GUIDE_SECRET = 'super-secret';
export const GUIDE_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJuYW1lIjoiSm9obiBEb2UiLCJpYXQiOjE2ODc3MTY3ODUsImV4cCI6MTc0MTY1MTIwMH0.Vwrb-zbkQiDAoS3hejME3pWooCHUyv1vb0PLLBTeWJQ';
