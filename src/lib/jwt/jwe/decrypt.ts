/**
 * Decrypting a compact JWE (RFC 7516 §5.2) the way a careful recipient does: allow-lists for `alg` and `enc`,
 * strict base64url and JSON, `crit` and `zip` refused unless understood, a key checked against the algorithm
 * before use, the tag checked before anything is decrypted. With `trace`, every stage is returned; a failure
 * carries the steps up to the one that failed in `error.jweTrace`.
 */
import { utf8Decode, utf8Encode } from '../bytes';
import { framingError, inspectToken } from '../decode';
import { JwtError, type ErrorCode, type JwePart } from '../errors';
import { checkCrit, REGISTERED_HEADERS } from '../verify';
import {
  contentEncryptionInfo, isContentEncryptionAlgorithm, isKeyManagementAlgorithm, keyManagementInfo, refusedAlgorithmReason,
  type ContentEncryptionAlgorithm, type ContentEncryptionInfo, type KeyManagementAlgorithm, type KeyManagementInfo,
} from './algorithms';
import { aesGcmKwUnwrap } from './aes-gcmkw';
import { aesKwUnwrap } from './aes-kw';
import { checkCbcHmacTag, decryptCbc, decryptGcm } from './content';
import { ecdhEs, importEpk } from './ecdh-es';
import { checkP2c, checkP2s, headerBytes } from './header';
import { describeJweKey, ecdhKey, passwordBytes, rsaOaepKey, secretKey, type JweKey } from './keys';
import { DEFAULT_MAX_P2C, pbes2Kek } from './pbes2';
import { refuseZip } from './refusals';
import { rsaOaepUnwrap } from './rsa-oaep';
import type { JweCheckStep, JweStep } from './trace';

export interface DecryptOptions {
  /** The key management algorithms (`alg`) this recipient accepts. Required: the token must never choose. */
  keyManagementAlgorithms: readonly KeyManagementAlgorithm[];
  /** The content encryption algorithms (`enc`) this recipient accepts. Required. */
  contentEncryptionAlgorithms: readonly ContentEncryptionAlgorithm[];
  /** Extension header parameters this recipient understands, for the header's `crit`. None by default. */
  crit?: readonly string[];
  /** The largest PBES2 iteration count accepted; 1,000,000 by default. */
  maxPBES2Count?: number;
  trace?: boolean;
}

export interface DecryptResult {
  header: Record<string, unknown>;
  plaintext: Uint8Array;
  /** The plaintext as UTF-8 text; throws ERR_UTF8_INVALID if it is not text. */
  text(): string;
  warnings: string[];
  trace?: JweStep[];
}

