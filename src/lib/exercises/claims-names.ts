/**
 * Chapter 2's exercises about names: which claim of a payload is private (judged by the same classification the
 * claims inspector shows), and what happens to a payload that names a claim twice (the core's strict parser
 * refuses it; JSON.parse's choice is computed, not assumed).
 */
import { isJwtError, parseJsonObject } from '../jwt';
import { classifyClaim } from '../claim-names';
import type { PickDefinition } from './definition';

const PICK_FIRST = { kind: 'invalid', message: 'Choose one of the answers first.' } as const;

/** Which one claim of `payload` is private; the payload must hold exactly one. */
export function whichIsPrivate(payload: Record<string, unknown>): PickDefinition {
  const names = Object.keys(payload);
  const kinds = new Map(names.map((name) => [name, classifyClaim(name)]));
  const privates = names.filter((name) => kinds.get(name)!.kind === 'private');
  if (privates.length !== 1) throw new Error(`The payload must hold one private claim, not ${privates.length}.`);
  const right = privates[0]!;
  const json = JSON.stringify(payload, null, 2);
  const uri = names.find((name) => kinds.get(name)!.kind === 'public' && kinds.get(name)!.iana === undefined);
  const iana = names.find((name) => kinds.get(name)!.iana !== undefined);
  return {
    answer: 'pick',
    kind: 'Predict, then reveal',
    title: 'Which claim is private?',
    prompt: [
      { text: 'Every name below is a claim of this payload. Exactly one of them is a private claim: which?' },
      { code: json },
    ],
    label: 'The private claim',
    options: names.map((name) => ({ value: name, label: name })),
    hints: [
      'A registered claim is one of RFC 7519\'s seven; a public one is registered with IANA or is a URI someone controls.',
      `${iana ? `"${iana}" is in IANA's JSON Web Token Claims registry` : 'Some names are in IANA\'s registry'}${uri ? `, and "${uri}" is a URI` : ''}.`,
      'What is left is a name only the issuer and its own services agreed on.',
    ],
    check(answer) {
      const kind = kinds.get(answer);
      if (kind === undefined) return PICK_FIRST;
      if (answer === right) return { kind: 'solved', message: `Right: "${right}" is ${kind.why}` };
      return { kind: 'wrong', message: `"${answer}" is ${kind.kind}: ${kind.why}` };
    },
    reveal: names.map((name) => ({ text: `${name}: ${kinds.get(name)!.kind}, ${kinds.get(name)!.why}` })),
    solution: [
      { text: `"${right}" is neither one of the seven registered names, nor in IANA's registry, nor a URI. Its meaning is private: another system could use "${right}" for something else entirely. To share it safely, name it with a URI you control, as "${uri ?? 'https://example.com/claims/…'}" does.` },
    ],
  };
}

/** A claim written twice in a payload: the other claims, then `name` with `first` and again with `second`. */
export interface DuplicatedClaim {
  readonly others: Readonly<Record<string, unknown>>;
  readonly name: string;
  readonly first: unknown;
  readonly second: unknown;
}

/** The payload as a hand edit leaves it: one member per line, the duplicated name last, twice. */
export function payloadWithDuplicate({ others, name, first, second }: DuplicatedClaim): string {
  const members: [string, unknown][] = [...Object.entries(others), [name, first], [name, second]];
  return `{\n${members.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}`;
}

/** What a payload with a claim written twice does. */
export function duplicateClaim(duplicated: DuplicatedClaim): PickDefinition {
  const { name } = duplicated;
  const text = payloadWithDuplicate(duplicated);
  let refusal: string;
  try {
    parseJsonObject(text, 'payload');
    throw new Error(`The core's parser accepted "${name}" written twice.`);
  } catch (error) {
    if (!isJwtError(error) || error.member !== name) throw error;
    refusal = error.message;
  }
  // What JSON.parse keeps, and the value as written first that it drops.
  const kept = JSON.stringify((JSON.parse(text) as Record<string, unknown>)[name]);
  const dropped = JSON.stringify(duplicated.first);
  const options = [
    { value: 'first', label: `It reads ${name} as ${dropped} and accepts the token` },
    { value: 'last', label: `It reads ${name} as ${kept} and accepts the token` },
    { value: 'refuse', label: 'It refuses the token' },
    { value: 'both', label: `It reads ${name} as both values, [${dropped}, ${kept}]` },
  ];
  return {
    answer: 'pick',
    kind: 'Predict, then reveal',
    title: 'One name, two values',
    prompt: [
      { text: `This payload names "${name}" twice, and its signature is valid. What does a careful verifier do with it?` },
      { code: text },
    ],
    label: 'A careful verifier',
    options,
    hints: [
      'JSON\'s standard says names "should" be unique, and leaves open what a parser does when they are not.',
      `JavaScript's JSON.parse keeps the last value, ${kept}; other parsers keep the first, ${dropped}, or stop.`,
      'When the issuer and two services can each read a different value from the same signed bytes, which one did the issuer mean?',
    ],
    check(answer) {
      if (answer === 'refuse') return { kind: 'solved', message: `Right: ${refusal}` };
      if (answer === 'last') return { kind: 'wrong', message: `JSON.parse would indeed keep ${kept}. But a parser that keeps the first reads ${dropped} from the same signed bytes: a careful verifier does not guess, it refuses.` };
      if (answer === 'first') return { kind: 'wrong', message: `Some parsers keep the first value, ${dropped}; JSON.parse keeps ${kept}. Two readings of one signed token is exactly why a careful verifier refuses it.` };
      if (answer === 'both') return { kind: 'wrong', message: `No JSON parser merges the two: an object holds one value per name. JSON.parse keeps ${kept}, and a careful verifier refuses the token.` };
      return PICK_FIRST;
    },
    reveal: [{ text: 'What this course\'s verifier says:' }, { text: refusal }],
    solution: [
      { text: `The token is refused. JSON.parse would keep ${kept}, another parser ${dropped}, so the same signed bytes could grant different rights in different services. The core's parser refuses: ${refusal}` },
    ],
  };
}
