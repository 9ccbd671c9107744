/**
 * The steps a traced encrypt or decrypt returns (RFC 7516 §5.1 and §5.2): plain data, one object per stage,
 * bytes as Uint8Array. A union of its own, apart from the JWS `Step`, so the signing visualizer's exhaustive
 * switches are not touched by stages it never shows. Stage names never repeat a JWS one (`jwe-split`, not
 * `split`): the stepper draws both unions, and picks a stage's view and plan by its name alone.
 */
import type { HashName } from '../algorithms';
import type { JwePart } from '../errors';
import type { JsonWarning } from '../json';
import type { ContentEncryptionAlgorithm, KeyManagementAlgorithm } from './algorithms';

/** Where the content encryption key came from. */
export type CekSource = 'random' | 'given' | 'direct-key' | 'key-agreement' | 'unwrapped';

export interface CekStep {
  stage: 'cek';
  source: CekSource;
  cek: Uint8Array;
  enc: ContentEncryptionAlgorithm;
}

/** RSA-OAEP (RFC 8017 §7.1) with SHA-1 (RSA-OAEP) or SHA-256 (RSA-OAEP-256) for the hash and MGF1. */
export interface RsaOaepStep {
  stage: 'rsa-oaep';
  /** Wrap: the CEK encrypted with the recipient's public key. Unwrap: decrypted with the private key. */
  operation: 'wrap' | 'unwrap';
  alg: KeyManagementAlgorithm;
  hash: 'SHA-1' | 'SHA-256';
  modulusBits: number;
  /** Undefined when decryption failed. */
  cek?: Uint8Array;
  encryptedKey: Uint8Array;
  ok: boolean;
}

/** AES key wrap (RFC 3394): also the last stage of ECDH-ES+AxxxKW and PBES2. */
export interface AesKwStep {
  stage: 'aes-kw';
  alg: KeyManagementAlgorithm;
  kekBits: number;
  /** The key-encryption key; absent for a CryptoKey that cannot be exported. */
  kek?: Uint8Array;
  cek?: Uint8Array;
  wrappedKey: Uint8Array;
  /** False when unwrapping failed RFC 3394's integrity check (a wrong key or a changed encrypted key). */
  ok: boolean;
}

/** AES-GCM key wrap (RFC 7518 §4.7): the CEK encrypted with AES-GCM; iv and tag travel in the header. */
export interface AesGcmKwStep {
  stage: 'aes-gcmkw';
  alg: KeyManagementAlgorithm;
  kekBits: number;
  kek?: Uint8Array;
  iv: Uint8Array;
  tag: Uint8Array;
  cek?: Uint8Array;
  encryptedKey: Uint8Array;
  ok: boolean;
}

/** One SHA-256 round of the Concat KDF: hash(counter ‖ Z ‖ otherInfo). */
export interface ConcatKdfRound {
  counter: number;
  input: Uint8Array;
  digest: Uint8Array;
}

/** ECDH-ES (RFC 7518 §4.6): key agreement, then the Concat KDF (NIST SP 800-56A §5.8.1). */
export interface EcdhEsStep {
  stage: 'ecdh-es';
  alg: KeyManagementAlgorithm;
  crv: 'P-256' | 'P-384' | 'P-521';
  /** The sender's ephemeral public key, as the header's "epk" carries it. */
  epk: JsonWebKey;
  /** The shared secret Z: the x coordinate of the agreed point. */
  z: Uint8Array;
  /** "direct": the derived key is the CEK. "key-wrap": it wraps the CEK with AES-KW. */
  mode: 'direct' | 'key-wrap';
  /** The enc value (direct) or alg value (key wrap), as text and as its length-prefixed bytes. */
  algorithmId: string;
  algorithmIdBytes: Uint8Array;
  /** PartyUInfo and PartyVInfo: the decoded apu and apv, length-prefixed (empty when absent). */
  partyUInfo: Uint8Array;
  partyVInfo: Uint8Array;
  /** SuppPubInfo: keydatalen in bits, as a 32-bit big-endian integer. */
  keyDataLen: number;
  suppPubInfo: Uint8Array;
  /** AlgorithmID ‖ PartyUInfo ‖ PartyVInfo ‖ SuppPubInfo */
  otherInfo: Uint8Array;
  rounds: ConcatKdfRound[];
  derivedKey: Uint8Array;
}

/** PBES2 (RFC 7518 §4.8): PBKDF2 turns the password into the AES-KW key. */
export interface Pbes2Step {
  stage: 'pbes2';
  alg: KeyManagementAlgorithm;
  hash: HashName;
  password: Uint8Array;
  p2s: Uint8Array;
  /** UTF8(alg) ‖ 0x00 ‖ p2s: the salt PBKDF2 is given. */
  saltInput: Uint8Array;
  p2c: number;
  kek: Uint8Array;
}

/** The protected header, after key management has added what it produces (epk, iv and tag, p2s and p2c). */
export interface ProtectedHeaderStep {
  stage: 'protected-header';
  value: Record<string, unknown>;
  /** The members key management added to the header it was given. */
  added: string[];
  text: string;
  bytes: Uint8Array;
  b64: string;
}

