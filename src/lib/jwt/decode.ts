/**
 * Taking a compact token apart without verifying it. `inspectToken` never throws: it decodes as much as it
 * can and puts each error on the segment where it happened, which is what a widget shows while a learner
 * types. `decode` is the strict form: the first error is thrown.
 */
import { base64urlDecode } from './base64url';
import { utf8Decode } from './bytes';
import { JwtError, describeChar, type ErrorCode, type JwePart } from './errors';
import { parseJsonObject, type JsonMember, type JsonWarning } from './json';
import type { Segment } from './trace';

export interface SegmentView {
  part: Segment;
  /** The segment's text as received. */
  text: string;
  /** Index in the token where the segment starts. */
  start: number;
  bytes?: Uint8Array;
  /** The decoded JSON text (header and payload). */
  json?: string;
  value?: Record<string, unknown>;
  members?: JsonMember[];
  warnings: JsonWarning[];
  error?: JwtError;
}

/** A part of a compact token: a signed one's (RFC 7515 §7.1) or an encrypted one's (RFC 7516 §7.1). */
export type TokenPart = Segment | JwePart;

/** The parts of a signed token (JWS), in order. */
export const JWS_PARTS = ['header', 'payload', 'signature'] as const satisfies readonly Segment[];
/** The five parts of an encrypted token (JWE) in compact form, in order (RFC 7516 §7.1). */
export const JWE_PARTS = ['header', 'encrypted-key', 'iv', 'ciphertext', 'tag'] as const satisfies readonly TokenPart[];

/** Each part's name, as the RFCs call it. */
export const PART_TITLES: Record<TokenPart, string> = {
  header: 'Header',
  payload: 'Payload',
  signature: 'Signature',
  'encrypted-key': 'Encrypted key',
  iv: 'Initialization vector',
  ciphertext: 'Ciphertext',
  tag: 'Authentication tag',
};

/** Which part each of `count` dot-separated pieces is: a JWE's five, or a JWS's three and nothing beyond. */
export function partsOf(count: number): (TokenPart | undefined)[] {
  const parts: readonly TokenPart[] = count === JWE_PARTS.length ? JWE_PARTS : JWS_PARTS;
  return Array.from({ length: count }, (_, i) => parts[i]);
}

/** One of a JWE's four parts after its header: base64url bytes that cannot be read without the key. */
export interface EncryptedPartView {
  part: JwePart;
  text: string;
  start: number;
  bytes?: Uint8Array;
  error?: JwtError;
}

export interface TokenView {
  token: string;
  /** 3 segments: a signed token (JWS). 5 segments: an encrypted one (JWE). */
  format: 'JWS' | 'JWE' | 'invalid';
  /** Header, payload and signature for a JWS (the first three pieces at most); a JWE's protected header. */
  segments: SegmentView[];
  /** A JWE's encrypted key, IV, ciphertext and tag, decoded to bytes only. */
  encrypted: EncryptedPartView[];
  /** The token split at every dot, and where each piece starts. */
  pieces: string[];
  starts: number[];
  /** Which part each piece is; undefined for a piece beyond the format's last part. */
  parts: (TokenPart | undefined)[];
  /** What is wrong with the token as a whole (whitespace around it, a "Bearer " prefix, its segment count). */
  error?: JwtError;
}

const PARTS: Segment[] = [...JWS_PARTS];

/** Error codes as jose names them: a broken header or signature makes an invalid JWS, a broken payload an invalid JWT. */
function codeFor(part: Segment): ErrorCode {
  return part === 'payload' ? 'ERR_JWT_INVALID' : 'ERR_JWS_INVALID';
}

/** Re-raises an error from decoding one segment with the token-level code and the position in the whole token. */
function inSegment(error: unknown, part: Segment, start: number, bytes: boolean): JwtError {
  if (!(error instanceof JwtError)) throw error;
  const where = error.where && { ...error.where, part };
  // Only base64url positions are positions in the token; JSON positions are in the decoded text.
  if (where && where.index !== undefined && !bytes) where.tokenIndex = start + where.index;
  const wrapped = new JwtError(codeFor(part), error.message, { where, cause: error, related: error.related });
  return wrapped;
}

/**
 * Decodes one segment: base64url, then (header, and a JWT's payload) UTF-8 and a JSON object.
 * A JWS payload may be any bytes (`json` false): then only base64url applies.
 */
export function decodeSegment(part: Segment, text: string, start: number, json = true): SegmentView {
  const view: SegmentView = { part, text, start, warnings: [] };
  try {
    view.bytes = base64urlDecode(text, part);
  } catch (error) {
    view.error = inSegment(error, part, start, false);
    return view;
  }
  if (part === 'signature' || !json) return view;
  try {
    view.json = utf8Decode(view.bytes, part);
    const parsed = parseJsonObject(view.json, part);
    view.value = parsed.value;
    view.members = parsed.members;
    view.warnings = parsed.warnings;
  } catch (error) {
    view.error = inSegment(error, part, start, true);
  }
  return view;
}

