import { describe, expect, it } from 'vitest';
import { algorithmPlan, claimPlan } from '../../../../../src/components/visualizer/plan/check-plan';
import { checkClaims, isoDate, type ClaimOptions, type ClaimStep } from '../../../../../src/lib/jwt';

const NOW = 1_750_000_000;

/** The core's own claim steps for a payload, on a fixed clock. */
async function claimSteps(payload: Record<string, unknown>, options: Omit<ClaimOptions, 'currentDate'> = {}): Promise<ClaimStep[]> {
  const { steps } = await checkClaims({ alg: 'HS256' }, payload, { currentDate: new Date(NOW * 1000), ...options });
  return steps;
}

const find = (steps: ClaimStep[], claim: string) => steps.find((s) => s.claim === claim)!;

describe('algorithmPlan', () => {
  it('reads the header, then the allow-list, then gives the verdict', () => {
    const plan = algorithmPlan({ stage: 'algorithm', alg: 'HS256', allowed: ['HS256', 'RS256'], ok: true });
    expect(plan.map((b) => b.show)).toEqual(['value', 'against', 'verdict']);
    expect(plan[0]!.caption).toBe('The header asks for "HS256".');
    expect(plan[1]!.caption).toContain('HS256, RS256');
    expect(plan[2]!.caption).toContain('on the list');
  });

  it('says a refused algorithm is not on the list, and names a missing one', () => {
    expect(algorithmPlan({ stage: 'algorithm', alg: 'none', allowed: ['HS256'], ok: false })[2]!.caption).toContain('"none" is not on the list');
    expect(algorithmPlan({ stage: 'algorithm', alg: undefined, allowed: ['HS256'], ok: false })[0]!.caption).toContain('no algorithm');
  });
});

describe('claimPlan', () => {
  it('puts a time claim against the clock, with its tolerance, and ends with the core’s verdict', async () => {
    const exp = find(await claimSteps({ exp: NOW - 10 }, { clockTolerance: 30 }), 'exp');
    const plan = claimPlan(exp);
    expect(plan.map((b) => b.show)).toEqual(['value', 'against', 'verdict']);
    expect(plan[0]!.caption).toBe(`The token says exp ${NOW - 10} = ${isoDate(NOW - 10)}.`);
    expect(plan[1]!.caption).toBe(`The verifier's clock reads ${NOW} = ${isoDate(NOW)}, give or take 30 s.`);
    expect(plan[2]!.caption).toBe(exp.message);
    expect(exp.status).toBe('passed');
  });

  it('names the maximum age for iat', async () => {
    const iat = find(await claimSteps({ iat: NOW - 100 }, { maxTokenAge: 60 }), 'iat');
    expect(claimPlan(iat)[1]!.caption).toContain('at most 60 s old');
    expect(iat.status).toBe('failed');
  });

  it('puts an issuer against the expected one', async () => {
    const iss = find(await claimSteps({ iss: 'https://a.example' }, { issuer: 'https://b.example' }), 'iss');
    const plan = claimPlan(iss);
    expect(plan.map((b) => b.caption)).toEqual([
      'The token says iss "https://a.example".',
      'The verifier expects "https://b.example".',
      iss.message,
    ]);
  });

  it('has only the verdict where nothing is compared: absent, malformed, or without a rule', async () => {
    const absent = await claimSteps({ iat: NOW });
    const malformed = await claimSteps({ nbf: 'tomorrow' });
    for (const step of [find(absent, 'exp'), find(absent, 'iat'), find(malformed, 'nbf')]) {
      const claim = step.claim;
      expect(claimPlan(step), claim).toEqual([{ show: 'verdict', caption: step.message }]);
    }
  });
});
