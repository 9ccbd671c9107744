/** Words for the RSA views: a modulus in hex with its size, the public exponent, byte offsets. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bigHex } from '../../../../src/lib/format';
import { exponentText, offsetRange } from '../../../../src/components/visualizer/rsa-layout';

describe('bigHex', () => {
  it('writes a modulus in hex with its bit length', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const n = BigInt(`0x${Buffer.from(publicKey.export({ format: 'jwk' }).n!, 'base64url').toString('hex')}`);
    const big = bigHex(n);
    expect(big.bits).toBe(2048);
    expect(big.hex).toBe(n.toString(16).toUpperCase());
    expect(big.hex).toHaveLength(512);
  });

  it('writes small numbers and the exponent', () => {
    expect(bigHex(65537n)).toEqual({ hex: '10001', bits: 17 });
    expect(bigHex(0n).bits).toBe(0);
    expect(exponentText(65537n)).toBe('65537 (0x10001)');
  });

  it('names offsets', () => {
    expect(offsetRange(4, 1)).toBe('offset 4');
    expect(offsetRange(2, 202)).toBe('offsets 2–203');
  });
});
