/**
 * The view of a JWK Set's key choice (the `key-select` stage that verifyWithKeySet traces), downloaded when the
 * stage is first shown. A widget that verifies with a key set calls `drawKeySetStages()` once: StepView and the
 * planners learn the stage then, so a page whose verifiers take one key never reaches it (README, "Page weight").
 */
import { registerKeySetViews } from './jwe-view-registry';
import { registerKeySetPlanners } from './plan';
import { KEY_SET_PLANNERS } from './plan/key-set-planners';
import type { KeySetStage, ViewLoaders } from './trace-step';

const KEY_SET_VIEWS: ViewLoaders<KeySetStage> = {
  'key-select': () => import('./KeySelectView.svelte'),
};

/** Lets every stepper on the page draw a key set's stage. Call it once, at the top of a widget that shows one. */
export function drawKeySetStages(): void {
  registerKeySetViews(KEY_SET_VIEWS);
  registerKeySetPlanners(KEY_SET_PLANNERS);
}
