/**
 * What a stepper can draw: a step of a signed token's trace (`Step`) or of an encrypted token's (`JweStep`).
 * The two unions share no stage name, so a stage's name alone picks its view, its plan and its words.
 */
import type { JweStep, Step } from '../../lib/jwt';

export type TraceStep = Step | JweStep;
export type TraceStage = TraceStep['stage'];
export type StepOf<S extends TraceStage> = Extract<TraceStep, { stage: S }>;
