/**
 * What a token costs on the wire, beside a session id: the bytes of the header line each request carries,
 * the difference per request and per day, the share of a cookie's 4,096 bytes it takes, and how many claims
 * it takes to run out of cookie. Pure counting on the texts it is given; the widget signs the real token.
 */
import { base64urlEncode, utf8Encode } from './jwt';

/**
 * RFC 6265 §6.1 asks browsers to store cookies of at least 4,096 bytes (name, value and attributes together),
 * and the major browsers stop at that size for the name and value: a larger cookie is dropped without a word.
 */
export const COOKIE_LIMIT_BYTES = 4096;

/** A session id of 128 random bits, as OWASP's session management guidance asks for at least 64. */
export const SESSION_ID_BYTES = 16;

/** The cookie a token would travel in, and the one a session id travels in. */
export const TOKEN_COOKIE = 'token';
export const SESSION_COOKIE = 'session';

/** The widget's range of requests per day: from one learner's afternoon to a busy API. */
export const MAX_REQUESTS_PER_DAY = 10_000_000_000;

/** The widget's range of extra permissions. */
export const MAX_PERMISSIONS = 500;

/** The bytes a text takes in UTF-8. */
export function byteLength(text: string): number {
  return utf8Encode(text).length;
}

/** The bytes one HTTP/1.1 header line takes, name, colon, space, value and CR LF included. */
export function headerLineBytes(name: string, value: string): number {
  return byteLength(`${name}: ${value}\r\n`);
}

/** The name of the i-th (1-based) permission the widget adds: the kind of string real applications put in tokens. */
export function permissionName(i: number): string {
  return `project-${String(i).padStart(3, '0')}:write`;
}

/** The payload with `count` permissions added under `permissions` (after any the payload already lists there). */
export function withPermissions(payload: Record<string, unknown>, count: number): Record<string, unknown> {
  if (count === 0) return payload;
  const existing = Array.isArray(payload.permissions) ? payload.permissions : [];
  const added = Array.from({ length: count }, (_, i) => permissionName(i + 1));
  return { ...payload, permissions: [...existing, ...added] };
}

/** The payload as a JWT library writes it: compact JSON, as `JSON.stringify` gives. */
export function payloadText(payload: Record<string, unknown>): string {
  return JSON.stringify(payload);
}

export interface TokenCost {
  tokenChars: number;
  sessionIdChars: number;
  /** `Authorization: Bearer <token>` and `Cookie: session=<id>`, each with its CR LF. */
  bearerLineBytes: number;
  sessionLineBytes: number;
  /** What the token adds to every request over the session id. */
  extraPerRequest: number;
  extraPerDay: number;
  /** The token as a cookie, `token=<token>`: the part the browser's limit counts. */
  cookieBytes: number;
  cookieFits: boolean;
}

export function tokenCost(token: string, sessionId: string, requestsPerDay: number): TokenCost {
  const bearerLineBytes = headerLineBytes('Authorization', `Bearer ${token}`);
  const sessionLineBytes = headerLineBytes('Cookie', `${SESSION_COOKIE}=${sessionId}`);
  const extraPerRequest = bearerLineBytes - sessionLineBytes;
  const cookieBytes = byteLength(`${TOKEN_COOKIE}=${token}`);
  return {
    tokenChars: token.length,
    sessionIdChars: sessionId.length,
    bearerLineBytes,
    sessionLineBytes,
    extraPerRequest,
    extraPerDay: extraPerRequest * requestsPerDay,
    cookieBytes,
    cookieFits: cookieBytes <= COOKIE_LIMIT_BYTES,
  };
}

/** The length of a token whose header and signature are those of `token`, with another payload. */
export function lengthWithPayload(token: string, payload: Record<string, unknown>): number {
  const [header = '', , signature = ''] = token.split('.');
  return header.length + 1 + base64urlEncode(utf8Encode(payloadText(payload))).length + 1 + signature.length;
}

/**
 * The fewest added permissions that make the token's cookie pass the limit, given the token signed over
 * `payload` (the signature's length does not depend on the payload). Undefined when even the most the widget
 * offers still fit; 0 when the token is already too large.
 */
export function permissionsToLimit(token: string, payload: Record<string, unknown>, most = MAX_PERMISSIONS): number | undefined {
  const cookieName = byteLength(`${TOKEN_COOKIE}=`);
  for (let n = 0; n <= most; n++) {
    if (cookieName + lengthWithPayload(token, withPermissions(payload, n)) > COOKIE_LIMIT_BYTES) return n;
  }
  return undefined;
}

/** A NumericDate claim's value, if it is a finite number. */
function numericDate(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * How long a change on the server (a role removed, an account closed) is invisible to a stateless verifier:
 * the token still says what it said until `exp`. `lifetime` is exp − iat when both are there.
 */
export interface Staleness {
  exp?: number;
  lifetime?: number;
}

export function staleness(payload: Record<string, unknown>): Staleness {
  const exp = numericDate(payload.exp);
  const iat = numericDate(payload.iat);
  if (exp === undefined) return {};
  return iat === undefined || iat > exp ? { exp } : { exp, lifetime: exp - iat };
}

/** "2.4 MB (2,412,345 bytes)": a daily volume in decimal units, with the exact count for checking. */
export function byteVolume(bytes: number): string {
  const units: [number, string][] = [
    [1e12, 'TB'],
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
  ];
  const exact = new Intl.NumberFormat('en-US').format(bytes);
  const unit = units.find(([size]) => Math.abs(bytes) >= size);
  if (!unit) return `${exact} ${Math.abs(bytes) === 1 ? 'byte' : 'bytes'}`;
  const scaled = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(bytes / unit[0]);
  return `${scaled} ${unit[1]} (${exact} bytes)`;
}
