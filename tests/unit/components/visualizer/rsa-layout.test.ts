/** Words for the RSA views: a modulus in hex with its size, the public exponent, byte offsets. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bigHex } from '../../../../src/lib/format';
import { emShape } from '../../../../src/lib/jwt';
import { byteEnds, emPartText, exponentText, hexEnds, offsetRange } from '../../../../src/components/visualizer/rsa-layout';

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

describe('hexEnds and byteEnds', () => {
  it('write a big number and a byte string by their two ends, or whole when short', () => {
    const n = (1n << 2047n) + 0xabcdefn;
    const hex = n.toString(16).toUpperCase();
    expect(hexEnds(n)).toBe(`${hex.slice(0, 4)}…CDEF`);
    expect(hexEnds(n, 6)).toBe(`${hex.slice(0, 6)}…ABCDEF`);
    expect(hexEnds(65537n)).toBe('10001');
    const bytes = Uint8Array.from([0x00, 0x01, 0xff, 0xff, 0x30, 0x31, 0x0a]);
    expect(byteEnds(bytes)).toBe('00 01 FF … 31 0A');
    expect(byteEnds(bytes, 4, 2)).toBe('00 01 FF FF 30 31 0A');
    expect(byteEnds(bytes.subarray(0, 3))).toBe('00 01 FF');
  });
});

describe('emPartText', () => {
  it('names each part of an encoded message as its block in a bar', () => {
    const digestInfo = Buffer.concat([Buffer.from('3031300d060960864801650304020105000420', 'hex'), Buffer.alloc(32, 7)]);
    const em = Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(202, 0xff), Buffer.from([0]), digestInfo]);
    const shape = emShape(em);
    expect(shape.ok && shape.parts.map(emPartText)).toEqual(['00', '01', 'FF × 202', '00', 'DigestInfo']);
  });
});
