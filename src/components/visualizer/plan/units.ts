/**
 * Where a beat stands among a byte stage's units (the UTF-8 stage's characters, the base64url stage's groups
 * of three bytes), so the view can light the unit performing and let the others recede: the units before it
 * are done, the ones after it not yet. A sweep beat performs every unit not shown one by one; a beat without
 * focus (the final state, an empty input) leaves every unit as the stage draws it without animation.
 */

export type UnitFocus =
  /** One unit performs: `unit` is its index. */
  | { kind: 'one'; unit: number }
  /** Every other unit performs, "the same way": the `featured` ones were shown one by one before. */
  | { kind: 'rest'; featured: readonly number[] };

export type UnitState = 'done' | 'lit' | 'pending';

/** How unit `unit` looks in a beat with this focus; undefined: as in the final state. */
export function unitState(focus: UnitFocus | undefined, unit: number): UnitState | undefined {
  if (!focus) return undefined;
  if (focus.kind === 'rest') return focus.featured.includes(unit) ? 'done' : 'lit';
  return unit < focus.unit ? 'done' : unit === focus.unit ? 'lit' : 'pending';
}
