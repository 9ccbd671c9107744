/**
 * What chapter 3's JWE widgets compute, with the core: a token encrypted to the recipient's PUBLIC key, and a
 * token decrypted with the recipient's PRIVATE key, each with the stages its trace makes. The recipient is the
 * chapter's shared key pair (chapter 9's key widget, embedded in chapter 3 too) or RFC 7516 A.1's. No DOM.
 */
import { JwtError, base64urlDecode, decrypt, encrypt, isJwtError, publicJwk, type JweKey } from '../../lib/jwt';
import { jweStagesOf } from '../visualizer/jwe-stages';
import type { StageEntry } from '../visualizer/stages';
import { RFC7516_A1_CEK, RFC7516_A1_IV, RFC7516_A1_JWK, RFC7516_A2_CEK, RFC7516_A2_IV } from './rfc7516-example';
import type { SharedRsaKey } from './rsa-key.svelte';

export const A1_KEY_LABEL = "RFC 7516's example key (Appendix A.1)";

/** The key management and content encryption algorithms the visualizer offers, and its decrypter accepts. */
export const JWE_ALGS = ['RSA-OAEP-256', 'RSA-OAEP'] as const;
export const JWE_ENCS = ['A256GCM', 'A128CBC-HS256'] as const;

export function recipientLabel(shared: SharedRsaKey | undefined): string {
  return shared?.label ?? A1_KEY_LABEL;
}

/** Encrypting needs only the recipient's public key. */
export function encryptionKey(shared: SharedRsaKey | undefined): JweKey {
  return shared ? shared.publicKey : publicJwk(RFC7516_A1_JWK);
}

/** Decrypting needs the recipient's private key: a public-only key is refused by name, before anything runs. */
export function decryptionKey(shared: SharedRsaKey | undefined): JweKey {
  if (!shared) return { ...RFC7516_A1_JWK };
  if (!shared.privateKey) {
    throw new JwtError(
      'ERR_KEY_MISMATCH',
      `Decrypting needs the recipient's PRIVATE key, but ${shared.label} is only a public key. A public key can encrypt to its owner, never open what was encrypted to it.`,
      { where: { part: 'key' } },
    );
  }
  return shared.privateKey;
}

/** RFC 7516's CEK and IV for this enc (A.1's for A256GCM, A.2's for A128CBC-HS256), or none for another. */
export function rfcCekAndIv(header: string): { cek: Uint8Array; iv: Uint8Array } | undefined {
  let enc: unknown;
  try {
    enc = (JSON.parse(header) as { enc?: unknown }).enc;
  } catch {
    return undefined;
  }
  if (enc === 'A256GCM') return { cek: base64urlDecode(RFC7516_A1_CEK), iv: base64urlDecode(RFC7516_A1_IV) };
  if (enc === 'A128CBC-HS256') return { cek: base64urlDecode(RFC7516_A2_CEK), iv: base64urlDecode(RFC7516_A2_IV) };
  return undefined;
}

export interface Encrypted {
  token: string;
  stages: StageEntry[];
}

export async function encryptRun(header: string, plaintext: string, shared: SharedRsaKey | undefined, rfcCekIv: boolean): Promise<Encrypted> {
  const fixed = rfcCekIv ? rfcCekAndIv(header) : undefined;
  const { token, trace } = await encrypt(header, plaintext, encryptionKey(shared), { trace: true, ...fixed });
  return { token, stages: jweStagesOf(trace ?? []) };
}

export interface Decrypted {
  stages: StageEntry[];
  plaintext?: string;
  error?: JwtError;
}

export async function decryptRun(token: string, shared: SharedRsaKey | undefined): Promise<Decrypted> {
  try {
    const key = decryptionKey(shared);
    const result = await decrypt(token, key, { keyManagementAlgorithms: [...JWE_ALGS], contentEncryptionAlgorithms: [...JWE_ENCS], trace: true });
    return { stages: jweStagesOf(result.trace ?? []), plaintext: result.text() };
  } catch (e) {
    const error = isJwtError(e) ? e : new JwtError('ERR_JOSE_GENERIC', String(e));
    return { stages: jweStagesOf(error.jweTrace ?? [], true), error };
  }
}

/** The header with its alg or enc member set, when it is a JSON object; otherwise unchanged (its error stays). */
export function withMember(header: string, name: 'alg' | 'enc', value: string): string {
  try {
    const parsed: unknown = JSON.parse(header);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return header;
    return JSON.stringify({ ...parsed, [name]: value });
  } catch {
    return header;
  }
}

/** The header's alg or enc, when it is one the widget offers. */
export function memberOf<T extends string>(header: string, name: 'alg' | 'enc', values: readonly T[]): T | '' {
  try {
    const value = (JSON.parse(header) as Record<string, unknown>)[name];
    return values.includes(value as T) ? (value as T) : '';
  } catch {
    return '';
  }
}
