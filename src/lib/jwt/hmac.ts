/**
 * HMAC (RFC 2104) spelled out: the same MAC WebCrypto computes, built from the hash by hand so every
 * intermediate value can be shown. The result is checked against crypto.subtle.sign before it is returned.
 */
import type { AlgorithmInfo } from './algorithms';
import { buf, concatBytes, firstDifference, toHex } from './bytes';
import { JwtError } from './errors';
import type { HmacInnerStep, HmacKeyStep, HmacOuterStep } from './trace';

/** The bytes RFC 2104 XORs the key block with: ipad for the inner hash, opad for the outer. */
export const IPAD = 0x36;
export const OPAD = 0x5c;

export async function importHmacKey(info: AlgorithmInfo, secret: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', buf(secret), info.importParams, false, [usage]);
}

async function digest(info: AlgorithmInfo, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(info.hash, buf(data)));
}

function xorEach(block: Uint8Array, pad: number): Uint8Array {
  return block.map((b) => b ^ pad);
}

/** The three HMAC steps for a key and message; throws ERR_TRACE_MISMATCH if they disagree with WebCrypto. */
export async function hmacSteps(
  info: AlgorithmInfo,
  secret: Uint8Array,
  message: Uint8Array,
): Promise<[HmacKeyStep, HmacInnerStep, HmacOuterStep]> {
  const keyWasHashed = secret.length > info.blockBytes;
  const keyBlock = new Uint8Array(info.blockBytes);
  keyBlock.set(keyWasHashed ? await digest(info, secret) : secret);

  const keyIpad = xorEach(keyBlock, IPAD);
  const innerHash = await digest(info, concatBytes(keyIpad, message));
  const keyOpad = xorEach(keyBlock, OPAD);
  const mac = await digest(info, concatBytes(keyOpad, innerHash));

  const key = await importHmacKey(info, secret, 'sign');
  const webCrypto = new Uint8Array(await crypto.subtle.sign('HMAC', key, buf(message)));
  if (firstDifference(mac, webCrypto) !== -1) {
    throw new JwtError(
      'ERR_TRACE_MISMATCH',
      `The step-by-step HMAC (${toHex(mac)}) differs from WebCrypto's (${toHex(webCrypto)}). This is a bug in the trace; WebCrypto's answer is the real one.`,
    );
  }
  return [
    {
      stage: 'hmac-key', hash: info.hash, key: secret, blockBytes: info.blockBytes, keyWasHashed, keyBlock,
      minimumBytes: info.hashBytes, weak: secret.length < info.hashBytes,
    },
    { stage: 'hmac-inner', hash: info.hash, keyIpad, message, innerHash },
    { stage: 'hmac-outer', hash: info.hash, keyOpad, innerHash, mac, webCrypto },
  ];
}