function splitWithStarts(token: string): { pieces: string[]; starts: number[] } {
  const pieces = token.split('.');
  const starts: number[] = [];
  let at = 0;
  for (const piece of pieces) {
    starts.push(at);
    at += piece.length + 1;
  }
  return { pieces, starts };
}

function shapeError(token: string, count: number): JwtError | undefined {
  if (count === 3) return undefined;
  if (token.length === 0) {
    return new JwtError('ERR_JWS_INVALID', 'The token is empty. A JWT looks like header.payload.signature.', {
      where: { part: 'token', index: 0, tokenIndex: 0 },
    });
  }
  if (count === 5) {
    return new JwtError(
      'ERR_JWS_INVALID',
      'This token has 5 segments: protected header, encrypted key, initialization vector, ciphertext and authentication tag. ' +
        'That is an encrypted token (JWE), not a signed one (JWS): its payload can only be read with the decryption key, and this verifier checks signed tokens only.',
      { where: { part: 'token' } },
    );
  }
  const dots = count - 1;
  return new JwtError(
    'ERR_JWS_INVALID',
    `The token has ${count} segment${count === 1 ? '' : 's'} (${dots} dot${dots === 1 ? '' : 's'}); a signed JWT has exactly 3: header.payload.signature. ${
      count < 3 ? 'A dot or a segment is missing.' : 'There are extra dots or segments.'
    }`,
    { where: { part: 'token', index: token.length, tokenIndex: token.length } },
  );
}

/**
 * A token copied with what surrounded it: an Authorization header's "Bearer " scheme, or whitespace before or
 * after it. Refused, never trimmed (a verifier that guesses what was meant verifies something else), but
 * named, so the learner knows what to remove.
 */
export function framingError(token: string): JwtError | undefined {
  const bearer = /^bearer\s+/i.exec(token);
  if (bearer) {
    const scheme = bearer[0].trimEnd();
    return new JwtError(
      'ERR_JWS_INVALID',
      `The token starts with "${scheme} ": that is the scheme of an HTTP Authorization header, not part of the token. ` +
        `Remove "${scheme}" and the space after it: the header's value is "${scheme} <token>", and the token is only what follows.`,
      { where: { part: 'token', index: 0, tokenIndex: 0, char: token[0] } },
    );
  }
  const leading = token.length - token.trimStart().length;
  const end = token.trimEnd().length;
  if (leading === 0 && end === token.length) return undefined;
  const at = leading > 0 ? 0 : end;
  const char = String.fromCodePoint(token.codePointAt(at)!);
  return new JwtError(
    'ERR_JWS_INVALID',
    `The token ${leading > 0 ? 'starts' : 'ends'} with ${describeChar(char)} (character ${at + 1}). Whitespace is not part of a token, ` +
      `and a verifier must not trim it for you: remove it from the ${leading > 0 ? 'start' : 'end'}.`,
    { where: { part: 'token', index: at, tokenIndex: at, char } },
  );
}

function decodeEncryptedPart(part: JwePart, text: string, start: number): EncryptedPartView {
  try {
    return { part, text, start, bytes: base64urlDecode(text, part) };
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    const where = error.where && { ...error.where, tokenIndex: start + (error.where.index ?? 0) };
    return { part, text, start, error: new JwtError('ERR_JWE_INVALID', error.message, { where, cause: error }) };
  }
}

/** `jsonPayload` false reads the payload as plain bytes, as a JWS (not a JWT) may carry. */
export function inspectToken(token: string, jsonPayload = true): TokenView {
  const { pieces, starts } = splitWithStarts(token);
  const error = framingError(token) ?? shapeError(token, pieces.length);
  if (pieces.length === JWE_PARTS.length) {
    // A JWE's protected header is base64url JSON too; the rest is key material, ciphertext and a tag.
    const encrypted = (['encrypted-key', 'iv', 'ciphertext', 'tag'] as const).map((part, i) => decodeEncryptedPart(part, pieces[i + 1]!, starts[i + 1]!));
    return { token, format: 'JWE', segments: [decodeSegment('header', pieces[0]!, 0)], encrypted, pieces, starts, parts: partsOf(5), error };
  }
  const segments = pieces.slice(0, 3).map((text, i) => decodeSegment(PARTS[i]!, text, starts[i]!, i === 0 || jsonPayload));
  return { token, format: error ? 'invalid' : 'JWS', segments, encrypted: [], pieces, starts, parts: partsOf(pieces.length), error };
}

export interface Decoded {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: Uint8Array;
  view: TokenView;
}

/** Decodes without verifying: nothing here may be trusted. Throws the first error in the token. */
export function decode(token: string): Decoded {
  const view = inspectToken(token);
  if (view.error) throw view.error;
  const failed = view.segments.find((s) => s.error);
  if (failed?.error) throw failed.error;
  const [header, payload, signature] = view.segments as [SegmentView, SegmentView, SegmentView];
  return { header: header.value!, payload: payload.value!, signature: signature.bytes!, view };
}
