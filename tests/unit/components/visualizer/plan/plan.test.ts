import { describe, expect, it } from 'vitest';
import { hasPlanner, loadPlanner, planOf, registerKeySetPlanners } from '../../../../../src/components/visualizer/plan';
import { KEY_SET_PLANNERS } from '../../../../../src/components/visualizer/plan/key-set-planners';
import { exportJwk, generateKeyPair, parseKeySet, secretFromText, sign, verify, verifyWithKeySet, type Step } from '../../../../../src/lib/jwt';

/** Every stage the core traces: HS256 and RS256 signing, and verifying both (RS256 through a JWK Set). */
async function everyStage(): Promise<Step[]> {
  const secret = secretFromText('a-string-secret-at-least-256-bits-long');
  const hs = await sign({ alg: 'HS256', typ: 'JWT' }, { sub: 'ü 🎉', exp: 2_000_000_000 }, secret, { trace: true });
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const rs = await sign({ alg: 'RS256' }, { sub: 'ada' }, privateKey, { trace: true });
  const hsChecked = await verify(hs.token, secret, { algorithms: ['HS256'], trace: true });
  const rsChecked = await verifyWithKeySet(rs.token, parseKeySet({ keys: [await exportJwk(publicKey)] }), { algorithms: ['RS256'], trace: true });
  return [...hs.trace!, ...rs.trace!, ...hsChecked.trace!, ...rsChecked.trace!];
}

describe('planOf', () => {
  it('makes a plan only once its planner is loaded, which the final-only stages never need', async () => {
    const steps = await everyStage();
    const utf8 = steps.find((s) => s.stage === 'utf8')!;
    const key = steps.find((s) => s.stage === 'key')!;
    expect(hasPlanner('utf8')).toBe(false);
    expect(() => planOf(utf8)).toThrow(/before its planner is loaded/);
    expect(planOf(key)).toHaveLength(1);
    await loadPlanner('utf8');
    expect(hasPlanner('utf8')).toBe(true);
    expect(planOf(utf8).length).toBeGreaterThan(1);
  });

  it('knows a key set\'s stage only once a widget registers it, as with the JWE stages', async () => {
    await expect(loadPlanner('key-select')).rejects.toThrow(/no planner is registered for the key-select stage/);
    registerKeySetPlanners(KEY_SET_PLANNERS);
    await loadPlanner('key-select');
    expect(hasPlanner('key-select')).toBe(true);
  });

  it('gives every stage of real traces at least one beat, each with a caption', async () => {
    registerKeySetPlanners(KEY_SET_PLANNERS);
    const steps = await everyStage();
    const stages = new Set(steps.map((s) => s.stage));
    expect(stages.size).toBeGreaterThan(12);
    await Promise.all([...stages].map(loadPlanner));
    for (const step of steps) {
      const plan = planOf(step);
      expect(plan.length, step.stage).toBeGreaterThan(0);
      for (const beat of plan) expect(beat.caption, step.stage).toMatch(/\S/);
    }
  });

  it('makes one plan per step: the stepper and the view read the same beats', async () => {
    const [step] = await everyStage();
    await loadPlanner(step!.stage);
    expect(planOf(step!)).toBe(planOf(step!));
  });
});
