/** AES keys for WebCrypto, with the one gap that matters: Chromium has no 192-bit AES. */
import { buf } from '../bytes';
import { JwtError } from '../errors';

export type AesName = 'AES-KW' | 'AES-GCM' | 'AES-CBC';

/**
 * What a failed AES operation becomes. A 192-bit key that WebCrypto refuses is this browser's gap (Chromium
 * implements only 128- and 256-bit AES), said in words rather than as a raw DOMException; anything else is
 * returned unchanged for the caller to handle.
 */
export function aesError(error: unknown, bits: number, neededBy: string): unknown {
  if (bits !== 192 || error instanceof JwtError) return error;
  return new JwtError('ERR_JOSE_NOT_SUPPORTED', `This browser's WebCrypto has no 192-bit AES, which ${neededBy} needs. Choose a 128- or 256-bit algorithm, or use a browser (or Node) that has it.`, {
    where: { part: 'header' },
    cause: error,
  });
}

/** Imports raw AES key bytes; only the import can meet the 192-bit gap (a key that exists has its size). */
export async function importAes(bytes: Uint8Array, name: AesName, usages: KeyUsage[], neededBy: string): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('raw', buf(bytes), name, false, usages);
  } catch (error) {
    throw aesError(error, bytes.length * 8, neededBy);
  }
}

