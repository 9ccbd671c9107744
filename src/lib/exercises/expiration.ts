/**
 * Chapter 6's exercises: which of two servers with skewed clocks refuses a fresh token, the first second a token
 * is refused with clock tolerance, and the first second a token without exp is refused for its age. Every verdict
 * and every expected second comes from the core's claim checks (checkClaims), run at the clocks in question.
 */
import { count, plural } from '../format';
import { checkClaims, isoDate, type ClaimOptions } from '../jwt';
import type { PickDefinition, TypedDefinition } from './definition';
import type { Feedback } from './feedback';

/** The core's verdict on these claims at this clock: undefined when accepted, else its reason. */
async function refusal(payload: Record<string, unknown>, clock: number, options: ClaimOptions = {}): Promise<string | undefined> {
  const { error } = await checkClaims({}, payload, { ...options, currentDate: new Date(clock * 1000) });
  return error?.message;
}

/** The first second at or after `from` at which the core refuses the claims, looking at most `within` seconds on. */
async function firstRefused(payload: Record<string, unknown>, from: number, within: number, options: ClaimOptions): Promise<number> {
  for (let t = from; t <= from + within; t++) if ((await refusal(payload, t, options)) !== undefined) return t;
  throw new Error('firstRefused: the claims are still accepted at the end of the search');
}

/** A NumericDate as a learner may type it: digits, with or without thousands commas. */
function numericDate(answer: string): number | undefined {
  const digits = answer.trim().replaceAll(',', '');
  return /^\d{1,15}$/.test(digits) ? Number(digits) : undefined;
}

/**
 * Feedback on "the first second it is refused": right, still accepted then (with the core's reason for
 * accepting), or refused but already a second earlier.
 */
async function deadlineFeedback(
  answer: string,
  payload: Record<string, unknown>,
  options: ClaimOptions,
  first: number,
  slips: Record<number, string>,
): Promise<Feedback> {
  const n = numericDate(answer);
  if (n === undefined) return { kind: 'invalid', message: 'Type a NumericDate: a whole number of seconds, such as 1773220500.' };
  if (n === first) return { kind: 'solved', message: `Right: at ${count(n)} (${isoDate(n)}) the server refuses it: "${await refusal(payload, n, options)}" One second earlier it still accepts it.` };
  const slip = slips[n];
  if (slip) return { kind: 'wrong', message: slip };
  const reason = await refusal(payload, n, options);
  if (reason === undefined) return { kind: 'wrong', message: `At ${count(n)} (${isoDate(n)}) the server still accepts the token. Look later.` };
  return { kind: 'wrong', message: `At ${count(n)} (${isoDate(n)}) it is refused, but it already was ${plural(n - first, 'second')} earlier. Look for the first refused second.` };
}

export async function skewedServer(iat: number, lifetime: number, skew: number, arrival: number): Promise<PickDefinition> {
  const payload = { sub: 'ada', iat, nbf: iat, exp: iat + lifetime };
  const clockA = iat + arrival;
  const clockB = clockA - skew;
  const [a, b] = await Promise.all([refusal(payload, clockA), refusal(payload, clockB)]);
  const right = a && b ? 'both' : a ? 'a' : b ? 'b' : 'neither';
  const verdicts = `Server A: ${a === undefined ? 'accepted' : `refused ("${a}")`}. Server B: ${b === undefined ? 'accepted' : `refused ("${b}")`}.`;
  /** What one server's clock says, from the core's verdict at it. */
  const says = (name: string, clock: number, reason: string | undefined) =>
    `${name}'s clock reads ${isoDate(clock)}: ${reason === undefined ? 'it accepts the token' : `it refuses the token ("${reason}")`}.`;
  /** For a wrong choice, the server whose verdict the choice gets wrong (the first such). */
  const refuses = { a: a !== undefined, b: b !== undefined };
  const claimed: Record<string, { a: boolean; b: boolean }> = {
    a: { a: true, b: false },
    b: { a: false, b: true },
    both: { a: true, b: true },
    neither: { a: false, b: false },
  };
  const wrongFor = (answer: string): string | undefined => {
    const claim = claimed[answer];
    if (!claim) return undefined;
    if (claim.a !== refuses.a) return `${says('Server A', clockA, a)} Each server compares the claims with its own clock.`;
    return `${says('Server B', clockB, b)} Its clock is ${plural(skew, 'second')} behind A's.`;
  };
  return {
    answer: 'pick',
    kind: 'Predict, then reveal',
    title: 'Two clocks, one token',
    prompt: [
      { text: 'An issuer whose clock is right signs a token with these claims:' },
      { code: JSON.stringify(payload) },
      { text: `Server A's clock is right too; server B's runs ${plural(skew, 'second')} behind. Neither allows any clock tolerance. The token reaches both ${plural(arrival, 'second')} after it was issued. Which of them refuses it?` },
    ],
    label: 'Refused by',
    options: [
      { value: 'a', label: 'Server A' },
      { value: 'b', label: 'Server B' },
      { value: 'both', label: 'Both' },
      { value: 'neither', label: 'Neither' },
    ],
    hints: [
      'Each server compares the claims with its own clock, not the issuer\'s.',
      `The token is valid from nbf = ${count(iat)}: a clock that reads earlier than that refuses it as "not valid yet".`,
      `A reads ${count(clockA)}; B reads ${count(clockA)} − ${count(skew)} = ${count(clockB)}.`,
    ],
    check(answer) {
      if (answer === right) return { kind: 'solved', message: `Right. ${verdicts}${b === undefined ? '' : ` ${plural(skew, 'second')} of clock tolerance on B would accept it.`}` };
      const message = wrongFor(answer);
      return message ? { kind: 'wrong', message } : { kind: 'invalid', message: 'Choose one of the answers first.' };
    },
    reveal: [{ text: verdicts }],
    solution: [
      { text: `A checks at ${isoDate(clockA)}, B at ${isoDate(clockB)}. ${verdicts}` },
      { text: 'The token is fine and so are the servers, roughly: their clocks just disagree. That is what clock tolerance is for, and why a few seconds of it are enough.' },
    ],
  };
}