export interface IvStep {
  stage: 'iv';
  source: 'random' | 'given';
  iv: Uint8Array;
}

/** The additional authenticated data: ASCII(BASE64URL(protected header)) (RFC 7516 §5.1 step 14). */
export interface AadStep {
  stage: 'aad';
  text: string;
  bytes: Uint8Array;
}

export interface GcmEncryptStep {
  stage: 'gcm-encrypt';
  enc: ContentEncryptionAlgorithm;
  plaintext: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

/** The MAC half of CBC-HMAC (RFC 7518 §5.2.2.1), shared by encrypt and decrypt. */
export interface CbcHmacMac {
  enc: ContentEncryptionAlgorithm;
  hash: HashName;
  /** The first half of the CEK. */
  macKey: Uint8Array;
  /** The second half of the CEK. */
  encKey: Uint8Array;
  /** The AAD's length in bits, as a 64-bit big-endian integer. */
  al: Uint8Array;
  /** AAD ‖ IV ‖ ciphertext ‖ AL */
  macInput: Uint8Array;
  /** The whole HMAC output; the tag is its first half. */
  hmac: Uint8Array;
}

export interface CbcHmacEncryptStep extends CbcHmacMac {
  stage: 'cbc-hmac-encrypt';
  plaintext: Uint8Array;
  /** PKCS#7: n bytes of value n, 1 ≤ n ≤ 16; WebCrypto's AES-CBC adds them, checked to agree. */
  padding: Uint8Array;
  paddedPlaintext: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

/** The tag check CBC-HMAC does before decrypting anything. */
export interface CbcHmacTagStep extends CbcHmacMac {
  stage: 'cbc-hmac-tag';
  computedTag: Uint8Array;
  receivedTag: Uint8Array;
  /** From a constant-time comparison. */
  ok: boolean;
}

export interface CbcDecryptStep {
  stage: 'cbc-decrypt';
  enc: ContentEncryptionAlgorithm;
  ciphertext: Uint8Array;
  plaintext: Uint8Array;
  /** The PKCS#7 padding WebCrypto removed. */
  padding: Uint8Array;
}

/** AES-GCM checks the tag and decrypts in one operation; `ok` false means the tag did not match. */
export interface GcmDecryptStep {
  stage: 'gcm-decrypt';
  enc: ContentEncryptionAlgorithm;
  ciphertext: Uint8Array;
  tag: Uint8Array;
  plaintext?: Uint8Array;
  ok: boolean;
}

export interface JwePartsStep {
  stage: 'parts';
  /** Each part's bytes and its base64url text, in token order. */
  parts: { part: 'header' | JwePart; bytes: Uint8Array; text: string }[];
}

export interface JweTokenStep {
  stage: 'jwe-token';
  token: string;
}

export interface JweSplitStep {
  stage: 'jwe-split';
  token: string;
  segments: string[];
  starts: number[];
}

/** The protected header decoded, and the other four parts' bytes. */
export interface JweDecodeStep {
  stage: 'jwe-decode';
  part: 'header' | JwePart;
  text: string;
  bytes?: Uint8Array;
  json?: string;
  value?: Record<string, unknown>;
  warnings: JsonWarning[];
}

export interface JweAlgorithmsStep {
  stage: 'algorithms';
  alg: unknown;
  enc: unknown;
  allowedAlg: readonly string[];
  allowedEnc: readonly string[];
  ok: boolean;
}

/**
 * A check besides the algorithms: the header's crit, zip and key management parameters (epk, iv, tag, p2s,
 * p2c), and the lengths of the IV, the tag and the encrypted key.
 */
export interface JweCheckStep {
  stage: 'check';
  part: 'header' | JwePart;
  /** The header member or part checked: "crit", "p2c", "iv length"… */
  name: string;
  value: unknown;
  ok: boolean;
  message: string;
}

export interface JweKeyStep {
  stage: 'jwe-key';
  alg: KeyManagementAlgorithm;
  /** What the key is, in words. */
  description: string;
  ok: boolean;
}

export interface PlaintextStep {
  stage: 'plaintext';
  bytes: Uint8Array;
  /** The plaintext as UTF-8 text, when it is valid UTF-8. */
  text?: string;
}

export type JweStep =
  | CekStep
  | RsaOaepStep
  | AesKwStep
  | AesGcmKwStep
  | EcdhEsStep
  | Pbes2Step
  | ProtectedHeaderStep
  | IvStep
  | AadStep
  | GcmEncryptStep
  | CbcHmacEncryptStep
  | CbcHmacTagStep
  | CbcDecryptStep
  | GcmDecryptStep
  | JwePartsStep
  | JweTokenStep
  | JweSplitStep
  | JweDecodeStep
  | JweAlgorithmsStep
  | JweCheckStep
  | JweKeyStep
  | PlaintextStep;

export type JweStage = JweStep['stage'];
