/**
 * Chapter 5's exercises: which stage of the strict verifier refuses a token (a tampered character, a clock at
 * the `exp` second), and the smallest clock tolerance that lets a just-expired token through. Every verdict is
 * the core's `verify`, with its trace telling which stage stopped it.
 */
import { ALPHABET, decode, inspectToken, isJwtError, isoDate, secretFromText, sign, verify, type Algorithm, type KeyInput, type Stage } from '../jwt';
import { count, plural } from '../format';
import type { PickDefinition, TypedDefinition } from './definition';
import type { Feedback } from './feedback';
import { readWholeNumber } from '../whole-number';

/** The verifier's stages as chapter 5 numbers them, and "accepted". */
export type Outcome = 'split' | 'decode' | 'algorithm' | 'signature' | 'claims' | 'accepted';
const ORDER: readonly Outcome[] = ['split', 'decode', 'algorithm', 'signature', 'claims', 'accepted'];
export const OUTCOME_OPTIONS: readonly { value: Outcome; label: string }[] = [
  { value: 'split', label: '1. Split at the dots' },
  { value: 'decode', label: '2. Decode each part' },
  { value: 'algorithm', label: '3. Is the algorithm allowed?' },
  { value: 'signature', label: '4–5. Control signature and compare' },
  { value: 'claims', label: '6. Check the claims' },
  { value: 'accepted', label: 'Accepted: no stage refuses it' },
];
const label = (o: Outcome) => OUTCOME_OPTIONS.find((x) => x.value === o)!.label;

function outcomeOf(stage: Stage | undefined): Outcome {
  switch (stage) {
    case 'split': return 'split';
    case 'decode': return 'decode';
    case 'algorithm':
    case 'key-select':
    case 'key': return 'algorithm';
    case 'claim': return 'claims';
    default: return 'signature';
  }
}

export interface Verdict {
  outcome: Outcome;
  /** The core's reason for a refusal. */
  reason?: string;
}

export interface Verifier {
  readonly key: KeyInput;
  readonly algorithms: readonly Algorithm[];
  readonly now: string;
  readonly tolerance?: number;
}

/** The core's verdict on a token, and the stage that gave it. */
export async function verdictOf(token: string, verifier: Verifier): Promise<Verdict> {
  try {
    await verify(token, verifier.key, { algorithms: verifier.algorithms, currentDate: new Date(verifier.now), clockTolerance: verifier.tolerance, trace: true });
    return { outcome: 'accepted' };
  } catch (error) {
    if (!isJwtError(error)) throw error;
    return { outcome: outcomeOf(error.trace?.at(-1)?.stage), reason: error.message };
  }
}

/** What a stage the token passed did with it, in one sentence. */
function passed(stage: Outcome, token: string): string {
  const view = inspectToken(token);
  switch (stage) {
    case 'split': return `It splits: ${plural(view.pieces.length, 'part')}, since no dot was added or removed.`;
    case 'decode': return `Every part decodes: the header reads ${view.segments[0]!.json} and the payload ${view.segments[1]!.json}.`;
    case 'algorithm': return `The header's alg is ${JSON.stringify(view.segments[0]!.value?.alg)}, which this verifier allows, with a key that fits it.`;
    case 'signature': return 'The signature matches: the verifier computes the same value over these exact parts.';
    case 'claims': return 'The claims pass at this clock.';
    case 'accepted': return '';
  }
}