export async function toleranceDeadline(exp: number, tolerance: number): Promise<TypedDefinition> {
  const payload = { sub: 'ada', exp };
  const options: ClaimOptions = { clockTolerance: tolerance };
  const first = await firstRefused(payload, exp - tolerance - 2, 2 * tolerance + 4, options);
  const withoutTolerance = await firstRefused(payload, exp - 2, 4, {});
  const slips: Record<number, string> = {
    [withoutTolerance]: `At ${count(withoutTolerance)} a server with no tolerance refuses the token, but this one allows ${plural(tolerance, 'second')} more.`,
    [first + 1]: `One second late: at ${count(first)} the server already refuses it, because the clock must be before exp + tolerance, not at it.`,
    [first - 1]: `At ${count(first - 1)} the server still accepts it: that is the last good second.`,
  };
  return {
    answer: 'typed',
    kind: 'Predict, then reveal',
    title: 'Expired, give or take',
    prompt: [
      { text: 'A token carries these claims:' },
      { code: JSON.stringify(payload) },
      { text: `A server checks it with a clock tolerance of ${plural(tolerance, 'second')}. At which NumericDate does the server first refuse it? (The widget above can show you.)` },
    ],
    label: 'First refused at (NumericDate)',
    hints: [
      'Without tolerance, the token is refused from the second that equals exp: the clock must be before exp.',
      `Tolerance moves exp later by ${plural(tolerance, 'second')} for the comparison.`,
      `${count(exp)} + ${count(tolerance)}: is the token accepted at that second, or refused?`,
    ],
    check: (answer) => deadlineFeedback(answer, payload, options, first, slips),
    reveal: [{ text: `The last accepted second is ${count(first - 1)}; from ${count(first)} on, the server refuses it.` }],
    solution: [
      { code: `accepted while  now < exp + tolerance\n                now < ${count(exp)} + ${count(tolerance)} = ${count(exp + tolerance)}\nfirst refused:  ${count(first)} = ${isoDate(first)}` },
      { text: `Every server with this tolerance accepts the token ${plural(tolerance, 'second')} past its exp. Keep tolerance small.` },
    ],
  };
}

export async function maxAge(iat: number, age: number): Promise<TypedDefinition> {
  const payload = { sub: 'ada', iat };
  const options: ClaimOptions = { maxTokenAge: age };
  const first = await firstRefused(payload, iat + age - 2, 4, options);
  const slips: Record<number, string> = {
    [iat + age]: `At ${count(iat + age)} the token is exactly ${plural(age, 'second')} old, and an age up to the maximum is allowed: the server still accepts it. Unlike exp, the maximum age includes its last second.`,
  };
  return {
    answer: 'typed',
    kind: 'Predict, then reveal',
    title: 'No exp, but a maximum age',
    prompt: [
      { text: 'A token carries no exp, only these claims:' },
      { code: JSON.stringify(payload) },
      { text: `The server is set up with a maximum token age (maxTokenAge) of ${plural(age, 'second')} and no clock tolerance. At which NumericDate does it first refuse the token?` },
    ],
    label: 'First refused at (NumericDate)',
    hints: [
      'The token\'s age is now − iat, in seconds.',
      'The server refuses a token whose age is greater than the maximum; an age equal to it passes.',
      `${count(iat)} + ${count(age)} is the last second of age ${count(age)}. What comes after it?`,
    ],
    check: (answer) => deadlineFeedback(answer, payload, options, first, slips),
    reveal: [{ text: `The last accepted second is ${count(first - 1)}; from ${count(first)} on, the token is too old.` }],
    solution: [
      { code: `age = now − iat;  refused when age > ${count(age)}\nnow − ${count(iat)} > ${count(age)}  ⇔  now > ${count(iat + age)}\nfirst refused:  ${count(first)} = ${isoDate(first)}` },
      { text: 'A maximum age lets a verifier bound a token whatever the issuer wrote, as long as the token has iat.' },
    ],
  };
}
