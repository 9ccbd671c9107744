/**
 * The RSA stages' plans, on real RS256 traces with a 2048-bit key from generateKeyPair. Every value a beat
 * names is checked against node:crypto: the digest (createHash), the DigestInfo (RFC 8017 §9.2's DER prefix
 * for SHA-256), EM (publicDecrypt with no padding removed) and the signature.
 */
import { KeyObject, constants, createHash, publicDecrypt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { rsaEncodePlan, rsaPublicPlan, rsaSignPlan, squareAndMultiply } from '../../../../../src/components/visualizer/plan/rsa-plan';
import {
  JwtError, generateKeyPair, sign, verify,
  type RsaEncodeStep, type RsaPublicStep, type RsaSignStep, type Step,
} from '../../../../../src/lib/jwt';

const SHA256_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');
const upper = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase());
const hexOf = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex')}`).toString(16).toUpperCase();
const ends = (hex: string) => `${hex.slice(0, 4)}…${hex.slice(-4)}`;

let keys: CryptoKeyPair;
let nodeKey: KeyObject;
let token: string;
let signTrace: Step[];
let signingInput: string;
let signature: Buffer;
let em: Buffer;

beforeAll(async () => {
  keys = await generateKeyPair('RS256');
  nodeKey = KeyObject.from(keys.publicKey);
  const signed = await sign({ alg: 'RS256', typ: 'JWT' }, { sub: 'ada', name: 'Zoë 🎉' }, keys.privateKey, { trace: true });
  token = signed.token;
  signTrace = signed.trace!;
  signingInput = token.slice(0, token.lastIndexOf('.'));
  signature = Buffer.from(token.slice(token.lastIndexOf('.') + 1), 'base64url');
  em = publicDecrypt({ key: nodeKey, padding: constants.RSA_NO_PADDING }, signature);
});

const stepOf = <S extends Step['stage']>(trace: Step[], stage: S) => trace.find((s) => s.stage === stage) as Extract<Step, { stage: S }>;

async function verifyTrace(text: string): Promise<Step[]> {
  try {
    return (await verify(text, keys.publicKey, { algorithms: ['RS256'], trace: true })).trace!;
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    return error.trace!;
  }
}

describe('squareAndMultiply', () => {
  it('counts a squaring per bit of e and a multiplication per 1 bit', () => {
    expect(squareAndMultiply(65537n)).toEqual({ bits: '10000000000000001', squarings: 17, multiplications: 2 });
    expect(squareAndMultiply(3n)).toEqual({ bits: '11', squarings: 2, multiplications: 2 });
  });
});

describe('rsaEncodePlan', () => {
  it('wraps the digest, then fills 256 bytes: 00 01, the FF padding, 00 and the DigestInfo, at the offsets node:crypto finds', () => {
    const step = stepOf(signTrace, 'rsa-encode') as RsaEncodeStep;
    const plan = rsaEncodePlan(step);
    const digest = createHash('sha256').update(signingInput).digest();
    const digestInfo = Buffer.concat([SHA256_PREFIX, digest]);
    const ff = 256 - 3 - digestInfo.length;
    // EM as node:crypto recovers it from the signature: 00 01, ff bytes of FF, 00, the DigestInfo.
    expect(em.subarray(0, 2 + ff)).toEqual(Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(ff, 0xff)]));
    expect(em.subarray(2 + ff + 1)).toEqual(digestInfo);

    expect(plan.map((b) => b.kind)).toEqual(['digest', 'digest-info', 'frame', 'padding', 'tail', 'done']);
    expect(plan.map((b) => b.placed)).toEqual([0, 0, 2, 3, 5, 5]);
    const d = upper(digest);
    expect(plan[0]!.caption).toBe(`The SHA-256 digest of the signing input: 32 bytes, ${d.slice(0, 3).join(' ')} … ${d.slice(-2).join(' ')}.`);
    const p = upper(SHA256_PREFIX);
    expect(plan[1]!.caption).toContain(`A 19-byte DER prefix (${p.slice(0, 3).join(' ')} … ${p.slice(-2).join(' ')}) names SHA-256`);
    expect(plan[1]!.caption).toContain(`a ${digestInfo.length}-byte DigestInfo`);
    expect(plan[2]!.caption).toContain('2048-bit modulus: k = 256 bytes. It starts 00 01');
    expect(plan[3]!.caption).toBe(`${ff} bytes of FF fill the block, offsets 2–${ff + 1}: the key's size sets how many, not the message.`);
    expect(plan[4]!.caption).toBe(`00 at offset ${ff + 2} ends the padding, and the DigestInfo takes the last ${digestInfo.length} bytes, offsets ${ff + 3}–255.`);
    expect(plan[5]!.caption).toContain(`EM = 00 01 ‖ FF × ${ff} ‖ 00 ‖ DigestInfo: 256 bytes`);
    // The parts placed are EM's, byte for byte.
    const parts = plan[5]!.parts;
    expect(parts.map((part) => [part.name, part.offset, part.bytes.length])).toEqual([
      ['zero', 0, 1], ['type', 1, 1], ['padding', 2, ff], ['separator', ff + 2, 1], ['digest-info', ff + 3, digestInfo.length],
    ]);
    expect(Buffer.concat(parts.map((part) => part.bytes))).toEqual(em);
  });
});

