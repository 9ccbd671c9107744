/**
 * The planner of a JWK Set's key choice (the `key-select` stage), registered with its view (key-set-views.ts) by
 * the widgets that verify with a key set, so that the pages whose verifiers take one key never reach it.
 */
import type { KeySetStage } from '../trace-step';
import type { Planner } from './beats';

export const KEY_SET_PLANNERS = {
  'key-select': () => import('./key-select-plan').then((m) => m.keySelectPlan),
} satisfies { [S in KeySetStage]: Planner<S> | (() => Promise<Planner<S>>) };