/** Header parameters RFC 7516 and 7518 define for JWE; `crit` may not list them. */
const JWE_HEADERS = [...REGISTERED_HEADERS, 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c'];

function jweError(code: ErrorCode, message: string, part: 'header' | 'token' | JwePart, cause?: unknown): JwtError {
  return new JwtError(code, message, { where: { part }, cause });
}

/** Re-raises a decoding error as an invalid JWE, keeping where it happened. */
function asJweError(error: JwtError): JwtError {
  if (error.code === 'ERR_JWE_INVALID') return error;
  return new JwtError('ERR_JWE_INVALID', error.message, { where: error.where, related: error.related, cause: error });
}

function allowListError(name: string, option: string): JwtError {
  return new JwtError('ERR_JOSE_GENERIC', `decrypt needs the list of ${name} this recipient accepts (options.${option}); the token must never choose its own.`);
}

export async function decrypt(token: string, key: JweKey, options: DecryptOptions): Promise<DecryptResult> {
  if (!Array.isArray(options?.keyManagementAlgorithms) || options.keyManagementAlgorithms.length === 0) {
    throw allowListError('key management algorithms ("alg")', 'keyManagementAlgorithms');
  }
  if (!Array.isArray(options.contentEncryptionAlgorithms) || options.contentEncryptionAlgorithms.length === 0) {
    throw allowListError('content encryption algorithms ("enc")', 'contentEncryptionAlgorithms');
  }
  const steps: JweStep[] = [];
  try {
    const result = await decryptSteps(token, key, options, steps);
    if (options.trace === true) result.trace = steps;
    return result;
  } catch (error) {
    // Whichever stage threw, the steps so far go with the error.
    if (options.trace === true && error instanceof JwtError) error.jweTrace = steps;
    throw error;
  }
}

/** Pushes a check's step, and refuses the token if it failed. */
function checker(steps: JweStep[]) {
  return (part: JweCheckStep['part'], name: string, value: unknown, refusal: string | undefined, code: ErrorCode = 'ERR_JWE_INVALID'): void => {
    steps.push({ stage: 'check', part, name, value, ok: refusal === undefined, message: refusal ?? `${name}: accepted.` });
    if (refusal !== undefined) throw jweError(code, refusal, part);
  };
}
type Check = ReturnType<typeof checker>;

async function decryptSteps(token: string, key: JweKey, options: DecryptOptions, steps: JweStep[]): Promise<DecryptResult> {
  const check = checker(steps);

  // Split and decode.
  const view = inspectToken(token);
  steps.push({ stage: 'jwe-split', token, segments: view.pieces, starts: view.starts });
  const framing = framingError(token);
  if (framing) throw asJweError(framing);
  if (view.pieces.length !== 5) {
    const n = view.pieces.length;
    throw jweError('ERR_JWE_INVALID', `The token has ${n} part${n === 1 ? '' : 's'}; a compact JWE has exactly 5: protected header, encrypted key, IV, ciphertext and tag.${n === 3 ? ' Three parts make a signed token (JWS), not an encrypted one.' : ''}`, 'token');
  }
  const headerView = view.segments[0]!;
  steps.push({ stage: 'jwe-decode', part: 'header', text: headerView.text, bytes: headerView.bytes, json: headerView.json, value: headerView.value, warnings: headerView.warnings });
  if (headerView.error) throw asJweError(headerView.error);
  for (const part of view.encrypted) {
    steps.push({ stage: 'jwe-decode', part: part.part, text: part.text, bytes: part.bytes, warnings: [] });
    if (part.error) throw part.error;
  }
  const header = headerView.value!;
  const [encryptedKey, iv, ciphertext, tag] = view.encrypted.map((p) => p.bytes!) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];

  // The algorithms: this recipient's choice, never the token's.
  const { alg, enc } = header;
  const algOk = isKeyManagementAlgorithm(alg) && options.keyManagementAlgorithms.includes(alg);
  const encOk = isContentEncryptionAlgorithm(enc) && options.contentEncryptionAlgorithms.includes(enc);
  steps.push({ stage: 'algorithms', alg, enc, allowedAlg: options.keyManagementAlgorithms, allowedEnc: options.contentEncryptionAlgorithms, ok: algOk && encOk });
  if (!algOk) throw algorithmError('alg', alg, options.keyManagementAlgorithms);
  if (!encOk) throw algorithmError('enc', enc, options.contentEncryptionAlgorithms);
  const info = keyManagementInfo(alg);
  const content = contentEncryptionInfo(enc);

  // Header parameters and part lengths.
  const zip = refuseZip(header);
  if (zip) check('header', 'zip', header.zip, zip.message, 'ERR_JOSE_NOT_SUPPORTED');
  if (header.crit !== undefined) {
    const crit = checkCrit(header, options.crit ?? [], JWE_HEADERS);
    check('header', 'crit', header.crit, crit.status === 'failed' ? crit.message : undefined, 'ERR_JOSE_NOT_SUPPORTED');
  }
  const noKey = info.family === 'dir' || (info.family === 'ECDH-ES' && info.kwBits === undefined);
  if (noKey && encryptedKey.length > 0) {
    check('encrypted-key', 'encrypted key', encryptedKey.length, `With ${info.alg} the encrypted key part must be empty (the key is ${info.alg === 'dir' ? 'shared in advance' : 'agreed'}), but it holds ${encryptedKey.length} bytes.`);
  }
  if (iv.length !== content.ivBytes) check('iv', 'IV length', iv.length, `The IV is ${iv.length} bytes; ${content.enc} uses a ${content.ivBytes}-byte IV.`);
  if (tag.length !== content.tagBytes) check('tag', 'tag length', tag.length, `The authentication tag is ${tag.length} bytes; ${content.enc} makes a ${content.tagBytes}-byte tag.`);

  // The key, checked against the algorithm before any use.
  let prepared: PreparedKey;
  try {
    prepared = await prepareKey(key, info, content);
  } catch (error) {
    steps.push({ stage: 'jwe-key', alg: info.alg, description: describeJweKey(key), ok: false });
    throw error;
  }
  steps.push({ stage: 'jwe-key', alg: info.alg, description: describeJweKey(key), ok: true });

  // Key management: recover (or agree on) the CEK.
  const cek = await recoverCek(info, content, header, prepared, encryptedKey, options, steps, check);
  if (cek.length !== content.cekBytes) {
    throw jweError('ERR_JWE_DECRYPTION_FAILED', `The recovered content key is ${cek.length} bytes, but ${content.enc} needs ${content.cekBytes}: this token was made for another enc, or changed.`, 'encrypted-key');
  }
  steps.push({ stage: 'cek', source: info.family === 'dir' ? 'direct-key' : noKey ? 'key-agreement' : 'unwrapped', cek, enc: content.enc });

  // AAD, tag, then decryption.
  const aadText = view.pieces[0]!;
  const aad = utf8Encode(aadText);
  steps.push({ stage: 'aad', text: aadText, bytes: aad });
  let plaintext: Uint8Array;
  if (content.mode === 'GCM') {
    const opened = await decryptGcm(content, cek, iv, aad, ciphertext, tag);
    steps.push(opened);
    if (!opened.ok) throw tagError(content);
    plaintext = opened.plaintext!;
  } else {
    const tagStep = await checkCbcHmacTag(content, cek, iv, aad, ciphertext, tag);
    steps.push(tagStep);
    if (!tagStep.ok) throw tagError(content);
    const opened = await decryptCbc(content, cek, iv, ciphertext);
    if (!opened) throw jweError('ERR_JWE_DECRYPTION_FAILED', 'The tag matched, but the decrypted content does not end in valid PKCS#7 padding: the sender encrypted it wrongly.', 'ciphertext');
    steps.push(opened);
    plaintext = opened.plaintext;
  }
  if (options.trace === true) steps.push({ stage: 'plaintext', bytes: plaintext, ...textOf(plaintext) });

  const warnings = headerView.warnings.map((w) => w.message);
  return { header, plaintext, text: () => utf8Decode(plaintext, 'ciphertext'), warnings };
}