describe('rsaSignPlan', () => {
  it('reads EM as m, names WebCrypto\'s s, and checks sᵉ mod n = m with e = 65537', () => {
    const step = stepOf(signTrace, 'rsa-sign') as RsaSignStep;
    const plan = rsaSignPlan(step);
    expect(plan.map((b) => b.kind)).toEqual(['m', 's', 'power', 'check']);
    const m = hexOf(em);
    // 00 01 then 254 bytes: m has 254 × 8 + 1 bits.
    expect(plan[0]!.caption).toBe(`EM's 256 bytes read as one big-endian number: m = 0x${ends(m)}, ${254 * 8 + 1} bits (EM's leading 00 adds nothing).`);
    const s = hexOf(signature);
    expect(plan[1]!.caption).toBe(`WebCrypto computes s = m^d mod n with the private exponent d, which never leaves it: s = 0x${ends(s)}, ${BigInt(`0x${s}`).toString(2).length} bits.`);
    expect(plan[2]!.caption).toContain('e = 65537 (0x10001) is 10000000000000001 in binary, so square-and-multiply takes 17 squarings and 2 multiplications mod n');
    expect(plan[3]!.caption).toBe(`sᵉ mod n = 0x${ends(m)} = m: WebCrypto signed exactly this EM.`);
  });
});

describe('rsaPublicPlan', () => {
  it('raises the signature to e and writes m′ as EM′, which has an encoded message\'s shape', async () => {
    const step = stepOf(await verifyTrace(token), 'rsa-public') as RsaPublicStep;
    const plan = rsaPublicPlan(step);
    expect(plan.map((b) => b.kind)).toEqual(['s', 'power', 'bytes', 'shape']);
    expect(plan[0]!.caption).toContain(`The signature's 256 bytes read as one number: s = 0x${ends(hexOf(signature))}`);
    expect(plan[1]!.caption).toContain(`m′ = 0x${ends(hexOf(em))}`);
    const head = upper(em.subarray(0, 4)).join(' ');
    expect(plan[2]!.caption).toBe(`m′ written as k = 256 bytes, the modulus size: EM′ = ${head} … ${upper(em.subarray(-2)).join(' ')}.`);
    expect(head).toBe('00 01 FF FF');
    expect(plan[3]!.caption).toContain(`00 01, FF × ${em.indexOf(0, 2) - 2}, 00, a 51-byte DigestInfo`);
    expect(plan.every((b) => b.shape.ok)).toBe(true);
  });

  it('names where EM′ stops looking like an encoded message when the signature was changed', async () => {
    const changed = Buffer.from(signature);
    changed[100]! ^= 0x40;
    const text = `${signingInput}.${changed.toString('base64url')}`;
    const step = stepOf(await verifyTrace(text), 'rsa-public') as RsaPublicStep;
    const recovered = publicDecrypt({ key: nodeKey, padding: constants.RSA_NO_PADDING }, changed);
    expect(Buffer.from(step.em)).toEqual(recovered);
    const plan = rsaPublicPlan(step);
    expect(plan.map((b) => b.kind)).toEqual(['s', 'power', 'bytes', 'shape']);
    expect(plan[3]!.caption).toMatch(/^EM′ is not an encoded message: Byte \d+ \(offset \d+\) is [0-9A-F]{2}, where an encoded message has/);
    // The offset named is the first byte that breaks 00 01 FF…FF 00.
    const offset = Number(/offset (\d+)/.exec(plan[3]!.caption)![1]);
    const expected = recovered[0] !== 0 ? 0 : recovered[1] !== 1 ? 1 : recovered.findIndex((b, i) => i >= 2 && b !== 0xff);
    expect(offset).toBe(expected);
  });

  it('stops at the range check for a signature not below n, or of the wrong length', async () => {
    const n = Buffer.from((await crypto.subtle.exportKey('jwk', keys.publicKey)).n!, 'base64url');
    const atN = stepOf(await verifyTrace(`${signingInput}.${n.toString('base64url')}`), 'rsa-public') as RsaPublicStep;
    const plan = rsaPublicPlan(atN);
    expect(plan.map((b) => b.kind)).toEqual(['s', 'range']);
    expect(plan[1]!.caption).toContain('s is not below the modulus n');

    const short = stepOf(await verifyTrace(`${signingInput}.${signature.subarray(1).toString('base64url')}`), 'rsa-public') as RsaPublicStep;
    const shortPlan = rsaPublicPlan(short);
    expect(shortPlan.map((b) => b.kind)).toEqual(['s', 'range']);
    expect(shortPlan[0]!.caption).toContain("The signature's 255 bytes");
    expect(shortPlan[1]!.caption).toContain('exactly 256 bytes, and this one has 255');
  });
});
