/**
 * One error class for the whole core. `code` is stable (jose's names where jose has one),
 * `message` is a plain sentence for a learner, and `where` points at the place that went wrong.
 */
import { codePointLabel } from '../format';
import { invisibleChar, invisibleName } from '../text';
import type { JweStep } from './jwe/trace';
import type { Step } from './trace';

export type ErrorCode =
  // jose's codes
  | 'ERR_JWS_INVALID'
  | 'ERR_JWE_INVALID'
  | 'ERR_JWT_INVALID'
  | 'ERR_JOSE_ALG_NOT_ALLOWED'
  | 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
  | 'ERR_JWE_DECRYPTION_FAILED'
  | 'ERR_JWT_EXPIRED'
  | 'ERR_JWT_CLAIM_VALIDATION_FAILED'
  | 'ERR_JOSE_NOT_SUPPORTED'
  | 'ERR_JWK_INVALID'
  | 'ERR_JWKS_INVALID'
  | 'ERR_JWKS_NO_MATCHING_KEY'
  | 'ERR_JWKS_MULTIPLE_MATCHING_KEYS'
  | 'ERR_JOSE_GENERIC'
  // ours
  | 'ERR_BASE64URL_INVALID'
  | 'ERR_UTF8_INVALID'
  | 'ERR_JSON_INVALID'
  | 'ERR_KEY_INVALID'
  | 'ERR_KEY_MISMATCH'
  | 'ERR_JWT_REVOKED'
  | 'ERR_TRACE_MISMATCH';

/** An encrypted token's parts after its protected header (RFC 7516 §7.1). */
export type JwePart = 'encrypted-key' | 'iv' | 'ciphertext' | 'tag';
/** Which part of the input an error points at. */
export type Part = 'token' | 'header' | 'payload' | 'signature' | 'key' | JwePart;

export interface Where {
  part: Part;
  /** Index of the offending character (UTF-16 code unit) within the part's text, if known. */
  index?: number;
  /** Index of the same character in the whole token, if the part came from a token. */
  tokenIndex?: number;
  /** The offending character itself. */
  char?: string;
  /** 1-based line and column, for JSON text. */
  line?: number;
  column?: number;
}

export interface JwtErrorOptions {
  where?: Where;
  /** A second place that belongs to the error, e.g. the first occurrence of a duplicate member name. */
  related?: Where;
  /** For claim failures: the claim's name and which check failed. */
  claim?: string;
  /** For a JSON member written twice: its name (decoded). */
  member?: string;
  /** For a member written twice inside a nested object: the top-level member that holds that object. */
  within?: string;
  reason?: 'check_failed' | 'missing' | 'invalid';
  /** The refusal stops a known attack: a key of the wrong kind offered as an HMAC secret. */
  attack?: 'algorithm-confusion';
  cause?: unknown;
}

export class JwtError extends Error {
  override name = 'JwtError';
  readonly code: ErrorCode;
  where?: Where;
  readonly related?: Where;
  readonly claim?: string;
  readonly member?: string;
  readonly within?: string;
  readonly reason?: JwtErrorOptions['reason'];
  readonly attack?: JwtErrorOptions['attack'];
  /** For a failed verify: the trace up to and including the failing step. */
  trace?: Step[];
  /**
   * For a failed decrypt: the JWE steps up to and including the failing step. Kept apart from `trace`, so code
   * that reads a verify's steps never meets a JWE stage it has no view for.
   */
  jweTrace?: JweStep[];

  constructor(code: ErrorCode, message: string, options: JwtErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.where = options.where;
    this.related = options.related;
    this.claim = options.claim;
    this.member = options.member;
    this.within = options.within;
    this.reason = options.reason;
    this.attack = options.attack;
  }
}

export function isJwtError(value: unknown): value is JwtError {
  return value instanceof JwtError;
}

/** Describes a character for a message: printable ones quoted, others by code point. */
export function describeChar(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  const hex = codePointLabel(cp);
  const names: Record<string, string> = {
    ' ': 'a space',
    '\t': 'a tab',
    '\n': 'a line break',
    '\r': 'a carriage return',
    '"': 'a double quote',
    '\\': 'a backslash',
  };
  if (names[char]) return `${names[char]} (${hex})`;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return `the control character ${hex}`;
  // Never echo a character that draws nothing or reorders the message around it: name it.
  const invisible = invisibleChar(cp);
  if (invisible) return `the invisible character ${invisibleName(invisible)}`;
  return `"${char}" (${hex})`;
}
