/**
 * Whether the stages of one stepper show their details (StageDetails): one state for all its stages, so
 * that a learner who opens them on one stage finds them open on the next, and one who closed them is not
 * handed a screen of bytes at every step.
 */
import { getContext, hasContext, setContext } from 'svelte';

const KEY = Symbol('stage details');

export interface StageDetailsState {
  open: boolean;
}

/** Called by a stepper: its stages share the state made here, folded at first. */
export function shareStageDetails(): StageDetailsState {
  const shared = $state({ open: false });
  setContext(KEY, shared);
  return shared;
}

/** The state of the stepper around the caller, or one of its own outside a stepper. */
export function stageDetails(): StageDetailsState {
  if (hasContext(KEY)) return getContext<StageDetailsState>(KEY);
  const own = $state({ open: false });
  return own;
}
