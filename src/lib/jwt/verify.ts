/**
 * Verifying a compact JWS and its JWT claims the way a careful server does: an allow-list of algorithms,
 * `none` refused, a key that must fit the algorithm, WebCrypto's verdict on the signature, then the claims
 * against a clock. With `trace`, every stage is returned; a failure carries the steps up to the one that failed.
 */
import { algorithmInfo, isAlgorithm, type Algorithm, type AlgorithmInfo } from './algorithms';
import { buf, firstDifference, utf8Encode } from './bytes';
import { checkClaims, type ClaimOptions } from './claims';
import { inspectToken } from './decode';
import { JwtError } from './errors';
import { hmacSteps } from './hmac';
import type { KeyInput } from './keys/common';
import { assertKeyFits, describeKey, keyWarnings } from './keys/fit';
import { encodePkcs1, rsaPublicStep } from './rsa';
import { cryptoKeyFor, digestStep, hmacSecret, splitEcdsa } from './signature';
import type { ClaimStep, CompareStep, Step } from './trace';

export interface VerifyOptions extends ClaimOptions {
  /** The algorithms this verifier accepts. Required: the token must never choose for itself. */
  algorithms: readonly Algorithm[];
  /** Extension header parameters this verifier understands, for the header's `crit` list. None by default. */
  crit?: readonly string[];
  /** Return the steps. Off by default: then verifying does no extra work. */
  trace?: boolean;
}

export interface VerifyResult {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The payload's bytes as signed. */
  payloadBytes: Uint8Array;
  /** Things that passed but deserve a word: a weak key, a number JavaScript cannot hold exactly. */
  warnings: string[];
  trace?: Step[];
}

/** Header parameters RFC 7515 and 7519 define; `crit` may not list them. */
export const REGISTERED_HEADERS = ['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit', 'enc', 'zip'];

/**
 * Chooses the key for a token from its protected header and its (already allowed) algorithm, with the step that
 * shows how: a JWK Set's `key-select` (keys/set.ts, verifyWithKeySet). A refusal comes back as `error`.
 */
export type KeyChooser = (header: Record<string, unknown>, alg: Algorithm) => Promise<{ step: Step; key?: KeyInput; error?: JwtError }>;

/** Verifies a JWT: the signature, then its claims. For a JWK Set, see verifyWithKeySet (keys/set.ts). */
export async function verify(token: string, key: KeyInput, options: VerifyOptions): Promise<VerifyResult> {
  return verifyToken(token, key, options, true);
}

export type JwsVerifyOptions = Pick<VerifyOptions, 'algorithms' | 'crit' | 'trace'>;
export type JwsVerifyResult = Omit<VerifyResult, 'payload'>;

/** Verifies a JWS whose payload may be any bytes (RFC 7515): the signature only, no claims. */
export async function verifyJws(token: string, key: KeyInput, options: JwsVerifyOptions): Promise<JwsVerifyResult> {
  const { payload: _claims, ...result } = await verifyToken(token, key, options, false);
  return result;
}

/**
 * Verifies with the key `choose` picks once the header is read and its algorithm allowed; `jwt`: check the claims
 * too. For keys/set.ts, which keeps the set's code off the pages that verify with one key.
 */
export async function verifyChoosing(token: string, choose: KeyChooser, options: VerifyOptions, jwt: boolean): Promise<VerifyResult> {
  return verifyToken(token, choose, options, jwt);
}

