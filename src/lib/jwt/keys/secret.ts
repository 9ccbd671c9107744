/** HMAC secrets: from text or base64url, and the check that a secret is not really a key pasted as text. */
import { base64urlDecode } from '../base64url';
import { findInvalidUtf8, utf8Decode, utf8Encode } from '../bytes';
import { confusionError, keyError } from './common';

export function secretFromText(text: string): Uint8Array {
  return utf8Encode(text);
}

/** Strict base64url; an error names the character and its place in the key. */
export function secretFromBase64url(text: string): Uint8Array {
  return base64urlDecode(text, 'key');
}

/** Refuses secrets that are really asymmetric keys pasted as text: the algorithm-confusion mistake. */
export function checkHmacSecret(bytes: Uint8Array): void {
  if (bytes.length === 0) {
    throw keyError('ERR_KEY_INVALID', 'The secret is empty; HMAC needs a secret at least as long as its hash output.');
  }
  const text = findInvalidUtf8(bytes) === -1 ? utf8Decode(bytes, 'key').trim() : '';
  if (text.includes('-----BEGIN')) {
    const label = /-----BEGIN ([^-]+)-----/.exec(text)?.[1] ?? '';
    if (label.includes('PRIVATE')) {
      throw keyError('ERR_KEY_MISMATCH', `This secret is a private key in PEM form ("${label}"). HMAC needs a shared secret; a private key signs with an RS, PS, ES or EdDSA algorithm.`);
    }
    const what = label === 'CERTIFICATE' ? 'a certificate (which holds a public key)' : 'a public key';
    throw confusionError(`This secret is ${what} in PEM form.`);
  }
  const jwk = text.startsWith('{') ? parseJsonOrUndefined(text) : undefined;
  if (typeof jwk === 'object' && jwk !== null && ['RSA', 'EC', 'OKP'].includes((jwk as { kty?: unknown }).kty as string)) {
    const kty = (jwk as { kty: string }).kty;
    if ('d' in jwk) {
      throw keyError('ERR_KEY_MISMATCH', `This secret is the JSON text of an ${kty} private key (a JWK). HMAC needs a shared secret; a private key signs with an RS, PS, ES or EdDSA algorithm.`);
    }
    throw confusionError(`This secret is the JSON text of an ${kty} public key (a JWK).`);
  }
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}