import { describe, expect, it } from 'vitest';
import { planOf } from '../../../../../src/components/visualizer/plan';
import { generateKeyPair, secretFromText, sign, verify, type Step } from '../../../../../src/lib/jwt';

/** Every stage the core traces: HS256 and RS256 signing, and verifying both. */
async function everyStage(): Promise<Step[]> {
  const secret = secretFromText('a-string-secret-at-least-256-bits-long');
  const hs = await sign({ alg: 'HS256', typ: 'JWT' }, { sub: 'ü 🎉', exp: 2_000_000_000 }, secret, { trace: true });
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const rs = await sign({ alg: 'RS256' }, { sub: 'ada' }, privateKey, { trace: true });
  const hsChecked = await verify(hs.token, secret, { algorithms: ['HS256'], trace: true });
  const rsChecked = await verify(rs.token, publicKey, { algorithms: ['RS256'], trace: true });
  return [...hs.trace!, ...rs.trace!, ...hsChecked.trace!, ...rsChecked.trace!];
}

describe('planOf', () => {
  it('gives every stage of real traces at least one beat, each with a caption', async () => {
    const steps = await everyStage();
    expect(new Set(steps.map((s) => s.stage)).size).toBeGreaterThan(12);
    for (const step of steps) {
      const plan = planOf(step);
      expect(plan.length, step.stage).toBeGreaterThan(0);
      for (const beat of plan) expect(beat.caption, step.stage).toMatch(/\S/);
    }
  });

  it('makes one plan per step: the stepper and the view read the same beats', async () => {
    const [step] = await everyStage();
    expect(planOf(step!)).toBe(planOf(step!));
  });
});
