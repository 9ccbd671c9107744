/** Creating a compact JWE (RFC 7516 §5.1), optionally with the trace of every stage. */
import { base64urlEncode } from '../base64url';
import { utf8Encode } from '../bytes';
import { JwtError, type JwePart } from '../errors';
import { contentEncryptionInfo, keyManagementInfo, type ContentEncryptionInfo, type KeyManagementInfo } from './algorithms';
import { aesGcmKwWrap } from './aes-gcmkw';
import { aesKwWrap } from './aes-kw';
import { encryptCbcHmac, encryptGcm } from './content';
import { ecdhEs, ephemeralKeyPair } from './ecdh-es';
import { addMembers, checkP2c, checkP2s, headerBytes, readHeader, type JweHeaderInput } from './header';
import { ecdhKey, passwordBytes, rsaOaepKey, secretKey, type JweKey } from './keys';
import { DEFAULT_P2C, pbes2Kek } from './pbes2';
import { rsaOaepWrap } from './rsa-oaep';
import { refuseZip } from './refusals';
import type { CekSource, JweStep } from './trace';

export interface EncryptOptions {
  /** Return the steps as well as the token. Off by default: then encrypting does no extra work. */
  trace?: boolean;
  /** The content encryption key; random by default. Not for dir and ECDH-ES, whose key is the CEK. */
  cek?: Uint8Array;
  /** The content IV; random by default. */
  iv?: Uint8Array;
  /** AES-GCMKW's IV for wrapping the CEK; random by default. */
  keyWrapIv?: Uint8Array;
  /** ECDH-ES's ephemeral private key as a JWK; fresh by default. */
  ephemeralKey?: JsonWebKey;
  /** PBES2's salt input and iteration count; random 16 bytes and 10,000 by default. */
  p2s?: Uint8Array;
  p2c?: number;
}

export interface EncryptResult {
  token: string;
  trace?: JweStep[];
}

function random(bytes: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(bytes));
}

function optionError(message: string): JwtError {
  return new JwtError('ERR_JOSE_GENERIC', message);
}

function fixedLength(value: Uint8Array | undefined, bytes: number, what: string): Uint8Array {
  if (value === undefined) return random(bytes);
  if (value.length !== bytes) throw optionError(`The ${what} given is ${value.length} bytes, but it must be ${bytes}.`);
  return value;
}

interface KeyManagement {
  cek: Uint8Array;
  cekSource: CekSource;
  encryptedKey: Uint8Array;
  /** Header members key management produced. */
  members: Record<string, unknown>;
  steps: JweStep[];
}

/** Chooses or derives the CEK and makes what the recipient needs to recover it (RFC 7516 §5.1 steps 1–7). */
async function manageKey(info: KeyManagementInfo, enc: ContentEncryptionInfo, header: Record<string, unknown>, key: JweKey, options: EncryptOptions): Promise<KeyManagement> {
  const none = new Uint8Array(0);
  const chosenCek = () => fixedLength(options.cek, enc.cekBytes, `content encryption key for ${enc.enc}`);
  const cekSource: CekSource = options.cek ? 'given' : 'random';
  switch (info.family) {
    case 'dir': {
      if (options.cek) throw optionError('With dir the key itself is the content encryption key; leave options.cek out.');
      const secret = await secretKey(key, info, enc);
      return { cek: secret.bytes!, cekSource: 'direct-key', encryptedKey: none, members: {}, steps: [] };
    }
    case 'RSA-OAEP': {
      const publicKey = await rsaOaepKey(key, info, 'encrypt');
      const cek = chosenCek();
      const step = await rsaOaepWrap(info, publicKey, cek);
      return { cek, cekSource, encryptedKey: step.encryptedKey, members: {}, steps: [step] };
    }
    case 'AES-KW': {
      const kek = await secretKey(key, info, enc);
      const cek = chosenCek();
      const step = await aesKwWrap(info.alg, kek, cek);
      return { cek, cekSource, encryptedKey: step.wrappedKey, members: {}, steps: [step] };
    }
    case 'AES-GCMKW': {
      const kek = await secretKey(key, info, enc);
      const cek = chosenCek();
      const step = await aesGcmKwWrap(info.alg, kek, cek, fixedLength(options.keyWrapIv, 12, 'AES-GCMKW IV'));
      const members = { iv: base64urlEncode(step.iv), tag: base64urlEncode(step.tag) };
      return { cek, cekSource, encryptedKey: step.encryptedKey, members, steps: [step] };
    }
    case 'ECDH-ES': {
      const recipient = await ecdhKey(key, info, 'encrypt');
      const ephemeral = await ephemeralKeyPair(recipient.crv, options.ephemeralKey);
      const agreed = await ecdhEs(info, enc, recipient.crv, ephemeral.privateKey, recipient.key, ephemeral.epk, headerBytes(header, 'apu'), headerBytes(header, 'apv'));
      const members = { epk: ephemeral.epk };
      if (agreed.mode === 'direct') {
        if (options.cek) throw optionError('With ECDH-ES (direct) the agreed key is the content encryption key; leave options.cek out.');
        return { cek: agreed.derivedKey, cekSource: 'key-agreement', encryptedKey: none, members, steps: [agreed] };
      }
      const cek = chosenCek();
      const wrap = await aesKwWrap(info.alg, { bytes: agreed.derivedKey, bits: info.kwBits! }, cek);
      return { cek, cekSource, encryptedKey: wrap.wrappedKey, members, steps: [agreed, wrap] };
    }
    case 'PBES2': {
      const password = passwordBytes(key, info);
      const p2s = options.p2s ?? random(16);
      const p2c = options.p2c ?? DEFAULT_P2C;
      const refusal = checkP2s(p2s) ?? checkP2c(p2c, Number.MAX_SAFE_INTEGER);
      if (refusal) throw optionError(refusal);
      const derived = await pbes2Kek(info, password, p2s, p2c);
      const cek = chosenCek();
      const wrap = await aesKwWrap(info.alg, { bytes: derived.kek, bits: info.kwBits! }, cek);
      return { cek, cekSource, encryptedKey: wrap.wrappedKey, members: { p2s: base64urlEncode(p2s), p2c }, steps: [derived, wrap] };
    }
  }
}

