/**
 * Reading the secret field: what the learner typed, as UTF-8 or base64url, turned into the secret's bytes by
 * the core, or the core's reason why it is no secret. The text is never changed.
 */
import { JwtError, checkHmacSecret, secretFromBase64url, secretFromText } from '../../lib/jwt';

export type SecretEncoding = 'utf8' | 'base64url';

export interface SecretReading {
  bytes?: Uint8Array;
  /** Why the text gives no usable secret, in the core's words. */
  error?: string;
  code?: JwtError['code'];
  /** Index of the offending character in the text, for a bad base64url character. */
  index?: number;
  /** The text is a public key (PEM or JWK): the core names this the algorithm-confusion attack. */
  confusion?: boolean;
  /** In UTF-8 mode: the number of bytes the same text would give read as base64url, if it is valid base64url. */
  alsoBase64url?: number;
}

/**
 * Turns what the learner typed into the secret's bytes with the core's functions. An error comes back as
 * data; the text is never changed. Secrets that are really keys (a pasted PEM or JWK) are refused with the
 * core's explanation of the algorithm-confusion attack.
 */
export function readSecret(text: string, encoding: SecretEncoding): SecretReading {
  let bytes: Uint8Array;
  try {
    bytes = encoding === 'utf8' ? secretFromText(text) : secretFromBase64url(text);
    checkHmacSecret(bytes);
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    const reading: SecretReading = { error: error.message, code: error.code, index: error.where?.index };
    if (error.attack === 'algorithm-confusion') reading.confusion = true;
    return reading;
  }
  const reading: SecretReading = { bytes };
  if (encoding === 'utf8' && text.length >= 16 && /^[A-Za-z0-9_-]+$/.test(text)) {
    try {
      reading.alsoBase64url = secretFromBase64url(text).length;
    } catch {
      // Not base64url after all: no hint.
    }
  }
  return reading;
}