async function verifyToken(token: string, keyOrChooser: KeyInput | KeyChooser, options: VerifyOptions, jwt: boolean): Promise<VerifyResult> {
  if (!Array.isArray(options?.algorithms) || options.algorithms.length === 0) {
    throw new JwtError('ERR_JOSE_GENERIC', 'verify needs the list of algorithms this verifier accepts (options.algorithms).');
  }
  const trace = options.trace === true;
  const steps: Step[] = [];
  const fail = (error: JwtError): never => {
    if (trace) error.trace = steps;
    throw error;
  };

  const view = inspectToken(token, jwt);
  steps.push({ stage: 'split', token, segments: view.pieces, starts: view.starts });
  if (view.error) fail(view.error);
  for (const segment of view.segments) {
    const { part, text, bytes, json, value, warnings } = segment;
    steps.push({ stage: 'decode', part, text, bytes, json, value, warnings });
    if (segment.error) fail(segment.error);
  }
  const [headerView, payloadView, signatureView] = view.segments;
  const header = headerView!.value!;
  const payload = payloadView!.value ?? {};
  const signature = signatureView!.bytes!;
  const warnings = [...headerView!.warnings, ...payloadView!.warnings].map((w) => w.message);

  const alg = header.alg;
  const algOk = isAlgorithm(alg) && options.algorithms.includes(alg);
  steps.push({ stage: 'algorithm', alg, allowed: options.algorithms, ok: algOk });
  if (!algOk) fail(algorithmError(alg, options.algorithms));
  const info = algorithmInfo(alg);

  if (header.crit !== undefined) {
    const critStep = checkCrit(header, options.crit ?? []);
    steps.push(critStep);
    if (critStep.status === 'failed') {
      fail(new JwtError('ERR_JOSE_NOT_SUPPORTED', critStep.message, { where: { part: 'header' }, claim: 'crit' }));
    }
  }

  let key: KeyInput;
  if (typeof keyOrChooser === 'function') {
    const chosen = await keyOrChooser(header, info.alg);
    steps.push(chosen.step);
    if (chosen.error) fail(chosen.error);
    key = chosen.key!;
  } else {
    key = keyOrChooser;
  }

  try {
    assertKeyFits(key, info.alg, 'verify');
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    steps.push({ stage: 'key', alg: info.alg, description: describeKey(key).description, ok: false, warnings: [] });
    fail(error);
  }
  const weak = keyWarnings(key, info.alg);
  warnings.push(...weak);
  if (trace) steps.push({ stage: 'key', alg: info.alg, description: describeKey(key).description, ok: true, warnings: weak });

  const signingInput = utf8Encode(`${view.pieces[0]}.${view.pieces[1]}`);
  const valid = trace
    ? await traceSignatureCheck(info, key, signingInput, signature, steps)
    : await crypto.subtle.verify(info.signParams, await cryptoKeyFor(info, key, 'verify'), buf(signature), buf(signingInput));
  if (!valid) fail(signatureError(info, signature, steps));

  if (jwt) {
    const claims = await checkClaims(header, payload, options);
    if (trace) steps.push(...claims.steps);
    if (claims.error) fail(claims.error);
  }

  const result: VerifyResult = { header, payload, payloadBytes: payloadView!.bytes!, warnings };
  if (trace) result.trace = steps;
  return result;
}

function algorithmError(alg: unknown, allowed: readonly string[]): JwtError {
  const where = { part: 'header' as const };
  if (alg === undefined) return new JwtError('ERR_JWS_INVALID', 'The header has no "alg": a verifier cannot know how the token was signed.', { where });
  if (alg === 'none') {
    return new JwtError(
      'ERR_JOSE_ALG_NOT_ALLOWED',
      'The header says "alg": "none": the token claims it needs no signature. Anyone can write such a token, so this verifier refuses it; RFC 7519 allows one only where the application explicitly expects an unsecured token.',
      { where },
    );
  }
  return new JwtError(
    'ERR_JOSE_ALG_NOT_ALLOWED',
    `The header asks for ${JSON.stringify(alg)}, but this verifier accepts only ${allowed.join(', ')}. The verifier decides the algorithm, never the token.`,
    { where },
  );
}

/** RFC 7515 §4.1.11: every name in `crit` must be an extension this verifier understands, and present. */
export function checkCrit(header: Record<string, unknown>, understood: readonly string[], registered: readonly string[] = REGISTERED_HEADERS): ClaimStep {
  const crit = header.crit;
  const base = { stage: 'claim' as const, claim: 'crit' as const, value: crit, expected: understood };
  if (!Array.isArray(crit) || crit.length === 0 || !crit.every((c) => typeof c === 'string')) {
    return { ...base, status: 'failed', message: 'The header\'s "crit" must be a non-empty list of header parameter names.' };
  }
  for (const name of crit as string[]) {
    if (registered.includes(name)) {
      return { ...base, status: 'failed', message: `The header's "crit" lists "${name}", which is a standard parameter; only extensions may be listed.` };
    }
    if (!understood.includes(name)) {
      return { ...base, status: 'failed', message: `The header marks "${name}" as critical, and this verifier does not understand it, so it must refuse the token.` };
    }
    if (header[name] === undefined) {
      return { ...base, status: 'failed', message: `The header marks "${name}" as critical but does not contain it.` };
    }
  }
  return { ...base, status: 'passed', message: `Every critical extension (${(crit as string[]).join(', ')}) is understood.` };
}

