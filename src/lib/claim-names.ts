/**
 * What a claim's name says about it: one of RFC 7519's seven registered claims, a name from IANA's "JSON Web Token
 * Claims" registry, a URI (a collision-resistant public name), or a private name two parties agreed on. The IANA
 * table is a small, well-known part of the registry, not all of it: a name missing here may still be registered.
 */

export interface RegisteredClaim {
  readonly title: string;
  /** The type RFC 7519 §4.1 gives its value. */
  readonly type: string;
  /** What a careful server does with it. */
  readonly check: string;
}

/** RFC 7519 §4.1, in the RFC's order. */
export const REGISTERED_CLAIMS: Readonly<Record<string, RegisteredClaim>> = {
  iss: {
    title: 'Issuer',
    type: 'a string (a StringOrURI)',
    check: 'compared with the issuers the server trusts; a token from anyone else is refused.',
  },
  sub: {
    title: 'Subject',
    type: 'a string (a StringOrURI), unique within its issuer',
    check: 'says whom the token is about; the server reads it together with iss, and may require one value.',
  },
  aud: {
    title: 'Audience',
    type: 'a string, or an array of strings',
    check: 'the server refuses the token unless its own name is the value, or one of the list.',
  },
  exp: {
    title: 'Expiration Time',
    type: 'a NumericDate (a JSON number of seconds)',
    check: 'refused at or after this moment, with a small clock tolerance.',
  },
  nbf: {
    title: 'Not Before',
    type: 'a NumericDate (a JSON number of seconds)',
    check: 'refused before this moment, with the same small tolerance.',
  },
  iat: {
    title: 'Issued At',
    type: 'a NumericDate (a JSON number of seconds)',
    check: 'tells the token’s age; a server may refuse one older than it allows, or one issued in the future.',
  },
  jti: {
    title: 'JWT ID',
    type: 'a string, unique for each token',
    check: 'looked up in a list of revoked or already used ids, where the server keeps one.',
  },
};

export const NUMERIC_DATE_CLAIMS: readonly string[] = ['exp', 'nbf', 'iat'];

export interface IanaClaim {
  readonly description: string;
  /** The document that registered it. */
  readonly source: string;
}

const OIDC = 'OpenID Connect Core 1.0';

/** Some names from IANA's "JSON Web Token Claims" registry, with their registering documents. */
export const IANA_CLAIMS: Readonly<Record<string, IanaClaim>> = {
  name: { description: 'the person’s full name', source: OIDC },
  given_name: { description: 'the person’s given (first) name', source: OIDC },
  family_name: { description: 'the person’s family name (surname)', source: OIDC },
  preferred_username: { description: 'the short name the person goes by', source: OIDC },
  email: { description: 'the person’s preferred e-mail address', source: OIDC },
  email_verified: { description: 'whether that e-mail address was verified', source: OIDC },
  phone_number: { description: 'the person’s preferred telephone number', source: OIDC },
  address: { description: 'the person’s postal address', source: OIDC },
  birthdate: { description: 'the person’s birthday', source: OIDC },
  locale: { description: 'the person’s language and region', source: OIDC },
  nonce: { description: 'a value that ties an ID token to the login request that asked for it', source: OIDC },
  auth_time: { description: 'when the person last authenticated (a NumericDate)', source: OIDC },
  azp: { description: 'the authorized party: the client the token was issued to', source: OIDC },
  acr: { description: 'the authentication context class: how strongly the person logged in', source: OIDC },
  amr: { description: 'the authentication methods used, such as "pwd" or "otp"', source: OIDC },
  sid: { description: 'the login session’s identifier', source: 'OpenID Connect Front-Channel Logout 1.0' },
  cnf: { description: 'the confirmation key the holder must prove it has', source: 'RFC 7800' },
  act: { description: 'the party acting on the subject’s behalf', source: 'RFC 8693' },
  scope: { description: 'the scopes granted, separated by spaces', source: 'RFC 8693' },
  client_id: { description: 'the OAuth client the token was issued to', source: 'RFC 8693' },
  roles: { description: 'the roles of the subject', source: 'RFC 7643, RFC 9068' },
  groups: { description: 'the groups the subject belongs to', source: 'RFC 7643, RFC 9068' },
  entitlements: { description: 'the entitlements of the subject', source: 'RFC 7643, RFC 9068' },
};

export type ClaimKind = 'registered' | 'public' | 'private';

export interface ClaimName {
  readonly kind: ClaimKind;
  /** Why it is of that kind, in a sentence. */
  readonly why: string;
  readonly registered?: RegisteredClaim;
  readonly iana?: IanaClaim;
}

/** A URI scheme followed by a colon: "https:", "urn:". A name in a namespace someone controls. */
const URI = /^[a-z][a-z0-9+.-]*:\S/i;

function own(table: Readonly<Record<string, unknown>>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, name);
}

export function classifyClaim(name: string): ClaimName {
  if (own(REGISTERED_CLAIMS, name)) {
    const registered = REGISTERED_CLAIMS[name]!;
    return { kind: 'registered', why: 'one of the seven claims RFC 7519 itself defines.', registered };
  }
  if (own(IANA_CLAIMS, name)) {
    const iana = IANA_CLAIMS[name]!;
    return { kind: 'public', why: `registered with IANA (${iana.source}): ${iana.description}.`, iana };
  }
  if (URI.test(name)) {
    return {
      kind: 'public',
      why: 'a URI: collision-resistant, as only whoever controls its domain names claims under it.',
    };
  }
  return {
    kind: 'private',
    why: 'neither registered nor a URI, it means what issuer and recipients agreed, and another system may use it differently.',
  };
}
