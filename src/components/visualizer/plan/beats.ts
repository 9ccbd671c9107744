/**
 * Animation plans: how a stage performs its transformation, as a sequence of small beats the stepper can
 * play, pause and scrub through. A plan is derived from the stage's trace step alone (pure data in, data out,
 * no Svelte), so a test can check its count, order and values without a browser. The last beat of every plan
 * is the stage's final state: a stage reached by Back, Forward or the stage map shows that beat, and a stage
 * played to its end must look exactly like it.
 */
import type { StepOf, TraceStage } from '../trace-step';

export interface Beat {
  /** One sentence on what this beat shows, naming the learner's values: the stepper's caption for it. */
  caption: string;
  /** How long the beat plays, relative to an ordinary one (a sweep over many bytes plays longer). */
  length?: number;
}

export type { StepOf } from '../trace-step';
export type Planner<S extends TraceStage> = (step: StepOf<S>) => readonly Beat[];