function compareStep(what: CompareStep['what'], expected: Uint8Array, received: Uint8Array, equal: boolean): CompareStep {
  const firstDiff = firstDifference(expected, received);
  // A naive compare checks the length first, then stops at the first differing byte.
  const naiveBytesExamined = expected.length !== received.length ? 0 : firstDiff === -1 ? expected.length : firstDiff + 1;
  return { stage: 'compare', what, expected, received, firstDifference: firstDiff, naiveBytesExamined, equal };
}

function mismatch(what: string): JwtError {
  return new JwtError(
    'ERR_TRACE_MISMATCH',
    `The step-by-step ${what} and WebCrypto's verdict disagree. This is a bug in the trace; WebCrypto's verdict stands.`,
  );
}

/** Checks the signature with WebCrypto and pushes the steps that show why; the two must agree. */
async function traceSignatureCheck(
  info: AlgorithmInfo,
  key: KeyInput,
  signingInput: Uint8Array,
  signature: Uint8Array,
  steps: Step[],
): Promise<boolean> {
  const webCrypto = () => cryptoKeyFor(info, key, 'verify').then((k) => crypto.subtle.verify(info.signParams, k, buf(signature), buf(signingInput)));
  switch (info.family) {
    case 'HMAC': {
      const hmac = await hmacSteps(info, await hmacSecret(key), signingInput);
      steps.push(...hmac);
      const valid = await webCrypto();
      const compare = compareStep('mac', hmac[2].mac, signature, valid);
      steps.push(compare);
      if (valid !== (compare.firstDifference === -1)) throw mismatch('comparison');
      return valid;
    }
    case 'RSA-PKCS1': {
      const publicKey = key as CryptoKey;
      const digest = await digestStep(info, signingInput);
      const encoded = encodePkcs1(info.hash, digest.digest, (publicKey.algorithm as RsaHashedKeyAlgorithm).modulusLength);
      const opened = await rsaPublicStep(publicKey, signature);
      steps.push(digest, encoded, opened);
      const valid = await webCrypto();
      // RFC 8017 §8.2.2 step 1: a signature of the wrong length, or not below n, is refused before any compare.
      if (!opened.inRange) {
        if (valid) throw mismatch('RSA check');
        return false;
      }
      const compare = compareStep('encoded-message', encoded.em, opened.em, valid);
      steps.push(compare);
      if (valid !== (compare.firstDifference === -1)) throw mismatch('RSA check');
      return valid;
    }
    default: {
      if (info.family !== 'EdDSA') steps.push(await digestStep(info, signingInput));
      const valid = await webCrypto();
      steps.push({ stage: 'opaque-verify', alg: info.alg, signature, ...splitEcdsa(info, signature), valid });
      return valid;
    }
  }
}

function signatureError(info: AlgorithmInfo, signature: Uint8Array, steps: Step[]): JwtError {
  const last = steps[steps.length - 1];
  const where = { part: 'signature' as const };
  let message: string;
  if (last?.stage === 'compare' && last.what === 'mac') {
    message = last.firstDifference === -1
      ? 'The signature does not match.'
      : `The signature computed with this key differs from the token's at byte ${last.firstDifference + 1}: the header or payload was changed, or the key is not the one that signed it.`;
  } else if (last?.stage === 'rsa-public' && !last.inRange) {
    const k = last.em.length;
    message = signature.length !== k
      ? `The signature is ${signature.length} bytes, but every signature made with this ${k * 8}-bit key is exactly ${k} bytes: it cannot be genuine.`
      : 'The signature, read as a number, is not below the modulus n: it cannot be genuine.';
  } else if (info.family === 'RSA-PKCS1') {
    message = 'Opening the signature with the public key does not give the padded digest of this header and payload: the token was changed, or another key signed it.';
  } else if (info.family === 'HMAC') {
    message = `The ${signature.length}-byte signature is not the HMAC of this header and payload under this key: the token was changed, or the key is not the one that signed it.`;
  } else {
    message = `WebCrypto says this ${info.alg} signature does not match this header, payload and key: the token was changed, or another key signed it.`;
  }
  return new JwtError('ERR_JWS_SIGNATURE_VERIFICATION_FAILED', message, { where });
}
