/**
 * An exercise described as data, for the kinds that share one shape of answer: a typed value (`TypedAnswer`)
 * or one choice from a list (`PickAnswer`). A chapter's module builds its definitions with the core (tokens
 * signed, traces taken), so every value the prompt, hints, feedback and solution show is computed, never typed.
 */
import type { Feedback } from './feedback';

/** A paragraph of prose, or a value quoted as code (a token, JSON, bytes). Rendered as text, never as HTML. */
export type Block = { readonly text: string } | { readonly code: string };

export type ExerciseKind = 'Predict, then reveal' | 'Make it happen' | 'Forge or refuse';

interface Common {
  readonly kind: ExerciseKind;
  readonly title: string;
  readonly prompt: readonly Block[];
  /** Three hints, from the idea to the arithmetic. */
  readonly hints: readonly string[];
  /** What a predict-then-reveal exercise shows once the learner has committed. */
  readonly reveal?: readonly Block[];
  readonly solution: readonly Block[];
  /** The check runs WebCrypto (sign, verify, HMAC trace). */
  readonly needsWebCrypto?: boolean;
  check(answer: string): Feedback | Promise<Feedback>;
}

/** A value typed in a field: a number, a claim's value, a token, a payload. */
export interface TypedDefinition extends Common {
  readonly answer: 'typed';
  readonly label: string;
  /** The text the field starts with (the learner's from then on); empty when not given. */
  readonly start?: string;
  /** Several lines (a token, JSON) rather than a short value. */
  readonly multiline?: boolean;
  /** A line under the field, recomputed as the learner types ("Now: …"). */
  live?(answer: string): string | Promise<string>;
}

/** One choice from a list, such as the verifier's stages. */
export interface PickDefinition extends Common {
  readonly answer: 'pick';
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

export type ExerciseDefinition = TypedDefinition | PickDefinition;
