/**
 * ECDH-ES (RFC 7518 §4.6): an ephemeral key pair on the recipient's curve, the shared secret Z from ECDH, then
 * the Concat KDF. Direct mode uses the derived key as the CEK; the +AxxxKW modes wrap a CEK with it.
 */
import { base64urlDecode } from '../base64url';
import { JwtError } from '../errors';
import type { ContentEncryptionInfo, KeyManagementInfo } from './algorithms';
import { concatKdf } from './concat-kdf';
import type { EcCurve } from './keys';
import type { EcdhEsStep } from './trace';

/** Z is the x coordinate, as many bytes as the field: P-521's 521 bits take 66 bytes. */
const Z_BITS: Record<EcCurve, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 528 };

const headerError = (message: string) => new JwtError('ERR_JWE_INVALID', message, { where: { part: 'header' } });

/** The sender's ephemeral key pair: fresh, or (for reproducible tests) a given private JWK. */
export async function ephemeralKeyPair(crv: EcCurve, given?: JsonWebKey): Promise<{ privateKey: CryptoKey; epk: JsonWebKey }> {
  if (given) {
    if (given.kty !== 'EC' || given.crv !== crv || typeof given.d !== 'string') {
      throw new JwtError('ERR_KEY_INVALID', `The ephemeral key must be a private EC JWK on ${crv}, the recipient's curve.`, { where: { part: 'key' } });
    }
    const epk = { kty: 'EC', crv, x: given.x, y: given.y };
    const privateKey = await crypto.subtle.importKey('jwk', { ...epk, d: given.d }, { name: 'ECDH', namedCurve: crv }, false, ['deriveBits']);
    return { privateKey, epk };
  }
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: crv }, true, ['deriveBits']);
  const { x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, epk: { kty: 'EC', crv, x, y } };
}

/** The header's "epk": a public EC JWK on the recipient's curve, whose point WebCrypto checks lies on it. */
export async function importEpk(epk: unknown, crv: EcCurve): Promise<{ publicKey: CryptoKey; epk: JsonWebKey }> {
  if (typeof epk !== 'object' || epk === null || Array.isArray(epk)) {
    throw headerError(`ECDH-ES needs the sender's ephemeral public key in the header's "epk", a JWK object, but it is ${epk === undefined ? 'missing' : JSON.stringify(epk)}.`);
  }
  const o = epk as Record<string, unknown>;
  if (o.kty !== 'EC' || o.crv !== crv) {
    throw headerError(`The header's "epk" must be an EC key on ${crv}, the recipient key's curve, but it has kty ${JSON.stringify(o.kty)} and crv ${JSON.stringify(o.crv)}.`);
  }
  if (typeof o.x !== 'string' || typeof o.y !== 'string') throw headerError('The header\'s "epk" needs its "x" and "y" coordinates, as base64url strings.');
  base64urlDecode(o.x, 'header');
  base64urlDecode(o.y, 'header');
  const jwk: JsonWebKey = { kty: 'EC', crv, x: o.x, y: o.y };
  try {
    return { publicKey: await crypto.subtle.importKey('jwk', jwk, { name: 'ECDH', namedCurve: crv }, false, []), epk: jwk };
  } catch (error) {
    // An off-curve point is the invalid-curve attack: agreeing with it could reveal the private key.
    throw new JwtError('ERR_JWE_INVALID', `The header's "epk" is not a valid point on ${crv}, so no key is agreed with it.`, { where: { part: 'header' }, cause: error });
  }
}

/** Agrees on Z with one side's private key and the other's public key, then derives the key. */
export async function ecdhEs(
  info: KeyManagementInfo,
  enc: ContentEncryptionInfo,
  crv: EcCurve,
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  epk: JsonWebKey,
  apu: Uint8Array,
  apv: Uint8Array,
): Promise<EcdhEsStep> {
  const z = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, Z_BITS[crv]));
  const direct = info.kwBits === undefined;
  // RFC 7518 §4.6.2: AlgorithmID is enc when the derived key is the CEK, alg when it wraps one.
  const algorithmId = direct ? enc.enc : info.alg;
  const keyDataLen = direct ? enc.cekBytes * 8 : info.kwBits!;
  const kdf = await concatKdf(z, algorithmId, apu, apv, keyDataLen);
  return { stage: 'ecdh-es', alg: info.alg, crv, epk, z, mode: direct ? 'direct' : 'key-wrap', algorithmId, keyDataLen, ...kdf };
}
