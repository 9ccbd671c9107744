/**
 * What a stepper can draw: a step of a signed token's trace (`Step`) or of an encrypted token's (`JweStep`).
 * The two unions share no stage name, so a stage's name alone picks its view, its plan and its words.
 */
import type { Component } from 'svelte';
import type { JweStage, JweStep, Stage, Step } from '../../lib/jwt';

export type TraceStep = Step | JweStep;
export type TraceStage = TraceStep['stage'];
export type StepOf<S extends TraceStage> = Extract<TraceStep, { stage: S }>;

/** A stage's view: its step, and the beat of the stage's animation plan to show (the last is its final state). */
export type StageView<S extends TraceStage> = Component<{ step: StepOf<S>; beat: number }>;
/** One loader of a view per stage of a union: exhaustive, so a new stage is a compile error until it has one. */
export type ViewLoaders<S extends TraceStage> = { [K in S]: () => Promise<{ default: StageView<K> }> };
/**
 * A signed token's stages whose views and planners a widget registers (key-set-views.ts), as the JWE stages'
 * are: only a verifier given a JWK Set makes them, so the pages whose verifiers take one key cannot load them.
 */
export type KeySetStage = 'key-select';
/** The signed token's stages StepView and the planners always know. */
export type CoreStage = Exclude<Stage, KeySetStage>;
export type { JweStage, Stage };
