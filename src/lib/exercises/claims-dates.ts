/**
 * Chapter 2's date exercise: a payload whose exp was written in milliseconds, to be corrected so that the token
 * lasts one hour from its iat. The answer is parsed by the core's strict parser and judged by the core's own claim
 * checks: accepted one second before the hour is up, refused at the hour.
 */
import { isJwtError, parseJsonObject } from '../jwt';
import { plural } from '../format';
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
 * Whether the core's claim checks accept the payload at a moment. They share a file with the verifier (11 KB
 * with what it needs), which this page has no other use for: it loads when a right answer is first checked.
 */
async function acceptedAt(payload: Record<string, unknown>, seconds: number): Promise<boolean> {
  const { checkClaims } = await import('../jwt/claims');
  return (await checkClaims({}, payload, { currentDate: new Date(seconds * 1000) })).error === undefined;
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
