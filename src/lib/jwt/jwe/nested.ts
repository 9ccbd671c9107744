/**
 * Nested JWTs (RFC 7519 §5.2, RFC 7520 §6): a signed JWT encrypted as a JWE with "cty": "JWT".
 *
 * Sign first, then encrypt. The signature is hidden inside the encryption, so an eavesdropper does not learn
 * who signed, and it covers the very plaintext the recipient reads. Encrypt-then-sign would leave the signature
 * outside: anyone could strip it and sign the ciphertext as their own, claiming a message they never saw.
 */
import { JwtError } from '../errors';
import type { KeyInput } from '../keys/common';
import { verify, type VerifyOptions, type VerifyResult } from '../verify';
import { decrypt, type DecryptOptions, type DecryptResult } from './decrypt';
import { encrypt, type EncryptOptions, type EncryptResult } from './encrypt';
import type { JweKey } from './keys';

/** Encrypts a signed JWT (from `sign`) for the recipient; `cty` is set to "JWT". */
export async function nestJwt(jws: string, key: JweKey, header: Record<string, unknown>, options: EncryptOptions = {}): Promise<EncryptResult> {
  return encrypt({ ...header, cty: 'JWT' }, jws, key, options);
}

export interface OpenNestedOptions {
  decrypt: DecryptOptions;
  verify: VerifyOptions;
}

export interface OpenNestedResult {
  outer: DecryptResult;
  inner: VerifyResult;
}

/** Decrypts with the recipient's key, then verifies the signed JWT inside with the sender's key. */
export async function openNested(token: string, decryptKey: JweKey, verifyKey: KeyInput, options: OpenNestedOptions): Promise<OpenNestedResult> {
  const outer = await decrypt(token, decryptKey, options.decrypt);
  // RFC 7519 §5.2: "JWT" marks a nested token; media type names compare without regard to case.
  if (typeof outer.header.cty !== 'string' || outer.header.cty.toUpperCase() !== 'JWT') {
    throw new JwtError('ERR_JWE_INVALID', `The header's "cty" is ${JSON.stringify(outer.header.cty)}, not "JWT": the plaintext is not marked as a nested signed JWT.`, { where: { part: 'header' } });
  }
  const inner = await verify(outer.text(), verifyKey, options.verify);
  return { outer, inner };
}
