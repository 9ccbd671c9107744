/** Loads the test vectors copied from shared/vectors (see tests/vectors/README.md). */
import { readFileSync } from 'node:fs';

export function loadVectors<T = any>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../vectors/${file}`, import.meta.url), 'utf8')) as T;
}

export interface JwsVector {
  id: string;
  alg: string;
  jwk?: Record<string, string>;
  jwk_public?: Record<string, string>;
  key_ref?: string;
  secret_utf8?: string;
  protected_header: string;
  payload: string;
  protected_b64u: string;
  payload_b64u: string;
  signing_input: string;
  signature_b64u: string;
  token: string;
  reproducible: boolean;
  expected: 'valid' | 'invalid' | 'unsecured';
  protected_header_octets?: number[];
  payload_octets?: number[];
  signature_octets?: number[];
  key_octets?: number[];
}

/** A clock set before every vector's `exp`, so the signature path is what gets tested. */
export const BEFORE_EXPIRY = new Date('2011-03-22T00:00:00Z');