function textOf(bytes: Uint8Array): { text?: string } {
  try {
    return { text: utf8Decode(bytes, 'ciphertext') };
  } catch {
    return {};
  }
}

type PreparedKey = { kind: 'rsa' | 'ecdh'; key: CryptoKey; crv?: 'P-256' | 'P-384' | 'P-521' } | { kind: 'secret'; secret: Awaited<ReturnType<typeof secretKey>> } | { kind: 'password'; bytes: Uint8Array };

async function prepareKey(key: JweKey, info: KeyManagementInfo, content: ContentEncryptionInfo): Promise<PreparedKey> {
  switch (info.family) {
    case 'RSA-OAEP': return { kind: 'rsa', key: await rsaOaepKey(key, info, 'decrypt') };
    case 'ECDH-ES': {
      const ecdh = await ecdhKey(key, info, 'decrypt');
      return { kind: 'ecdh', key: ecdh.key, crv: ecdh.crv };
    }
    case 'PBES2': return { kind: 'password', bytes: passwordBytes(key, info) };
    default: return { kind: 'secret', secret: await secretKey(key, info, content) };
  }
}

/**
 * A wrong key or a changed encrypted key fails here, and the code is ERR_JWE_DECRYPTION_FAILED, the same as a
 * bad tag: a server that answered the two differently would be an oracle (RFC 7516 §11.5 asks for a random CEK
 * instead, so both fail at the tag). This teaching core still names the stage in its message and trace.
 */
function unwrapError(info: KeyManagementInfo, why: string): JwtError {
  return jweError('ERR_JWE_DECRYPTION_FAILED', `${info.alg} could not recover the content key: ${why}`, 'encrypted-key');
}

