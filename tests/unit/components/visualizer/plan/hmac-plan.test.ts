/**
 * The HMAC stages' plans, for the core's real HMAC steps, checked against node:crypto and Buffer: the key block,
 * the XOR of each byte shown, the hashes the captions name, and plans that stay small for long inputs.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { algorithmInfo, hmacSteps, type Algorithm } from '../../../../../src/lib/jwt';
import { hmacInnerPlan, hmacKeyPlan, hmacOuterPlan, type HmacPadBeat } from '../../../../../src/components/visualizer/plan/hmac-plan';

const NODE_HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' } as const;

async function plans(alg: keyof typeof NODE_HASH, key: Buffer, message: Buffer) {
  const [keyStep, inner, outer] = await hmacSteps(algorithmInfo(alg as Algorithm), key, message);
  return { keyStep, inner, outer, key: hmacKeyPlan(keyStep), innerPlan: hmacInnerPlan(inner), outerPlan: hmacOuterPlan(outer) };
}

/** RFC 2104's key block, from node:crypto: the key (its hash if longer than the block), then zeros. */
function nodeBlock(alg: keyof typeof NODE_HASH, key: Buffer): { block: Buffer; used: number } {
  const blockBytes = alg === 'HS256' ? 64 : 128;
  const used = key.length > blockBytes ? createHash(NODE_HASH[alg]).update(key).digest() : key;
  const block = Buffer.alloc(blockBytes);
  used.copy(block);
  return { block, used: used.length };
}

/** Written independently of the code under test: hex pairs, and a byte's bits in two nibbles. */
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').replace(/(..)(?!$)/g, '$1 ');
const preview = (bytes: Uint8Array) => (bytes.length > 8 ? `${hex(bytes.subarray(0, 8))} …` : hex(bytes));
const bits = (b: number) => b.toString(2).padStart(8, '0').replace(/^(....)/, '$1 ');
const h2 = (b: number) => b.toString(16).padStart(2, '0');

const xors = (plan: readonly HmacPadBeat[]) =>
  plan.flatMap((beat) => (beat.kind === 'xor' ? [[beat.from, beat.to]] : []));

/** What every pad plan must be: XOR beats that cover the block in order, then join, consume, emit (and agree). */
function expectPadShape(plan: readonly HmacPadBeat[], blockBytes: number, tail: string[]) {
  const ranges = xors(plan);
  expect(ranges[0]![0]).toBe(0);
  ranges.forEach(([from, to], i) => {
    expect(to).toBeGreaterThan(from!);
    if (i > 0) expect(from).toBe(ranges[i - 1]![1]);
  });
  expect(ranges.at(-1)![1]).toBe(blockBytes);
  expect(plan.slice(ranges.length).map((b) => b.kind)).toEqual(tail);
  expect(plan.length).toBeLessThanOrEqual(9);
  for (const beat of plan) expect(beat.caption).toMatch(/\S/);
}

/** Checks the worked bytes of a pad plan against the key block XORed with `pad` by Buffer. */
function expectWorkedBytes(plan: readonly HmacPadBeat[], block: Buffer, pad: number, padName: string) {
  for (const beat of plan) {
    if (beat.kind !== 'xor' || beat.to - beat.from !== 1) continue;
    const k = block[beat.from]!;
    expect(beat.caption).toContain(`${bits(k)} ⊕ ${bits(pad)} = ${bits(k ^ pad)}`);
    expect(beat.caption).toContain(h2(k ^ pad));
  }
  expect(plan.filter((b) => b.kind === 'xor').at(-1)!.caption).toContain(`K⊕${padName} is complete, ${block.length} bytes`);
}