/** Feedback for choosing `answer` when the core's verdict is `truth`: what that choice would mean, and why not. */
export function stageFeedback(answer: string, truth: Verdict, token: string): Feedback {
  const choice = ORDER.find((o) => o === answer);
  if (choice === undefined) return { kind: 'invalid', message: 'Choose one of the answers first.' };
  const refused = truth.outcome === 'accepted' ? 'No stage refuses it.' : `It is refused at "${label(truth.outcome)}": ${truth.reason}`;
  if (choice === truth.outcome) return { kind: 'solved', message: `Right. ${refused}` };
  const at = ORDER.indexOf(choice);
  const stop = ORDER.indexOf(truth.outcome);
  if (choice === 'accepted') return { kind: 'wrong', message: `Accepting it would mean every check passed. ${refused}` };
  if (at < stop) return { kind: 'wrong', message: `${passed(choice, token)} ${refused}` };
  return { kind: 'wrong', message: `It never reaches "${label(choice)}": the verifier stops at the first stage that fails. ${refused}` };
}

export interface Example {
  readonly header: string;
  readonly payload: string;
  readonly secret: string;
}

function hsVerifier(example: Example, now: string, tolerance?: number): Verifier {
  return { key: secretFromText(example.secret), algorithms: ['HS256'], now, tolerance };
}

/** The token with the character at `index` of one part replaced by the next base64url character. */
export function tamper(token: string, part: 0 | 1 | 2, index: number): { token: string; from: string; to: string; at: number } {
  const pieces = token.split('.');
  const text = pieces[part]!;
  const from = text[index]!;
  const to = ALPHABET[(ALPHABET.indexOf(from) + 1) % ALPHABET.length]!;
  pieces[part] = text.slice(0, index) + to + text.slice(index + 1);
  return { token: pieces.join('.'), from, to, at: index };
}

const PART_NAMES = ['header', 'payload', 'signature'] as const;

export async function tamperStage(example: Example, now: string, part: 0 | 1 | 2, index: number): Promise<PickDefinition> {
  const { token: original } = await sign(example.header, example.payload, secretFromText(example.secret));
  const t = tamper(original, part, index);
  const verifier = hsVerifier(example, now);
  const truth = await verdictOf(t.token, verifier);
  const view = inspectToken(t.token);
  const segment = view.segments[part]!;
  const name = PART_NAMES[part];
  return {
    answer: 'pick',
    kind: 'Predict, then reveal',
    title: 'Which stage catches one changed character?',
    needsWebCrypto: true,
    prompt: [
      { text: `The example token, with character ${count(t.at + 1)} of its ${name} changed from "${t.from}" to "${t.to}". The verifier holds the secret "${example.secret}", allows HS256 only, and its clock reads ${now}. Which stage refuses it, if any?` },
      { code: t.token },
    ],
    label: 'The stage that stops it',
    options: OUTCOME_OPTIONS,
    hints: [
      'The stages run in order and the first failure stops the verifier: ask of each stage, in turn, whether this change breaks it.',
      `The dots are untouched, and the changed ${name} is still base64url; decoded, it ${segment.error ? `fails: ${segment.error.message}` : `reads ${segment.json ?? `${plural(segment.bytes!.length, 'byte')}`}`}.`,
      `The signature covers every character of "header.payload": ${part === 2 ? 'here the signature itself changed, so it no longer equals the control signature' : `a changed ${name} gives a different control signature`}.`,
    ],
    check: (answer) => stageFeedback(answer, truth, t.token),
    solution: [
      { text: `Split: three parts. Decode: the ${name} ${segment.error ? 'does not decode, and the verifier stops here.' : `still decodes, to ${segment.json ?? 'bytes'}.`}` },
      ...(segment.error ? [] : [{ text: `Algorithm: still HS256. Control signature: HMAC-SHA-256 over the changed text, which no longer matches. ${truth.reason ?? ''}` }]),
    ],
  };
}

