/**
 * Chapter 2's payload exercises, each answer parsed by the core's strict parser and judged by the core's own claim
 * checks: a payload whose exp was written in milliseconds, to be corrected so that the token lasts one hour from
 * its iat (accepted one second before the hour is up, refused at the hour); and the claims a given server needs,
 * and no more.
 */
import { isJwtError, parseJsonObject, utf8Encode, type ClaimOptions } from '../jwt';
import { count, plural } from '../format';
import { MILLISECONDS_FROM, isoDate } from '../claims-inspector';
import type { TypedDefinition } from './definition';
import type { Feedback } from './feedback';

const HOUR = 3600;

function year(seconds: number): string {
  const y = new Date(seconds * 1000).getUTCFullYear();
  return Number.isNaN(y) ? 'no year a date can hold' : `the year ${y.toLocaleString('en')}`;
}

/** The payload as a starting text, with `exp` in milliseconds. */
export function millisecondPayload(sub: string, iat: number): string {
  return `{\n  "sub": ${JSON.stringify(sub)},\n  "iat": ${iat},\n  "exp": ${(iat + HOUR) * 1000}\n}`;
}

type Read = { payload: Record<string, unknown> } | { feedback: Feedback };

function read(answer: string): Read {
  try {
    return { payload: parseJsonObject(answer, 'payload').value };
  } catch (error) {
    if (!isJwtError(error)) throw error;
    return { feedback: { kind: 'invalid', message: error.message } };
  }
}

/**
 * The core's claim checks at a moment: undefined when they accept, else the first refusal's message. They share a
 * file with the verifier (11 KB with what it needs), which this page has no other use for: it loads when an answer
 * is first checked that gets this far.
 */
async function refusalAt(payload: Record<string, unknown>, seconds: number, options: ClaimOptions = {}): Promise<string | undefined> {
  const { checkClaims } = await import('../jwt/claims');
  return (await checkClaims({}, payload, { ...options, currentDate: new Date(seconds * 1000) })).error?.message;
}

async function acceptedAt(payload: Record<string, unknown>, seconds: number): Promise<boolean> {
  return (await refusalAt(payload, seconds)) === undefined;
}

export function expOneHour(sub: string, iat: number): TypedDefinition {
  const start = millisecondPayload(sub, iat);
  const ms = (iat + HOUR) * 1000;
  const right = iat + HOUR;

  const check = async (answer: string): Promise<Feedback> => {
    const result = read(answer);
    if ('feedback' in result) return result.feedback;
    const { payload } = result;
    const exp = payload.exp;
    if (payload.iat !== iat) return { kind: 'invalid', message: `Keep "iat": ${iat} as it is; the token lasts one hour from that moment.` };
    if (typeof exp === 'string') return { kind: 'wrong', message: `"exp" is now a string, "${exp}". A NumericDate is a JSON number: no quotes.` };
    if (typeof exp !== 'number') return { kind: 'wrong', message: `"exp" must be a JSON number of seconds; now it is ${exp === undefined ? 'missing, so the token never expires' : JSON.stringify(exp)}.` };
    if (exp === ms) return { kind: 'wrong', message: `"exp" is still ${ms}, milliseconds: read as seconds it names ${year(ms)}.` };
    if (Math.abs(exp) >= MILLISECONDS_FROM) return { kind: 'wrong', message: `${exp} still reads as ${year(exp)}: a NumericDate counts seconds, not milliseconds.` };
    if (exp === right) {
      const before = await acceptedAt(payload, right - 1);
      const at = await acceptedAt(payload, right);
      if (before && !at) {
        return { kind: 'solved', message: `Right: exp ${right} is ${isoDate(right)}. The core's claim check accepts the token at ${isoDate(right - 1)} and refuses it from ${isoDate(right)} on.` };
      }
    }
    const lasts = exp - iat;
    if (lasts <= 0) return { kind: 'wrong', message: `exp ${exp} is ${isoDate(exp)}, not after iat (${isoDate(iat)}): the token would be expired as soon as it is issued.` };
    if (lasts === 60) return { kind: 'wrong', message: `exp is 60 seconds after iat: one minute. NumericDates count seconds, so an hour is ${HOUR} of them.` };
    return { kind: 'wrong', message: `exp ${exp} is ${isoDate(exp)}, ${plural(lasts, 'second')} after iat; the token should last one hour, ${HOUR} seconds.` };
  };

  return {
    answer: 'typed',
    kind: 'Make it happen',
    title: 'An expiry in the wrong unit',
    prompt: [
      { text: `This payload should make a token that lasts one hour from its iat. Its writer took the time from JavaScript's Date.now(), which counts milliseconds. Correct "exp" so the token expires exactly one hour after ${isoDate(iat)}.` },
      { code: start },
    ],
    label: 'Payload',
    start,
    multiline: true,
    live(answer) {
      const result = read(answer);
      if ('feedback' in result) return 'Now: not a JSON object yet.';
      const exp = result.payload.exp;
      if (typeof exp !== 'number') return 'Now: exp is not a number.';
      return `Now: exp reads as ${isoDate(exp)}.`;
    },
    hints: [
      'A NumericDate counts seconds since 1 January 1970 UTC; JavaScript\'s Date.now() counts milliseconds.',
      `Read as seconds, ${ms} is ${year(ms)}. Divided by 1,000 it is ${ms / 1000}, ${isoDate(ms / 1000)}.`,
      `One hour is ${HOUR} seconds: ${iat} + ${HOUR} = ${right}.`,
    ],
    check,
    solution: [
      { text: `Divide the milliseconds by 1,000, or add an hour of seconds to iat: ${iat} + ${HOUR} = ${right}, which is ${isoDate(right)}.` },
      { code: millisecondPayload(sub, iat).replace(String(ms), String(right)) },
      { text: 'In JavaScript, write Math.floor(Date.now() / 1000) for "now" as a NumericDate.' },
    ],
  };
}

