/** Header parameters the core refuses on both sides, with the reason. */
import { JwtError } from '../errors';

/**
 * "zip" compresses the plaintext before encryption. Refused: the ciphertext's length then depends on how well
 * the content compresses, which leaks what it contains (the CRIME and BREACH attacks; RFC 8725 §3.6).
 */
export function refuseZip(header: Record<string, unknown>): JwtError | undefined {
  if (header.zip === undefined) return undefined;
  return new JwtError(
    'ERR_JOSE_NOT_SUPPORTED',
    `The header asks for "zip": ${JSON.stringify(header.zip)}, compression before encryption. It is refused: the ciphertext's length then reveals how well the plaintext compresses, which leaks its content to anyone who can influence part of it (RFC 8725 §3.6).`,
    { where: { part: 'header' } },
  );
}
