/**
 * How a verifier's checks perform: the algorithm check reads the header's `alg`, then looks it up in the
 * allow-list; a claim check reads the claim, then what it is checked against (the verifier's clock, or the
 * expected value), then gives the core's verdict in the core's words. The verdicts are the core's own
 * (`ok`, `status`, `message`): nothing here checks anything again.
 */
import { isoDate, type AlgorithmStep, type ClaimStep } from '../../../lib/jwt';
import type { Beat } from './beats';

/** What a check's beat adds: the token's value, what it is checked against, the verdict. */
export type CheckBeat = Beat & { show: 'value' | 'against' | 'verdict' };

export function algorithmPlan(step: AlgorithmStep): readonly CheckBeat[] {
  const asked = typeof step.alg === 'string' ? `"${step.alg}"` : step.alg === undefined ? 'no algorithm' : JSON.stringify(step.alg);
  return [
    { show: 'value', caption: `The header asks for ${asked}.` },
    { show: 'against', caption: `This verifier accepts ${step.allowed.length ? step.allowed.join(', ') : 'nothing'}; it looks for ${asked} there.` },
    { show: 'verdict', caption: step.ok ? `${asked} is on the list: the check passes.` : `${asked} is not on the list: the token is refused here.` },
  ];
}

/** A time claim the clock was compared with: a NumericDate present, and a clock. */
export function comparedWithClock(step: ClaimStep): step is ClaimStep & { value: number; now: number } {
  return (step.claim === 'exp' || step.claim === 'nbf' || step.claim === 'iat') && typeof step.value === 'number' && step.now !== undefined && step.status !== 'unchecked';
}

export function claimPlan(step: ClaimStep): readonly CheckBeat[] {
  const verdict: CheckBeat = { show: 'verdict', caption: step.message };
  const comparable = comparedWithClock(step) || step.expected !== undefined || (step.claim === 'jti' && typeof step.value === 'string');
  // Nothing to compare: the claim is absent or malformed, or there is no rule for it.
  if (step.value === undefined || step.status === 'unchecked' || !comparable) return [verdict];
  const name = step.claim === 'required' ? (step.name ?? 'the claim') : step.claim;
  const value = comparedWithClock(step) ? `${step.value} = ${isoDate(step.value)}` : JSON.stringify(step.value);
  const against = comparedWithClock(step)
    ? `The verifier's clock reads ${step.now} = ${isoDate(step.now)}${step.tolerance ? `, give or take ${step.tolerance} s` : ''}${
        typeof step.expected === 'number' ? `; it accepts tokens at most ${step.expected} s old` : ''
      }.`
    : step.claim === 'jti'
      ? 'The verifier asks its list of revoked token IDs about it.'
      : `The verifier expects ${JSON.stringify(step.expected)}.`;
  return [
    { show: 'value', caption: `The token says ${name} ${value}.` },
    { show: 'against', caption: against },
    verdict,
  ];
}
