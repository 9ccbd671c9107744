/**
 * Taking a compact token apart without verifying it. `inspectToken` never throws: it decodes as much as it
 * can and puts each error on the segment where it happened, which is what a widget shows while a learner
 * types. `decode` is the strict form: the first error is thrown.
 */
import { base64urlDecode } from './base64url';
import { utf8Decode } from './bytes';
import { JwtError, type ErrorCode } from './errors';
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

export interface TokenView {
  token: string;
  /** 3 segments: a signed token (JWS). 5 segments: an encrypted one (JWE), whose parts are not decoded here. */
  format: 'JWS' | 'JWE' | 'invalid';
  /** Header, payload and signature for a JWS; for anything else, the first three pieces at most. */
  segments: SegmentView[];
  /** The token split at every dot, and where each piece starts. */
  pieces: string[];
  starts: number[];
  /** What is wrong with the token's shape (segment count), if anything. */
  error?: JwtError;
}

const PARTS: Segment[] = ['header', 'payload', 'signature'];

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
      'This token has 5 segments: that is an encrypted token (JWE), not a signed one (JWS). Its payload can only be read with the decryption key.',
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

/** `jsonPayload` false reads the payload as plain bytes, as a JWS (not a JWT) may carry. */
export function inspectToken(token: string, jsonPayload = true): TokenView {
  const { pieces, starts } = splitWithStarts(token);
  const error = shapeError(token, pieces.length);
  if (pieces.length === 5) {
    // A JWE's protected header is base64url JSON too; the rest is ciphertext and key material.
    return { token, format: 'JWE', segments: [decodeSegment('header', pieces[0]!, 0)], pieces, starts, error };
  }
  const segments = pieces.slice(0, 3).map((text, i) => decodeSegment(PARTS[i]!, text, starts[i]!, i === 0 || jsonPayload));
  return { token, format: error ? 'invalid' : 'JWS', segments, pieces, starts, error };
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
