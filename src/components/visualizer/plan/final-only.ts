import type { TraceStep } from '../trace-step';
import type { Beat } from './beats';

/** The plan of a stage that shows a result without a transformation to perform: its final state only. */
export function finalOnly(_step: TraceStep): readonly Beat[] {
  return [{ caption: 'The result of this stage.' }];
}