describe('a short key: "Jefe" and RFC 4231 test case 2', () => {
  const key = Buffer.from('Jefe');
  const message = Buffer.from('what do ya want for nothing?');

  it('the key drops into the first 4 bytes of the block, and 60 zeros fill the rest', async () => {
    const { key: plan } = await plans('HS256', key, message);
    expect(plan.map((b) => b.kind)).toEqual(['key', 'drop', 'zeros']);
    expect(plan[0]!.caption).toContain(`4 bytes (${hex(key)})`);
    expect(plan[0]!.caption).toContain('64 empty places');
    expect(plan[1]!.caption).toBe('The 4 key bytes drop into bytes 1–4 of the block.');
    expect(plan[2]!.caption).toBe('60 zero bytes fill the rest, bytes 5–64: the 64-byte key block is ready.');
  });

  it('K⊕ipad: the first key byte in bits, the other three swept, the first zero in bits, the other zeros swept; then the inner hash', async () => {
    const { innerPlan } = await plans('HS256', key, message);
    const { block } = nodeBlock('HS256', key);
    expectPadShape(innerPlan, 64, ['join', 'consume', 'emit']);
    expect(xors(innerPlan)).toEqual([[0, 1], [1, 4], [4, 5], [5, 64]]);
    expectWorkedBytes(innerPlan, block, 0x36, 'ipad');
    // 0x4a is "J": 0100 1010 ⊕ 0011 0110 = 0111 1100.
    expect(innerPlan[0]!.caption).toContain(`${h2(key[0]!)} ("J"), XOR ipad 36`);
    expect(innerPlan[1]!.caption).toContain(`Bytes 2–4 of the key block the same way: ${[1, 2, 3].map((i) => `${h2(key[i]!)} ⊕ 36 = ${h2(key[i]! ^ 0x36)}`).join(', ')}.`);
    expect(innerPlan[3]!.caption).toContain('Bytes 6–64, the rest of the padding, become 36 too');
    expect(innerPlan[4]!.caption).toContain(`The message's 28 bytes (${preview(message)}) join after the 64 bytes of K⊕ipad: 92 bytes in all.`);
    expect(innerPlan[5]!.caption).toBe('SHA-256 takes in all 92 bytes…');
    const inner = createHash('sha256').update(block.map((b) => b ^ 0x36)).update(message).digest();
    expect(innerPlan[6]!.caption).toBe(`…and gives the 32-byte inner hash: ${preview(inner)}.`);
  });

  it('K⊕opad, then the outer hash is the HMAC node:crypto computes, and WebCrypto agrees', async () => {
    const { outerPlan } = await plans('HS256', key, message);
    const { block } = nodeBlock('HS256', key);
    expectPadShape(outerPlan, 64, ['join', 'consume', 'emit', 'agree']);
    expectWorkedBytes(outerPlan, block, 0x5c, 'opad');
    const inner = createHash('sha256').update(block.map((b) => b ^ 0x36)).update(message).digest();
    expect(outerPlan.find((b) => b.kind === 'join')!.caption).toContain(`inner hash (${preview(inner)}) joins after the 64 bytes of K⊕opad: 96 bytes in all`);
    const mac = createHmac('sha256', key).update(message).digest();
    expect(outerPlan.find((b) => b.kind === 'emit')!.caption).toContain(`the HMAC: the HS256 signature, ${preview(mac)}.`);
    expect(outerPlan.at(-1)!.caption).toContain("crypto.subtle.sign('HMAC', …) gives the same 32 bytes");
  });
});

describe('a key longer than the block is hashed first', () => {
  const key = Buffer.alloc(131, 0xaa); // RFC 4231 test case 6's key
  const message = Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First');

  for (const alg of ['HS256', 'HS512'] as const) {
    it(`${alg}: the hash of the key drops into the block, not the key`, async () => {
      const { key: plan, innerPlan, outerPlan } = await plans(alg, key, message);
      const { block, used } = nodeBlock(alg, key);
      const blockBytes = block.length;
      expect(plan.map((b) => b.kind)).toEqual(['key', 'consume', 'emit', 'drop', 'zeros']);
      expect(plan[0]!.caption).toContain(`131 bytes (${preview(key)}): longer than the ${blockBytes}-byte`);
      expect(plan[1]!.caption).toContain('all 131 bytes of the key');
      expect(plan[2]!.caption).toContain(`${used}-byte hash, ${preview(block.subarray(0, used))}, which stands in for the key`);
      expect(plan[3]!.caption).toBe(`The ${used} hash bytes drop into bytes 1–${used} of the block.`);
      expect(plan[4]!.caption).toContain(`${blockBytes - used} zero bytes fill the rest, bytes ${used + 1}–${blockBytes}`);

      expect(xors(innerPlan)).toEqual([[0, 1], [1, used], [used, used + 1], [used + 1, blockBytes]]);
      expectWorkedBytes(innerPlan, block, 0x36, 'ipad');
      expectWorkedBytes(outerPlan, block, 0x5c, 'opad');
      const mac = createHmac(NODE_HASH[alg], key).update(message).digest();
      expect(outerPlan.find((b) => b.kind === 'emit')!.caption).toContain(preview(mac));
    });
  }
});