/** What the server of the scenario expects. */
export interface Scenario {
  readonly issuer: string;
  readonly audience: string;
  readonly subject: string;
  readonly iat: number;
  /** How long the token lasts, in seconds. */
  readonly lifetime: number;
}

/** The claims this server checks: each one a reason to be in the token. */
const NEEDED = ['iss', 'sub', 'aud', 'iat', 'exp'];

export function neededClaims(scenario: Scenario): TypedDefinition {
  const { issuer, audience, subject, iat, lifetime } = scenario;
  const exp = iat + lifetime;
  const start = `{\n  "sub": ${JSON.stringify(subject)},\n  "iat": ${iat},\n  "name": "Ada Lovelace",\n  "nbf": ${iat}\n}`;
  const right = { iss: issuer, sub: subject, aud: audience, iat, exp };
  const options: ClaimOptions = { issuer, audience, subject, requiredClaims: ['exp'] };
  const minutes = lifetime / 60;

  const check = async (answer: string): Promise<Feedback> => {
    const result = read(answer);
    if ('feedback' in result) return result.feedback;
    const { payload } = result;
    if (payload.iat !== iat) return { kind: 'invalid', message: `Keep "iat": ${iat}; the token is issued at that moment.` };
    // The server's checks, at the moment of issue, then just before and at the end of its life.
    const refused = await refusalAt(payload, iat, options);
    if (refused !== undefined) return { kind: 'wrong', message: `The server refuses it when it is issued: ${refused}` };
    if ((await refusalAt(payload, exp - 1, options)) !== undefined || (await refusalAt(payload, exp, options)) === undefined) {
      const until = typeof payload.exp === 'number' ? `until ${isoDate(payload.exp)}` : 'for ever';
      return { kind: 'wrong', message: `The server accepts it ${until}; it should stop at ${isoDate(exp)}, ${minutes} minutes after iat.` };
    }
    const extra = Object.keys(payload).filter((name) => !NEEDED.includes(name));
    if (extra.length > 0) {
      const bytes = extra.reduce((sum, name) => sum + utf8Encode(`${JSON.stringify(name)}:${JSON.stringify(payload[name])},`).length, 0);
      return {
        kind: 'wrong',
        message: `The server accepts it, but it checks nothing about ${extra.map((n) => `"${n}"`).join(', ')}: ${plural(bytes, 'byte')} on every request that protect nothing${extra.includes('name') ? ', and a name anyone can read' : ''}. Take ${extra.length === 1 ? 'it' : 'them'} out.`,
      };
    }
    return { kind: 'solved', message: `Right: the server accepts it from ${isoDate(iat)} until ${isoDate(exp - 1)}, refuses it from ${isoDate(exp)}, and every claim in it is one it checks.` };
  };

  return {
    answer: 'typed',
    kind: 'Make it happen',
    title: 'The claims this server needs',
    prompt: [
      { text: `The API ${audience} accepts tokens issued by ${issuer} only, checks whom each is about, and lets a token live ${minutes} minutes from its iat. It keeps no revocation list and reads no other claim. Write the payload of the token for ${subject}, issued at ${isoDate(iat)}: every claim this server needs, and nothing it does not.` },
      { code: start },
    ],
    label: 'Payload',
    start,
    multiline: true,
    live(answer) {
      const result = read(answer);
      if ('feedback' in result) return 'Now: not a JSON object yet.';
      const bytes = utf8Encode(JSON.stringify(result.payload)).length;
      return `Now: ${plural(Object.keys(result.payload).length, 'claim')}, ${plural(bytes, 'byte')} written without spaces.`;
    },
    hints: [
      'A claim belongs in the token when the server checks it: whom it trusts, whom the token is for, whom it is about, and when it stops.',
      `That is iss ${JSON.stringify(issuer)}, aud ${JSON.stringify(audience)} and sub ${JSON.stringify(subject)}; "name" and "nbf" are checked by nobody here.`,
      `${minutes} minutes is ${count(lifetime)} seconds: exp = ${iat} + ${lifetime} = ${exp}.`,
    ],
    check,
    solution: [
      { text: `Five claims, each one checked: the issuer and audience the API expects, the subject, iat as given, and exp ${lifetime} seconds later (${isoDate(exp)}).` },
      { code: JSON.stringify(right, null, 2) },
      { text: 'Without "name" and "nbf" the token is shorter and says nothing nobody checks; the person\'s name stays out of a token anyone can read.' },
    ],
  };
}
