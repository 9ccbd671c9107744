/**
 * Every stage's animation plan, chosen by stage: one planner per stage, typed by its step, so a new stage in
 * the core's Step union is a compile error here until it says how it animates (JweStep's stages: in
 * jwe-planners.ts, and a JWK Set's key choice in key-set-planners.ts, registered by the widgets that draw them). A stage whose view has no
 * transformation to perform (a decoded part, a check) has one beat: its final state.
 *
 * A planner is downloaded with its stage's view (StepView loads both), not with the stepper: a page pays for
 * the plans of the stages a learner reaches, as it does for their views (see README, "Page weight").
 */
import type { CoreStage, JweStage, KeySetStage, TraceStage as Stage, TraceStep as Step } from '../trace-step';
import type { JWE_PLANNERS } from './jwe-planners';
import type { KEY_SET_PLANNERS } from './key-set-planners';
import type { Beat, Planner } from './beats';
import { finalOnly } from './final-only';

const PLANNERS = {
  utf8: () => import('./utf8-plan').then((m) => m.utf8Plan),
  base64url: () => import('./base64url-plan').then((m) => m.base64urlPlan),
  'signing-input': () => import('./signing-input-plan').then((m) => m.signingInputPlan),
  'hmac-key': () => import('./hmac-plan').then((m) => m.hmacKeyPlan),
  'hmac-inner': () => import('./hmac-plan').then((m) => m.hmacInnerPlan),
  'hmac-outer': () => import('./hmac-plan').then((m) => m.hmacOuterPlan),
  digest: () => import('./digest-plan').then((m) => m.digestPlan),
  'rsa-encode': () => import('./rsa-plan').then((m) => m.rsaEncodePlan),
  'rsa-sign': () => import('./rsa-plan').then((m) => m.rsaSignPlan),
  'rsa-public': () => import('./rsa-plan').then((m) => m.rsaPublicPlan),
  'opaque-sign': finalOnly,
  'opaque-verify': finalOnly,
  compare: () => import('./compare-plan').then((m) => m.comparePlan),
  token: () => import('./token-plan').then((m) => m.tokenPlan),
  split: () => import('./token-plan').then((m) => m.splitPlan),
  decode: () => import('./decode-plan').then((m) => m.decodePlan),
  algorithm: () => import('./check-plan').then((m) => m.algorithmPlan),
  key: finalOnly,
  claim: () => import('./check-plan').then((m) => m.claimPlan),
} satisfies { [S in CoreStage]: Planner<S> | (() => Promise<Planner<S>>) };

type Entry<S extends Stage> = S extends CoreStage ? (typeof PLANNERS)[S]
  : S extends JweStage ? (typeof JWE_PLANNERS)[S]
  : S extends KeySetStage ? (typeof KEY_SET_PLANNERS)[S]
  : never;
/** The planner of a stage (of each stage, for a union): what its loader gives, or the final-only one. */
type PlannerOf<S extends Stage> = S extends Stage ? (Entry<S> extends () => Promise<infer P> ? P : Entry<S>) : never;

/** The beats a stage's planner makes, with the fields its view draws (a stage with its own kinds of beat). */
export type PlanOf<S extends Stage> = PlannerOf<S> extends (step: never) => infer R ? R : never;

/** Planners at hand, by stage: the final-only ones from the start, the others once downloaded. */
const planners = new Map<Stage, Planner<Stage>>();
const loading = new Map<Stage, Promise<void>>();
/** Loaders by stage: the signed token's, and the encrypted token's once a widget registers them. */
const loaders = new Map<Stage, unknown>(Object.entries(PLANNERS) as [Stage, unknown][]);

function addPlanners(entries: Record<string, unknown>): void {
  for (const [stage, entry] of Object.entries(entries)) {
    loaders.set(stage as Stage, entry);
    if (entry === finalOnly) planners.set(stage as Stage, finalOnly);
  }
}
addPlanners(PLANNERS);

/**
 * Adds an encrypted token's planners (jwe-planners.ts), registered with their views by the widgets that draw JWE
 * traces (jwe-views.ts): a page that only signs never reaches them.
 */
export function registerJwePlanners(entries: typeof JWE_PLANNERS): void {
  addPlanners(entries);
}

/** Adds the planner of a JWK Set's key choice (key-set-planners.ts), registered with its view (key-set-views.ts). */
export function registerKeySetPlanners(entries: typeof KEY_SET_PLANNERS): void {
  addPlanners(entries);
}

/** Whether this stage's plan can be made now, without waiting for a download. */
export function hasPlanner(stage: Stage): boolean {
  return planners.has(stage);
}

/** Downloads this stage's planner once; a failed download can be tried again. */
export function loadPlanner(stage: Stage): Promise<void> {
  if (planners.has(stage)) return Promise.resolve();
  let pending = loading.get(stage);
  if (!pending) {
    const loader = loaders.get(stage) as (() => Promise<Planner<Stage>>) | undefined;
    if (!loader) return Promise.reject(new Error(`no planner is registered for the ${stage} stage`));
    // Safe: each entry not final-only is a loader of exactly that stage's planner.
    pending = loader().then((planner) => {
      planners.set(stage, planner);
    });
    pending.catch(() => loading.delete(stage));
    loading.set(stage, pending);
  }
  return pending;
}

/** Plans already made, by step: the stepper and the stage's view both ask for the same step's plan. */
const made = new WeakMap<Step, readonly Beat[]>();

/** The beats of this step's stage, the last being its final state; never empty. Its planner must be loaded. */
export function planOf<T extends Step>(step: T): PlanOf<T['stage']> {
  let plan = made.get(step);
  if (!plan) {
    const planner = planners.get(step.stage);
    if (!planner) throw new Error(`The plan of the ${step.stage} stage is asked for before its planner is loaded.`);
    plan = planner(step);
    if (plan.length === 0) throw new Error(`The plan of the ${step.stage} stage has no beats.`);
    made.set(step, plan);
  }
  // Safe: the plan was made by this stage's planner.
  return plan as PlanOf<T['stage']>;
}

export type { Beat } from './beats';
