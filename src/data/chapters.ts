/**
 * The course plan: every chapter in order, written or not. The start page lists all of them;
 * a chapter links once content/chapters/<slug>.mdx exists. Slugs are fixed (see chapters.md):
 * links, tests and progress data depend on them.
 */
export interface PlannedChapter {
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  /**
   * The ids of the chapter's exercises, in page order. Progress counts a chapter done when every id here is
   * done; tests/unit/data/exercises.test.ts checks that this list and the MDX file's exercises agree.
   */
  readonly exercises?: readonly string[];
}

export const plannedChapters: readonly PlannedChapter[] = [
  {
    slug: 'what-is-jwt',
    title: 'What a JWT is',
    description: 'A compact, signed package of JSON, and the three parts every token is made of.',
    exercises: ['read-claim', 'which-parts-change', 'unsecured'],
  },
  {
    slug: 'claims',
    title: 'Claims',
    description: 'The statements a token carries: registered, public and private claims.',
    exercises: ['exp-one-hour', 'claim-kinds', 'needed-claims', 'duplicate-role'],
  },
  {
    slug: 'jws-and-jwe',
    title: 'Signed or encrypted: JWS and JWE',
    description: 'Two formats behind one name, and how the header chooses between them.',
    exercises: ['sender-key', 'changed-ciphertext', 'gcm-sizes'],
  },
  {
    slug: 'generating-a-token',
    title: 'Making a token',
    description: 'From JSON to bytes to base64url to an HMAC signature, one step at a time.',
    exercises: ['payload-length', 'whole-groups', 'forge-ada'],
  },
  {
    slug: 'verifying-a-token',
    title: 'Checking a token',
    description: 'Split, decode, recompute the signature, compare safely, then check the claims.',
    exercises: ['exp-boundary', 'clock-tolerance', 'tamper-stage'],
  },
  {
    slug: 'expiration',
    title: 'Expiry and the clock',
    description: 'How exp, nbf and iat limit when a token is accepted, and why clocks need slack.',
    exercises: ['skewed-server', 'tolerance-deadline', 'max-age'],
  },
  {
    slug: 'revocation',
    title: 'Taking a token back',
    description: 'Why a signed token cannot be unsigned, and how a revocation list by jti helps.',
  },
  {
    slug: 'hs256',
    title: 'HS256 from the inside',
    description: 'HMAC with SHA-256: padded keys, inner and outer hashes, and weak secrets.',
    exercises: ['key-block-padding', 'ipad-byte', 'signature-digit'],
  },
  {
    slug: 'rs256',
    title: 'RS256 from the inside',
    description: 'An RSA key pair in your browser, and what signing and verifying really compute.',
    exercises: ['signature-length', 'em-difference', 'wrong-key'],
  },
  {
    slug: 'benefits',
    title: 'What tokens are good at',
    description: 'Small, self-contained and stateless, measured on a real token.',
    exercises: ['bytes-per-day', 'cookie-limit', 'role-removed'],
  },
  {
    slug: 'authentication',
    title: 'Logging in with a token',
    description: 'Client, auth server and app server: who issues, who carries, who checks.',
  },
  {
    slug: 'authorization',
    title: 'Permissions in a token',
    description: 'Roles in the payload decide what a request may do, until the token is re-issued.',
  },
  {
    slug: 'best-practices',
    title: 'Careful habits and known attacks',
    description: 'alg none, algorithm confusion, weak secrets and more, tried against a careful verifier.',
  },
];