async function recoverCek(
  info: KeyManagementInfo,
  content: ContentEncryptionInfo,
  header: Record<string, unknown>,
  prepared: PreparedKey,
  encryptedKey: Uint8Array,
  options: DecryptOptions,
  steps: JweStep[],
  check: Check,
): Promise<Uint8Array> {
  switch (prepared.kind) {
    case 'rsa': {
      const step = await rsaOaepUnwrap(info, prepared.key, encryptedKey);
      steps.push(step);
      if (!step.ok) throw unwrapError(info, 'RSA-OAEP decryption failed. The private key is not the one the token was encrypted to, or the encrypted key was changed.');
      return step.cek!;
    }
    case 'secret': {
      if (info.family === 'dir') return prepared.secret.bytes!;
      if (info.family === 'AES-KW') {
        const step = await aesKwUnwrap(info.alg, prepared.secret, encryptedKey);
        steps.push(step);
        if (!step.ok) throw unwrapError(info, 'AES key unwrap failed its integrity check. The key is not the one that wrapped it, or the encrypted key was changed.');
        return step.cek!;
      }
      const iv = headerBytes(header, 'iv');
      const tag = headerBytes(header, 'tag');
      check('header', 'iv', header.iv, iv.length === 12 ? undefined : `${info.alg} needs the header's "iv", the 12-byte IV of the key wrap, but it is ${header.iv === undefined ? 'missing' : `${iv.length} bytes`}.`);
      check('header', 'tag', header.tag, tag.length === 16 ? undefined : `${info.alg} needs the header's "tag", the key wrap's 16-byte tag, but it is ${header.tag === undefined ? 'missing' : `${tag.length} bytes`}.`);
      const step = await aesGcmKwUnwrap(info.alg, prepared.secret, encryptedKey, iv, tag);
      steps.push(step);
      if (!step.ok) throw unwrapError(info, 'the key wrap\'s AES-GCM tag does not match. The key is not the one that wrapped it, or the encrypted key, "iv" or "tag" was changed.');
      return step.cek!;
    }
    case 'ecdh': {
      const epk = await importEpk(header.epk, prepared.crv!).catch((error: unknown) => {
        if (error instanceof JwtError) check('header', 'epk', header.epk, error.message);
        throw error;
      });
      check('header', 'epk', header.epk, undefined);
      const apu = headerBytes(header, 'apu');
      const apv = headerBytes(header, 'apv');
      const agreed = await ecdhEs(info, content, prepared.crv!, prepared.key, epk.publicKey, epk.epk, apu, apv);
      steps.push(agreed);
      if (agreed.mode === 'direct') return agreed.derivedKey;
      return unwrapWith(info, agreed.derivedKey, encryptedKey, steps);
    }
    case 'password': {
      const p2s = headerBytes(header, 'p2s');
      check('header', 'p2s', header.p2s, header.p2s === undefined ? `${info.alg} needs the header's "p2s", the salt input.` : checkP2s(p2s));
      check('header', 'p2c', header.p2c, checkP2c(header.p2c, options.maxPBES2Count ?? DEFAULT_MAX_P2C));
      const derived = await pbes2Kek(info, prepared.bytes, p2s, header.p2c as number);
      steps.push(derived);
      return unwrapWith(info, derived.kek, encryptedKey, steps);
    }
  }
}

async function unwrapWith(info: KeyManagementInfo, kek: Uint8Array, encryptedKey: Uint8Array, steps: JweStep[]): Promise<Uint8Array> {
  const step = await aesKwUnwrap(info.alg, { bytes: kek, bits: info.kwBits! }, encryptedKey);
  steps.push(step);
  if (!step.ok) {
    throw unwrapError(info, info.family === 'PBES2'
      ? 'AES key unwrap with the password-derived key failed its integrity check. The password is wrong, or the encrypted key was changed.'
      : 'AES key unwrap with the agreed key failed its integrity check. The private key is not the one the token was encrypted to, or the encrypted key or "epk" was changed.');
  }
  return step.cek!;
}

function tagError(content: ContentEncryptionInfo): JwtError {
  return jweError(
    'ERR_JWE_DECRYPTION_FAILED',
    `The authentication tag does not match (${content.enc}): the protected header, IV, ciphertext or tag was changed, or the content key is not the sender's. Nothing was decrypted.`,
    'tag',
  );
}

function algorithmError(name: 'alg' | 'enc', value: unknown, allowed: readonly string[]): JwtError {
  if (value === undefined) {
    return jweError('ERR_JWE_INVALID', `The header has no "${name}": a recipient cannot know how the ${name === 'alg' ? 'content key was protected' : 'content was encrypted'}.`, 'header');
  }
  const reason = name === 'alg' ? refusedAlgorithmReason(value) : undefined;
  if (value === 'RSA1_5') return jweError('ERR_JOSE_NOT_SUPPORTED', reason!, 'header');
  return jweError(
    'ERR_JOSE_ALG_NOT_ALLOWED',
    `${reason ? `${reason} ` : ''}The header asks for "${name}": ${JSON.stringify(value)}, but this recipient accepts only ${allowed.join(', ')}. The recipient decides the algorithms, never the token.`,
    'header',
  );
}
