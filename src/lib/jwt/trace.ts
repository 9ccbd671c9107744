/**
 * The steps a traced sign or verify returns: plain data, one object per stage, so a widget can draw any
 * stage and a test can check it without a browser. `stage` discriminates the union, so a widget's switch
 * over it is exhaustive and TypeScript says when a new stage needs a view.
 */
import type { Algorithm, HashName } from './algorithms';
import type { JwtError } from './errors';
import type { JsonWarning } from './json';

/** Which JSON part of a token a step is about. */
export type JsonPart = 'header' | 'payload';
export type Segment = JsonPart | 'signature';

export interface Utf8Step {
  stage: 'utf8';
  part: JsonPart;
  text: string;
  bytes: Uint8Array;
}

export interface Base64urlStep {
  stage: 'base64url';
  /** What was encoded: the header or payload bytes, or the signature. */
  part: Segment;
  bytes: Uint8Array;
  text: string;
}

export interface SigningInputStep {
  stage: 'signing-input';
  header: string;
  payload: string;
  /** header + "." + payload, as ASCII bytes: this is what the signature covers. */
  text: string;
  bytes: Uint8Array;
}

export interface HmacKeyStep {
  stage: 'hmac-key';
  hash: HashName;
  key: Uint8Array;
  blockBytes: number;
  /** Keys longer than the block are hashed first (RFC 2104 §2). */
  keyWasHashed: boolean;
  /** The key (or its hash) padded with zero bytes to the block size. */
  keyBlock: Uint8Array;
  /** RFC 7518 §3.2: an HMAC key must be at least as long as the hash output. */
  minimumBytes: number;
  weak: boolean;
}

export interface HmacInnerStep {
  stage: 'hmac-inner';
  hash: HashName;
  /** keyBlock XOR 0x36 repeated. */
  keyIpad: Uint8Array;
  message: Uint8Array;
  /** hash(keyIpad ‖ message) */
  innerHash: Uint8Array;
}

export interface HmacOuterStep {
  stage: 'hmac-outer';
  hash: HashName;
  /** keyBlock XOR 0x5c repeated. */
  keyOpad: Uint8Array;
  innerHash: Uint8Array;
  /** hash(keyOpad ‖ innerHash): the MAC. */
  mac: Uint8Array;
  /** What crypto.subtle.sign returned for the same key and message; equal to `mac`, or the trace fails. */
  webCrypto: Uint8Array;
}

export interface DigestStep {
  stage: 'digest';
  hash: HashName;
  input: Uint8Array;
  digest: Uint8Array;
}

/** RSASSA-PKCS1-v1_5 encoding (RFC 8017 §9.2): EM = 00 01 FF…FF 00 ‖ DigestInfo. */
export interface RsaEncodeStep {
  stage: 'rsa-encode';
  hash: HashName;
  digest: Uint8Array;
  /** DER of DigestInfo: the algorithm identifier prefix followed by the digest. */
  digestInfo: Uint8Array;
  digestInfoPrefix: Uint8Array;
  /** Number of FF bytes in the padding. */
  paddingBytes: number;
  em: Uint8Array;
  modulusBits: number;
}

/** The private-key operation, as WebCrypto performed it. */
export interface RsaSignStep {
  stage: 'rsa-sign';
  /** EM read as a big-endian integer. */
  m: bigint;
  /** crypto.subtle.sign's result. */
  signature: Uint8Array;
  s: bigint;
  n: bigint;
  e: bigint;
  /** s^e mod n computed here; equal to m, or the trace fails. */
  check: bigint;
}

/** The public-key operation, computed here with BigInt. */
export interface RsaPublicStep {
  stage: 'rsa-public';
  signature: Uint8Array;
  s: bigint;
  n: bigint;
  e: bigint;
  /** s^e mod n */
  m: bigint;
  /** m as bytes of the modulus length: the encoded message the signer produced, if the signature is genuine. */
  em: Uint8Array;
  /** False when s ≥ n or the signature has the wrong length, which WebCrypto rejects outright. */
  inRange: boolean;
}

/** Signatures that cannot be recomputed by the verifier: PSS (random salt), ECDSA (random k), EdDSA. */
export interface OpaqueSignStep {
  stage: 'opaque-sign';
  alg: Algorithm;
  signature: Uint8Array;
  /** For ECDSA: the two halves of the raw r‖s signature. */
  r?: Uint8Array;
  s?: Uint8Array;
  randomized: boolean;
}

