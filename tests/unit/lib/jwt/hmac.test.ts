/** The HMAC trace the "HMAC up close" widget walks, checked against node:crypto (RFC 4231 test case 2 and more). */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { algorithmInfo, hmacSteps, toHex, utf8Encode } from '../../../../src/lib/jwt';
import { stagesOf } from '../../../../src/components/visualizer/stages';

const HASHES = [['HS256', 'sha256'], ['HS384', 'sha384'], ['HS512', 'sha512']] as const;

/** RFC 2104's key block, built with node:crypto: the key (hashed if longer than the block), zero-padded. */
function nodeKeyBlock(node: string, key: string, blockBytes: number): Buffer {
  const block = Buffer.alloc(blockBytes);
  const bytes = Buffer.from(key);
  (bytes.length > blockBytes ? createHash(node).update(bytes).digest() : bytes).copy(block);
  return block;
}

describe('hmacSteps, as exported for widgets', () => {
  for (const [alg, node] of HASHES) {
    it.each([
      ['RFC 4231 test case 2', 'Jefe', 'what do ya want for nothing?'],
      ['a unicode key and message', 'clé 🔑 秘密', 'Grüße, 世界! 🎉'],
      ['a key longer than the block', 'k'.repeat(200), 'm'],
    ])(`${alg}: %s`, async (_, key, message) => {
      const info = algorithmInfo(alg);
      const [keyStep, inner, outer] = await hmacSteps(info, utf8Encode(key), utf8Encode(message));
      const expected = createHmac(node, key).update(message).digest('hex');
      expect(toHex(outer.mac)).toBe(expected);
      expect(toHex(outer.webCrypto)).toBe(expected);

      const block = nodeKeyBlock(node, key, info.blockBytes);
      expect(toHex(keyStep.keyBlock)).toBe(block.toString('hex'));
      const innerHash = createHash(node).update(block.map((b) => b ^ 0x36)).update(message).digest();
      expect(toHex(inner.innerHash)).toBe(innerHash.toString('hex'));
      expect(createHash(node).update(block.map((b) => b ^ 0x5c)).update(innerHash).digest('hex')).toBe(expected);
      expect(stagesOf([keyStep, inner, outer]).map((s) => s.label)).toEqual(['HMAC key block', 'Inner hash', 'Outer hash']);
    });
  }
});