/**
 * Encrypts a plaintext (text is encrypted as UTF-8) for the key; the header's `alg` and `enc` choose the
 * algorithms. A header given as text is used exactly as written. The header is encoded after key management,
 * because AES-GCMKW, ECDH-ES and PBES2 write their parameters into it, and the AAD covers them.
 */
export async function encrypt(header: JweHeaderInput, plaintext: Uint8Array | string, key: JweKey, options: EncryptOptions = {}): Promise<EncryptResult> {
  const given = readHeader(header);
  const info = keyManagementInfo(given.value.alg);
  const enc = contentEncryptionInfo(given.value.enc);
  const zip = refuseZip(given.value);
  if (zip) throw zip;
  const plaintextBytes = typeof plaintext === 'string' ? utf8Encode(plaintext) : plaintext;

  const managed = await manageKey(info, enc, given.value, key, options);
  const protectedHeader = addMembers(given, managed.members);
  const headerUtf8 = utf8Encode(protectedHeader.text);
  const headerB64 = base64urlEncode(headerUtf8);
  const iv = fixedLength(options.iv, enc.ivBytes, `IV for ${enc.enc}`);
  const aad = utf8Encode(headerB64);
  const trace = options.trace === true;
  const content = enc.mode === 'GCM'
    ? await encryptGcm(enc, managed.cek, iv, aad, plaintextBytes)
    : await encryptCbcHmac(enc, managed.cek, iv, aad, plaintextBytes, trace);

  const parts: { part: 'header' | JwePart; bytes: Uint8Array; text: string }[] = [
    { part: 'header', bytes: headerUtf8, text: headerB64 },
    { part: 'encrypted-key', bytes: managed.encryptedKey, text: base64urlEncode(managed.encryptedKey) },
    { part: 'iv', bytes: iv, text: base64urlEncode(iv) },
    { part: 'ciphertext', bytes: content.ciphertext, text: base64urlEncode(content.ciphertext) },
    { part: 'tag', bytes: content.tag, text: base64urlEncode(content.tag) },
  ];
  const token = parts.map((p) => p.text).join('.');
  if (!trace) return { token };

  const cekStep: JweStep = { stage: 'cek', source: managed.cekSource, cek: managed.cek, enc: enc.enc };
  // A derived CEK is known only after agreement; a chosen one is there before it is wrapped.
  const keySteps = managed.cekSource === 'key-agreement' ? [...managed.steps, cekStep] : [cekStep, ...managed.steps];
  return {
    token,
    trace: [
      ...keySteps,
      { stage: 'protected-header', value: protectedHeader.value, added: protectedHeader.added, text: protectedHeader.text, bytes: headerUtf8, b64: headerB64 },
      { stage: 'iv', source: options.iv ? 'given' : 'random', iv },
      { stage: 'aad', text: headerB64, bytes: aad },
      content,
      { stage: 'parts', parts },
      { stage: 'jwe-token', token },
    ],
  };
}
