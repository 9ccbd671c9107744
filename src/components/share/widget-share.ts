/**
 * How a widget takes part in shareable links: what its settings are (the schema), their defaults, how to read
 * them and how to set them from a link. WidgetFrame reads a link meant for it once it has hydrated, and offers
 * "Copy a link to this". See README, "Make a widget shareable".
 */
import type { ShareSchema, ShareValue, ShareValues } from '../../lib/share-state';
import type { VerifierSettings } from '../widgets/verifier';

export interface WidgetShare {
  schema: ShareSchema;
  /** What the widget starts with: a link carries only what differs. */
  defaults: ShareValues;
  /** The settings now. */
  values: () => ShareValues;
  /** Sets the settings a link gives (checked against the schema first); the others keep their defaults. */
  restore: (values: Partial<Record<string, ShareValue>>) => void;
}

/** The settings a stepper adds to a widget's own: the stage shown (a stage key of its trace). */
export const STAGE_FIELD = { kind: 'text', max: 100 } as const;

/** The longest text input a link may set: well past any token typed by hand, far short of a pasted file. */
export const SHARED_TEXT_MAX = 20_000;

/** A text a link restored (the schema has checked it), or the value the widget has. */
export function textOr(value: ShareValue | undefined, current: string): string {
  return typeof value === 'string' ? value : current;
}

/** One of a choice's values a link restored (the schema has checked it is one), or the current one. */
export function choiceOr<T extends string>(value: ShareValue | undefined, current: T): T {
  return typeof value === 'string' ? (value as T) : current;
}

/** A number a link restored, or the current one. */
export function numberOr(value: ShareValue | undefined, current: number): number {
  return typeof value === 'number' ? value : current;
}

/** A list a link restored (the schema has checked its members), or the current one. */
function listOr<T extends string>(value: ShareValue | undefined, current: T[]): T[] {
  return Array.isArray(value) ? ([...value] as T[]) : current;
}

/** A verifier's settings with what a link restored of its algorithms (`allowed`) and VERIFIER_FIELDS. */
export function verifierSettingsOr(values: Partial<Record<string, ShareValue>>, current: VerifierSettings): VerifierSettings {
  return {
    allowed: listOr(values.allowed, current.allowed),
    clock: numberOr(values.clock, current.clock),
    tolerance: numberOr(values.tolerance, current.tolerance),
    issuer: textOr(values.issuer, current.issuer),
    audience: textOr(values.audience, current.audience),
  };
}

/** The clock and expectations of a verifier, as VerifierClock edits them. */
export const VERIFIER_FIELDS = {
  clock: { kind: 'integer', min: 0, max: 253_402_300_799 },
  tolerance: { kind: 'integer', min: 0, max: 999_999 },
  issuer: { kind: 'text', max: 1000 },
  audience: { kind: 'text', max: 1000 },
} as const;
