/**
 * Which RSA key chapter 9's signing and verifying widgets use: the shared key pair when the learner has made
 * or pasted one, else RFC 7515 A.2's. WebCrypto binds an imported key to one hash, so a key is imported
 * again for the RS algorithm the header names (RS256, RS384 or RS512).
 */
import { JwtError, algorithmInfo, exportJwk, importJwk, publicJwk, type Algorithm } from '../../lib/jwt';
import { RFC7515_A2_JWK } from './rfc7515-example';
import type { SharedRsaKey } from './rsa-key.svelte';

export const A2_KEY_LABEL = "RFC 7515's example key (Appendix A.2)";

const RS_ALGORITHMS: readonly unknown[] = ['RS256', 'RS384', 'RS512'];

/** The RS algorithm a header asks for; RS256 for anything else, which sign or verify then refuses by name. */
export function rsAlgorithm(alg: unknown): Algorithm {
  return RS_ALGORITHMS.includes(alg) ? (alg as Algorithm) : 'RS256';
}

/**
 * The RS algorithm the signing widget's header asks for. A header that is not a JSON object gives RS256, so
 * that sign() names the JSON problem; an object without `alg`, or with another algorithm, is refused here with
 * what this widget can sign, since the learner cannot import a key for anything else in it.
 */
export function rsSigningAlgorithm(header: string): Algorithm {
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    return 'RS256';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'RS256';
  const { alg } = parsed as { alg?: unknown };
  if (RS_ALGORITHMS.includes(alg)) return alg as Algorithm;
  const message = alg === undefined
    ? 'The header has no "alg" member; write "alg":"RS256" (or RS384 or RS512).'
    : `This widget signs with RS256, RS384 or RS512 only, and the header asks for ${JSON.stringify(alg)}.` +
      (typeof alg === 'string' && /^(PS|ES|Ed)/.test(alg) ? ` ${alg} signs differently; the sign-twice widget further down this page uses it.` : '');
  throw new JwtError('ERR_JOSE_NOT_SUPPORTED', message, { where: { part: 'header' } });
}

/** `key` as WebCrypto wants it for `alg`: imported again through its JWK when it was made for another. */
async function keyFor(key: CryptoKey, alg: Algorithm): Promise<CryptoKey> {
  const made = key.algorithm as RsaHashedKeyAlgorithm;
  if (made.name === 'RSASSA-PKCS1-v1_5' && made.hash.name === algorithmInfo(alg).hash) return key;
  const { alg: _madeFor, ...jwk } = await exportJwk(key);
  return importJwk(jwk, alg);
}

export function keyLabel(shared: SharedRsaKey | undefined): string {
  return shared?.label ?? A2_KEY_LABEL;
}

export async function signingKey(shared: SharedRsaKey | undefined, alg: Algorithm): Promise<CryptoKey> {
  if (!shared) return importJwk(RFC7515_A2_JWK, alg);
  if (!shared.privateKey) {
    throw new JwtError(
      'ERR_KEY_MISMATCH',
      `Signing needs the private key, but ${shared.label} is only a public key. Make a key pair, or paste a private key, in the key-pair widget above.`,
      { where: { part: 'key' } },
    );
  }
  return keyFor(shared.privateKey, alg);
}

export async function verifyingKey(shared: SharedRsaKey | undefined, alg: Algorithm): Promise<CryptoKey> {
  return shared ? keyFor(shared.publicKey, alg) : importJwk(publicJwk(RFC7515_A2_JWK), alg);
}
