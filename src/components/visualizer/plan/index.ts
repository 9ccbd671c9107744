/**
 * Every stage's animation plan, chosen by stage: one planner per stage, typed by its step, so a new stage in
 * the core's Step union is a compile error here until it says how it animates. A stage whose view has no
 * transformation to perform (a decoded part, a check) has one beat: its final state.
 */
import type { Stage, Step } from '../../../lib/jwt';
import type { Beat, Planner } from './beats';
import { base64urlPlan } from './base64url-plan';
import { algorithmPlan, claimPlan } from './check-plan';
import { comparePlan } from './compare-plan';
import { decodePlan } from './decode-plan';
import { digestPlan } from './digest-plan';
import { finalOnly } from './final-only';
import { hmacInnerPlan, hmacKeyPlan, hmacOuterPlan } from './hmac-plan';
import { rsaEncodePlan, rsaPublicPlan, rsaSignPlan } from './rsa-plan';
import { signingInputPlan } from './signing-input-plan';
import { utf8Plan } from './utf8-plan';

const PLANNERS = {
  utf8: utf8Plan,
  base64url: base64urlPlan,
  'signing-input': signingInputPlan,
  'hmac-key': hmacKeyPlan,
  'hmac-inner': hmacInnerPlan,
  'hmac-outer': hmacOuterPlan,
  digest: digestPlan,
  'rsa-encode': rsaEncodePlan,
  'rsa-sign': rsaSignPlan,
  'rsa-public': rsaPublicPlan,
  'opaque-sign': finalOnly,
  'opaque-verify': finalOnly,
  compare: comparePlan,
  token: finalOnly,
  split: finalOnly,
  decode: decodePlan,
  algorithm: algorithmPlan,
  key: finalOnly,
  claim: claimPlan,
} satisfies { [S in Stage]: Planner<S> };

/** The beats a stage's planner makes, with the fields its view draws (a stage with its own kinds of beat). */
export type PlanOf<S extends Stage> = ReturnType<(typeof PLANNERS)[S]>;

/** Plans already made, by step: the stepper and the stage's view both ask for the same step's plan. */
const made = new WeakMap<Step, readonly Beat[]>();

/** The beats of this step's stage, the last being its final state; never empty. */
export function planOf<T extends Step>(step: T): PlanOf<T['stage']> {
  let plan = made.get(step);
  if (!plan) {
    // Safe: PLANNERS pairs each stage with a planner of exactly that stage's step.
    plan = (PLANNERS[step.stage] as Planner<Stage>)(step as never);
    if (plan.length === 0) throw new Error(`The plan of the ${step.stage} stage has no beats.`);
    made.set(step, plan);
  }
  // Safe: the plan was made by this stage's planner.
  return plan as PlanOf<T['stage']>;
}

export type { Beat } from './beats';
