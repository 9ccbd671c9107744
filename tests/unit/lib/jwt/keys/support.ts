/** What the key tests share: the RFC keys and vectors, a signing input, WebCrypto sign/verify, fresh key pairs. */
import { beforeAll } from 'vitest';
import { algorithmInfo, type Algorithm } from '../../../../../src/lib/jwt/algorithms';
import { buf, utf8Encode } from '../../../../../src/lib/jwt/bytes';
import { generateKeyPair } from '../../../../../src/lib/jwt';
import { loadVectors, type JwsVector } from '../../../vectors';

export type Jwk = Record<string, string>;
const rfc7515 = loadVectors<{ vectors: JwsVector[] }>('rfc7515.json');
const rfc7520 = loadVectors<{ vectors: JwsVector[]; keys: { id: string; jwk: Jwk }[] }>('rfc7520.json');
export const vector = (id: string) => rfc7515.vectors.find((v) => v.id === id)!;
export const cookbookKey = (id: string) => rfc7520.keys.find((k) => k.id === id)!.jwk;
export const cookbookVector = (id: string) => rfc7520.vectors.find((v) => v.id === id)!;

export const data = utf8Encode('The signing input');

export async function signWith(alg: Algorithm, key: CryptoKey, bytes = data): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(algorithmInfo(alg).signParams, key, buf(bytes)));
}

export async function verifies(alg: Algorithm, key: CryptoKey, signature: Uint8Array, bytes = data): Promise<boolean> {
  return crypto.subtle.verify(algorithmInfo(alg).signParams, key, buf(signature), buf(bytes));
}

export const ASYMMETRIC: Algorithm[] = ['RS256', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** A fresh key pair for each asymmetric algorithm, made before the file's tests run. */
export function useKeyPairs(): Record<Algorithm, CryptoKeyPair> {
  const pairs = {} as Record<Algorithm, CryptoKeyPair>;
  beforeAll(async () => {
    await Promise.all(ASYMMETRIC.map(async (alg) => { pairs[alg] = await generateKeyPair(alg); }));
  });
  return pairs;
}
