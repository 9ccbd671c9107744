/** The digest's plan, for the core's digest steps, checked against node:crypto's hashes. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { algorithmInfo, generateKeyPair, sign, type DigestStep } from '../../../../../src/lib/jwt';
import { digestStep } from '../../../../../src/lib/jwt/signature';
import { digestPlan } from '../../../../../src/components/visualizer/plan/digest-plan';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').replace(/(..)(?!$)/g, '$1 ');
const preview = (bytes: Uint8Array) => (bytes.length > 8 ? `${hex(bytes.subarray(0, 8))} …` : hex(bytes));

describe('digestPlan', () => {
  it('RS256 signing: SHA-256 takes in the signing input and gives the digest node:crypto computes', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const { token, trace } = await sign({ alg: 'RS256' }, { sub: 'ada' }, privateKey, { trace: true });
    const step = trace!.find((s): s is DigestStep => s.stage === 'digest')!;
    const input = Buffer.from(token.slice(0, token.lastIndexOf('.')), 'ascii');
    const plan = digestPlan(step);
    expect(plan.map((b) => b.kind)).toEqual(['consume', 'emit']);
    expect(plan[0]!.caption).toBe(`SHA-256 takes in the ${input.length} bytes of the signing input (${preview(input)})…`);
    expect(plan[1]!.caption).toBe(`…and gives the 32-byte digest: ${preview(createHash('sha256').update(input).digest())}.`);
  });

  for (const [alg, node] of [['RS384', 'sha384'], ['RS512', 'sha512']] as const) {
    it(`${alg}: a 64 KB input still makes two beats, with the ${node} digest`, async () => {
      const input = Buffer.alloc(65_536, 'e');
      const plan = digestPlan(await digestStep(algorithmInfo(alg), input));
      expect(plan).toHaveLength(2);
      expect(plan[0]!.caption).toContain('the 65,536 bytes of the signing input (65 65 65 65 65 65 65 65 …)');
      const digest = createHash(node).update(input).digest();
      expect(plan[1]!.caption).toBe(`…and gives the ${digest.length}-byte digest: ${preview(digest)}.`);
    });
  }

  it('an empty input: no bytes to preview, and the hash of nothing', async () => {
    const plan = digestPlan(await digestStep(algorithmInfo('RS256'), new Uint8Array(0)));
    expect(plan[0]!.caption).toBe('SHA-256 takes in the 0 bytes of the signing input…');
    expect(plan[1]!.caption).toContain(preview(createHash('sha256').digest()));
  });
});
