/** Describing a key, flagging weak ones, and refusing a key that does not fit an algorithm and a use. */
import { bytesAndBits } from '../../format';
import { algorithmInfo, webCryptoName, type Algorithm } from '../algorithms';
import { article, confusionError, keyError, needs, type AnyKeyAlgorithm, type KeyDescription, type KeyInput } from './common';
import { algorithmOfKey } from './jwk';
import { checkHmacSecret } from './secret';

const CURVE_BITS: Record<string, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521 };

function secretDescription(bytes: number): KeyDescription {
  return { description: `an HMAC secret of ${bytesAndBits(bytes)}`, kty: 'oct', bits: bytes * 8, isPrivate: true };
}

export function describeKey(key: KeyInput): KeyDescription {
  if (key instanceof Uint8Array) return secretDescription(key.length);
  const a = key.algorithm as AnyKeyAlgorithm;
  if (a.name === 'HMAC') return secretDescription((a.length ?? 0) / 8);
  const isPrivate = key.type !== 'public';
  const visibility = key.type === 'private' ? 'private' : 'public';
  // Keys made for encryption or key agreement can still be handed in by mistake; say so.
  const purpose = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA', 'Ed25519'].includes(a.name) ? '' : ` (made for ${a.name}, not for signing)`;
  if (a.name.startsWith('RSA')) {
    const bits = a.modulusLength ?? 0;
    return { description: `an RSA ${visibility} key, ${bits} bits${purpose}`, kty: 'RSA', bits, isPrivate };
  }
  if (a.name === 'ECDSA' || a.name === 'ECDH') {
    const crv = a.namedCurve ?? 'unknown-curve';
    return { description: `${article(crv)} EC ${visibility} key${purpose}`, kty: 'EC', bits: CURVE_BITS[crv] ?? 0, isPrivate };
  }
  if (/^(Ed|X)(25519|448)$/.test(a.name)) {
    return { description: `${article(a.name)} ${visibility} key${purpose}`, kty: 'OKP', bits: a.name.endsWith('448') ? 448 : 256, isPrivate };
  }
  const bits = a.length ?? 0;
  return { description: `${article(a.name)} key${purpose}`, kty: 'oct', bits, isPrivate };
}

/** Weak keys are flagged, not refused: the tutorial lets a learner see what a weak key does. */
export function keyWarnings(key: KeyInput, alg: Algorithm): string[] {
  const info = algorithmInfo(alg);
  const { kty, bits } = describeKey(key);
  if (info.family === 'HMAC' && kty === 'oct' && bits < info.hashBytes * 8) {
    return [
      `This secret is ${bits / 8} bytes; ${alg} needs at least ${info.hashBytes} bytes (${info.hashBytes * 8} bits), as long as its hash output (RFC 7518 §3.2). A short secret can be found by trying guesses against a single token, offline.`,
    ];
  }
  if (info.kty === 'RSA' && kty === 'RSA' && bits < 2048) {
    return [`This RSA key has ${bits} bits; RFC 7518 §3.3 requires at least 2048 bits. Smaller keys are no longer considered safe.`];
  }
  return [];
}

/** Refuses a key that cannot do `usage` for `alg`, naming what was expected and what was given. */
export function assertKeyFits(key: KeyInput, alg: Algorithm, usage: 'sign' | 'verify'): void {
  const info = algorithmInfo(alg);
  const mismatch = (message: string) => keyError('ERR_KEY_MISMATCH', message);
  if (key instanceof Uint8Array) {
    if (info.family !== 'HMAC') {
      throw mismatch(`${alg} needs ${needs(info, usage)}, but this is a byte string, a shared secret as HMAC (HS256, HS384, HS512) uses.`);
    }
    checkHmacSecret(key);
    return;
  }

  const given = describeKey(key);
  const a = key.algorithm as AnyKeyAlgorithm;
  const madeFor = algorithmOfKey(key);
  if (a.name !== webCryptoName(info)) {
    if (info.kty === 'RSA' && given.kty === 'RSA' && madeFor) {
      // The same RSA key works for both schemes, but WebCrypto binds each imported key to one.
      throw mismatch(`${alg} needs a key imported for ${webCryptoName(info)}, but this key (${given.description}) was imported for ${a.name} (${madeFor}). Import it again for ${alg}.`);
    }
    const message = `${alg} needs ${needs(info, usage)}, but this is ${given.description}.`;
    throw info.family === 'HMAC' && key.type === 'public' ? confusionError(message) : mismatch(message);
  }
  if (a.hash && a.hash.name !== info.hash) {
    throw mismatch(`This key was imported for ${a.hash.name}${madeFor ? ` (${madeFor})` : ''}, but ${alg} uses ${info.hash}. WebCrypto binds a key to one hash; import it again for ${alg}.`);
  }
  if (info.crv && a.namedCurve !== undefined && a.namedCurve !== info.crv) {
    throw mismatch(`${alg} needs ${needs(info, usage)}, but this is ${given.description}.`);
  }
  const wanted = info.family === 'HMAC' ? 'secret' : usage === 'sign' ? 'private' : 'public';
  if (key.type !== wanted) {
    throw mismatch(usage === 'sign'
      ? `Signing needs the private key, but this is ${given.description}: a public key can only verify.`
      : `Verifying needs the public key, but this is ${given.description}. The private key stays with the signer; give the verifier the public key.`);
  }
  if (!key.usages.includes(usage)) {
    throw mismatch(`This key may only ${key.usages.join(' and ') || 'do nothing'}, but it is being used to ${usage}.`);
  }
}