export interface CompareStep {
  stage: 'compare';
  /** What is compared: the HMAC itself, or (RSA PKCS#1 v1.5) the encoded message. */
  what: 'mac' | 'encoded-message';
  expected: Uint8Array;
  received: Uint8Array;
  /** The first differing byte, -1 when equal. */
  firstDifference: number;
  /** How many bytes a naive compare that stops at the first difference looks at. */
  naiveBytesExamined: number;
  /** The verdict, from crypto.subtle.verify (constant-time). */
  equal: boolean;
}

export interface OpaqueVerifyStep {
  stage: 'opaque-verify';
  alg: Algorithm;
  signature: Uint8Array;
  r?: Uint8Array;
  s?: Uint8Array;
  /** crypto.subtle.verify's verdict. */
  valid: boolean;
}

export interface TokenStep {
  stage: 'token';
  header: string;
  payload: string;
  signature: string;
  token: string;
}

export interface SplitStep {
  stage: 'split';
  token: string;
  /** The segments as received; more or fewer than three is an error at this step. */
  segments: string[];
  /** Index in the token where each segment starts. */
  starts: number[];
}

export interface DecodeStep {
  stage: 'decode';
  part: Segment;
  text: string;
  bytes?: Uint8Array;
  json?: string;
  value?: Record<string, unknown>;
  warnings: JsonWarning[];
}

export interface AlgorithmStep {
  stage: 'algorithm';
  alg: unknown;
  allowed: readonly string[];
  ok: boolean;
}

export interface KeyStep {
  stage: 'key';
  alg: Algorithm;
  /** What the key is, in words: "an RSA public key, 2048 bits". */
  description: string;
  ok: boolean;
  warnings: string[];
}

/** Why a key of a set is not a candidate for this token; `unusable`: this verifier cannot use it for any token. */
export type KeyRejection = 'unusable' | 'kid' | 'kty' | 'crv' | 'alg' | 'use' | 'key_ops';

/** One key of a JWK Set as the selection saw it: its members as given (user data, shown as text only). */
export interface KeySetKeyView {
  /** Position in the set's "keys" array, from 0. */
  index: number;
  kid: unknown;
  kty: unknown;
  /** The key's own "alg" member, if it states one. */
  alg: unknown;
  candidate: boolean;
  /** Why not a candidate. */
  rejectedBy?: KeyRejection;
  /** The same in words, a clause that follows the key's name: "is an RSA key, but the token asks for ES256". */
  reason?: string;
}

/** Picking the key from a JWK Set (RFC 7517 §5) for this token, before the chosen key is checked against the algorithm. */
export interface KeySelectStep {
  stage: 'key-select';
  /** The header's "kid", as given (absent: undefined). */
  kid: unknown;
  /** The header's algorithm, already allowed. */
  alg: Algorithm;
  keys: KeySetKeyView[];
  /** Index of the chosen key in `keys`; -1 when none was chosen. */
  chosen: number;
  ok: boolean;
  /** One sentence: which key was chosen, or why none could be. */
  message: string;
}

export type ClaimName = 'exp' | 'nbf' | 'iat' | 'iss' | 'aud' | 'sub' | 'typ' | 'jti' | 'crit' | 'required';

/**
 * What a claim check came to. `absent`: the claim is not in the token and nothing requires it, so nothing
 * was checked. `unchecked`: it is there, but this verifier has no rule for it (iat without a maximum age).
 * Only `failed` stops the verifier; neither of the last two is a pass.
 */
export type ClaimStatus = 'passed' | 'failed' | 'absent' | 'unchecked';

export interface ClaimStep {
  stage: 'claim';
  claim: ClaimName;
  /** Which claim (or header) a `required` step is about. */
  name?: string;
  value: unknown;
  expected?: unknown;
  /** The clock used, in NumericDate seconds, for time checks. */
  now?: number;
  tolerance?: number;
  status: ClaimStatus;
  /** One sentence: what was checked and what came out. */
  message: string;
}

export type Step =
  | Utf8Step
  | Base64urlStep
  | SigningInputStep
  | HmacKeyStep
  | HmacInnerStep
  | HmacOuterStep
  | DigestStep
  | RsaEncodeStep
  | RsaSignStep
  | RsaPublicStep
  | OpaqueSignStep
  | CompareStep
  | OpaqueVerifyStep
  | TokenStep
  | SplitStep
  | DecodeStep
  | AlgorithmStep
  | KeySelectStep
  | KeyStep
  | ClaimStep;

export type Stage = Step['stage'];

/** A failed operation's trace ends with the step that failed; `error` says why. */
export interface FailedTrace {
  steps: Step[];
  error: JwtError;
}