export async function expiryBoundary(example: Example): Promise<PickDefinition> {
  const { token } = await sign(example.header, example.payload, secretFromText(example.secret));
  const exp = decode(token).payload.exp as number;
  const now = isoDate(exp);
  const truth = await verdictOf(token, hsVerifier(example, now));
  const before = isoDate(exp - 1);
  return {
    answer: 'pick',
    kind: 'Forge or refuse',
    title: 'Accepted at the very second of exp?',
    needsWebCrypto: true,
    prompt: [
      { text: `The example token, signed with the right secret. The verifier allows HS256, has no clock tolerance, and its clock reads ${now}, which is ${exp}: exactly the token's exp. Does it accept the token? If not, which stage refuses it?` },
      { code: token },
    ],
    label: 'The verifier’s verdict',
    options: OUTCOME_OPTIONS,
    hints: [
      'The signature is genuine, so the first five stages pass: only the claims are left.',
      'RFC 7519 says a token must be refused on or after the moment in exp.',
      `With no tolerance, the last accepted second is ${before}, one second before exp.`,
    ],
    check: (answer) => stageFeedback(answer, truth, token),
    solution: [
      { text: `Split, decode, algorithm and signature all pass: the token is genuine. The exp check compares the clock, ${exp}, with exp, ${exp}: "on or after" includes the second itself, so the token is expired. A valid signature does not make it acceptable.` },
    ],
  };
}

/** The smallest whole tolerance, in seconds, at which the verifier accepts the token at `now`; found with the core. */
export async function smallestTolerance(token: string, verifier: Verifier, most = 3600): Promise<number | undefined> {
  let low = 0;
  let high = most;
  if ((await verdictOf(token, { ...verifier, tolerance: high })).outcome !== 'accepted') return undefined;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if ((await verdictOf(token, { ...verifier, tolerance: mid })).outcome === 'accepted') high = mid;
    else low = mid + 1;
  }
  return low;
}

export async function clockTolerance(example: Example, late: number): Promise<TypedDefinition> {
  const { token } = await sign(example.header, example.payload, secretFromText(example.secret));
  const exp = decode(token).payload.exp as number;
  const now = isoDate(exp + late);
  const base = hsVerifier(example, now);
  const smallest = (await smallestTolerance(token, base))!;
  const check = async (answer: string): Promise<Feedback> => {
    const tolerance = readWholeNumber(answer);
    if (tolerance === undefined) return { kind: 'invalid', message: 'Type a whole number of seconds, for example 30.' };
    const verdict = await verdictOf(token, { ...base, tolerance });
    if (verdict.outcome === 'accepted') {
      if (tolerance === smallest) return { kind: 'solved', message: `Accepted, and ${count(smallest)} s is the least that works: with one second less the token is refused.` };
      return { kind: 'wrong', message: `Accepted, but ${count(tolerance)} s is more slack than needed: ${count(tolerance - smallest)} s fewer still works, and every extra second lets a really expired token through for that long.` };
    }
    if (tolerance === late) {
      return { kind: 'wrong', message: `Refused: with ${count(tolerance)} s the clock sits exactly at exp + tolerance, and a token is expired on or after that moment, not only after it. ${verdict.reason}` };
    }
    return { kind: 'wrong', message: `Refused: with ${count(tolerance)} s of tolerance the clock is still ${count(late - tolerance)} s past exp + tolerance. ${verdict.reason}` };
  };
  return {
    answer: 'typed',
    kind: 'Make it happen',
    title: 'Just enough clock tolerance',
    needsWebCrypto: true,
    prompt: [
      { text: `The verifier's clock reads ${now}: ${plural(late, 'second')} after the example token's exp (${exp}), so the token is refused as expired. Set the smallest clock tolerance, in whole seconds, with which the verifier accepts it.` },
    ],
    label: 'Tolerance (seconds)',
    hints: [
      'With a tolerance, the verifier refuses the token on or after exp + tolerance.',
      `The clock is exp + ${count(late)}. The tolerance must put exp + tolerance after that moment, not at it.`,
      `A tolerance of ${count(late)} s makes exp + tolerance equal to the clock, which is still refused.`,
    ],
    check,
    solution: [
      { text: `The token is accepted while now < exp + tolerance: ${exp + late} < ${exp} + tolerance, so the tolerance must be more than ${count(late)} s. The smallest whole number is ${count(smallest)}.` },
    ],
  };
}
