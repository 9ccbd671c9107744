/**
 * Making a signature over the signing input, with or without the steps that show how. Shared by sign
 * (the signature) and verify (the control signature of HMAC, the digest that RSA and ECDSA start from).
 */
import type { AlgorithmInfo } from './algorithms';
import { buf } from './bytes';
import { JwtError } from './errors';
import { hmacSteps, importHmacKey } from './hmac';
import { encodePkcs1, rsaSignStep } from './rsa';
import type { DigestStep, Step } from './trace';

import type { KeyInput } from './keys/common';

/** The raw bytes of an HMAC key, which the trace needs to show the key block. */
export async function hmacSecret(key: KeyInput): Promise<Uint8Array> {
  if (key instanceof Uint8Array) return key;
  if (!key.extractable) {
    throw new JwtError('ERR_KEY_INVALID', 'This HMAC key cannot be exported, so its bytes cannot be shown step by step.', {
      where: { part: 'key' },
    });
  }
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

export async function digestStep(info: AlgorithmInfo, input: Uint8Array): Promise<DigestStep> {
  const digest = new Uint8Array(await crypto.subtle.digest(info.hash, buf(input)));
  return { stage: 'digest', hash: info.hash, input, digest };
}

/** The raw ECDSA signature is r‖s, each half the curve's coordinate size. */
export function splitEcdsa(info: AlgorithmInfo, signature: Uint8Array): { r?: Uint8Array; s?: Uint8Array } {
  const half = info.coordinateBytes;
  if (info.family !== 'ECDSA' || !half || signature.length !== 2 * half) return {};
  return { r: signature.slice(0, half), s: signature.slice(half) };
}

/** A raw HMAC secret becomes a (non-extractable) CryptoKey; any other key is one already. */
export async function cryptoKeyFor(info: AlgorithmInfo, key: KeyInput, usage: KeyUsage): Promise<CryptoKey> {
  return key instanceof Uint8Array ? importHmacKey(info, key, usage) : key;
}

/** Signs with WebCrypto; with `trace`, also returns the steps that show what the algorithm did. */
export async function createSignature(
  info: AlgorithmInfo,
  key: KeyInput,
  signingInput: Uint8Array,
  trace: boolean,
): Promise<{ signature: Uint8Array; steps: Step[] }> {
  if (!trace) {
    const cryptoKey = await cryptoKeyFor(info, key, 'sign');
    return { signature: new Uint8Array(await crypto.subtle.sign(info.signParams, cryptoKey, buf(signingInput))), steps: [] };
  }
  switch (info.family) {
    case 'HMAC': {
      const steps = await hmacSteps(info, await hmacSecret(key), signingInput);
      return { signature: steps[2].mac, steps };
    }
    case 'RSA-PKCS1': {
      const privateKey = key as CryptoKey;
      const digest = await digestStep(info, signingInput);
      const bits = (privateKey.algorithm as RsaHashedKeyAlgorithm).modulusLength;
      const encoded = encodePkcs1(info.hash, digest.digest, bits);
      const signed = await rsaSignStep(info, privateKey, encoded, signingInput);
      return { signature: signed.signature, steps: [digest, encoded, signed] };
    }
    default: {
      const steps: Step[] = info.family === 'EdDSA' ? [] : [await digestStep(info, signingInput)];
      const signature = new Uint8Array(await crypto.subtle.sign(info.signParams, key as CryptoKey, buf(signingInput)));
      steps.push({ stage: 'opaque-sign', alg: info.alg, signature, ...splitEcdsa(info, signature), randomized: info.family !== 'EdDSA' });
      return { signature, steps };
    }
  }
}
