/** PBES2 (RFC 7518 §4.8): PBKDF2 turns a password into the AES-KW key; the salt is UTF8(alg) ‖ 0x00 ‖ p2s. */
import type { HashName } from '../algorithms';
import { buf, concatBytes, utf8Encode } from '../bytes';
import type { KeyManagementInfo } from './algorithms';
import type { Pbes2Step } from './trace';

/** RFC 7518 §4.8.1.1: the salt input is at least 8 bytes. */
export const MIN_P2S_BYTES = 8;
/** Fewer iterations make guessing the password cheap (RFC 7518 §4.8.1.2 recommends at least 1000). */
export const MIN_P2C = 1000;
/** A decrypter's default cap: the count comes from the token, and a huge one would stall the page. */
export const DEFAULT_MAX_P2C = 1_000_000;
/**
 * What encrypt uses when no count is given: ten times RFC 7518's floor, quick in a browser, and the most jose
 * accepts by default, so the tokens made here open elsewhere. A real password deserves more (OWASP: 600,000).
 */
export const DEFAULT_P2C = 10_000;

export async function pbes2Kek(info: KeyManagementInfo, password: Uint8Array, p2s: Uint8Array, p2c: number): Promise<Pbes2Step> {
  const saltInput = concatBytes(utf8Encode(info.alg), new Uint8Array([0]), p2s);
  const hash = info.hash as HashName;
  const base = await crypto.subtle.importKey('raw', buf(password), 'PBKDF2', false, ['deriveBits']);
  const kek = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash, salt: buf(saltInput), iterations: p2c }, base, info.kwBits!));
  return { stage: 'pbes2', alg: info.alg, hash, password, p2s, saltInput, p2c, kek };
}