describe('HS384 and HS512 work on 128-byte blocks', () => {
  for (const alg of ['HS384', 'HS512'] as const) {
    it(`${alg}: 124 zeros after "Jefe", and the block XORed to its 128th byte`, async () => {
      const key = Buffer.from('Jefe');
      const message = Buffer.from('what do ya want for nothing?');
      const { key: plan, innerPlan, outerPlan } = await plans(alg, key, message);
      expect(plan.at(-1)!.caption).toBe('124 zero bytes fill the rest, bytes 5–128: the 128-byte key block is ready.');
      expectPadShape(innerPlan, 128, ['join', 'consume', 'emit']);
      expectPadShape(outerPlan, 128, ['join', 'consume', 'emit', 'agree']);
      const hash = alg === 'HS384' ? 'SHA-384' : 'SHA-512';
      expect(innerPlan.find((b) => b.kind === 'consume')!.caption).toBe(`${hash} takes in all 156 bytes…`);
      const { block } = nodeBlock(alg, key);
      const inner = createHash(NODE_HASH[alg]).update(block.map((b) => b ^ 0x36)).update(message).digest();
      expect(innerPlan.at(-1)!.caption).toContain(`${inner.length}-byte inner hash: ${preview(inner)}`);
      expect(outerPlan.find((b) => b.kind === 'emit')!.caption).toContain(preview(createHmac(NODE_HASH[alg], key).update(message).digest()));
    });
  }
});

describe('edge lengths', () => {
  it('an empty message: nothing joins, and the inner hash is of K⊕ipad alone', async () => {
    const key = Buffer.from('a-string-secret-at-least-256-bits-long');
    const { innerPlan } = await plans('HS256', key, Buffer.alloc(0));
    expect(innerPlan.find((b) => b.kind === 'join')!.caption).toBe('The message is empty: nothing joins, so SHA-256 hashes the 64 bytes of K⊕ipad alone.');
    expect(innerPlan.find((b) => b.kind === 'consume')!.caption).toBe('SHA-256 takes in all 64 bytes…');
    const { block } = nodeBlock('HS256', key);
    expect(innerPlan.at(-1)!.caption).toContain(preview(createHash('sha256').update(block.map((b) => b ^ 0x36)).digest()));
  });

  it('a 64 KB message keeps the plan small, with the sizes and hashes right', async () => {
    const key = Buffer.from('Jefe');
    const message = Buffer.alloc(65_536, 'x');
    const { innerPlan, outerPlan } = await plans('HS256', key, message);
    expect(innerPlan).toHaveLength(7);
    expect(outerPlan).toHaveLength(8);
    expect(innerPlan.find((b) => b.kind === 'join')!.caption).toContain("The message's 65,536 bytes (78 78 78 78 78 78 78 78 …) join after the 64 bytes of K⊕ipad: 65,600 bytes in all.");
    const { block } = nodeBlock('HS256', key);
    expect(innerPlan.at(-1)!.caption).toContain(preview(createHash('sha256').update(block.map((b) => b ^ 0x36)).update(message).digest()));
    expect(outerPlan.find((b) => b.kind === 'emit')!.caption).toContain(preview(createHmac('sha256', key).update(message).digest()));
    for (const beat of [...innerPlan, ...outerPlan]) expect(beat.caption.length).toBeLessThan(200);
  });

  it('a key of exactly one block needs no zeros: two XOR beats, no padding beats', async () => {
    const key = Buffer.from('k'.repeat(64));
    const { key: plan, innerPlan } = await plans('HS256', key, Buffer.from('m'));
    expect(plan.map((b) => b.kind)).toEqual(['key', 'drop', 'zeros']);
    expect(plan.at(-1)!.caption).toBe('The key fills all 64 places, so no zero bytes are needed: the key block is ready.');
    expect(xors(innerPlan)).toEqual([[0, 1], [1, 64]]);
    expect(innerPlan[1]!.caption).toContain(`6b ⊕ 36 = ${h2(0x6b ^ 0x36)}, 6b ⊕ 36 = ${h2(0x6b ^ 0x36)}, 6b ⊕ 36 = ${h2(0x6b ^ 0x36)}, …: K⊕ipad is complete, 64 bytes.`);
  });

  it('a one-byte key: its byte in bits, then the first zero in bits, then the other zeros', async () => {
    const { innerPlan } = await plans('HS256', Buffer.from('a'), Buffer.from('m'));
    expect(xors(innerPlan)).toEqual([[0, 1], [1, 2], [2, 64]]);
    // The issue's example: 0x61 ⊕ 0x36 = 0x57.
    expect(innerPlan[0]!.caption).toContain('61 ("a"), XOR ipad 36: 0110 0001 ⊕ 0011 0110 = 0101 0111, which is 57.');
    expect(innerPlan[1]!.caption).toContain('Byte 2 is the first zero byte of the padding: 0000 0000 ⊕ 0011 0110 = 0011 0110, so a zero becomes ipad itself, 36.');
  });
});
