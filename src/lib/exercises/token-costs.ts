/**
 * Chapter 10's exercises: the bytes a token adds per day over a session id, the most permissions a token cookie
 * holds, and how long a removed role keeps working in a stateless API. Every number comes from the core's `sign`
 * and from src/lib/token-cost.ts.
 */
import { count, plural, timeSpan } from '../format';
import { isoDate, secretFromText, sign } from '../jwt';
import { COOKIE_LIMIT_BYTES, lengthWithPayload, payloadText, permissionsToLimit, SESSION_COOKIE, TOKEN_COOKIE, tokenCost, withPermissions } from '../token-cost';
import type { PickDefinition, TypedDefinition } from './definition';
import type { Feedback } from './feedback';
import { readWholeNumber } from '../whole-number';

/** A whole number as a learner may type it: digits, with or without thousands commas. */
/** `Authorization: Bearer ` and `Cookie: session=`: what each header line adds around its value. */
const BEARER_PREFIX = 'Authorization: Bearer ';
const SESSION_PREFIX = `Cookie: ${SESSION_COOKIE}=`;

export async function bytesPerDay(header: string, payload: string, secret: string, sessionId: string, requests: number): Promise<TypedDefinition> {
  const { token } = await sign(header, payload, secretFromText(secret));
  const cost = tokenCost(token, sessionId, requests);
  const valuesOnly = (cost.tokenChars - cost.sessionIdChars) * requests;
  const wholeLine = cost.bearerLineBytes * requests;
  const check = (answer: string): Feedback => {
    const n = readWholeNumber(answer);
    if (n === undefined) return { kind: 'invalid', message: 'Type a whole number of bytes, for example 1,000,000.' };
    if (n === cost.extraPerDay) {
      return { kind: 'solved', message: `Right: ${count(cost.bearerLineBytes)} − ${count(cost.sessionLineBytes)} = ${plural(cost.extraPerRequest, 'byte')} more on each request, × ${count(requests)} = ${count(cost.extraPerDay)} bytes a day.` };
    }
    if (n === cost.extraPerRequest) return { kind: 'wrong', message: `${count(n)} bytes is the difference on one request. The question asks for a day of ${count(requests)} requests.` };
    if (n === valuesOnly) {
      return { kind: 'wrong', message: `${count(n)} counts the two values only (${count(cost.tokenChars)} − ${count(cost.sessionIdChars)} characters). The lines around them differ too: "${BEARER_PREFIX}" is ${plural(BEARER_PREFIX.length, 'byte')}, "${SESSION_PREFIX}" ${plural(SESSION_PREFIX.length, 'byte')}.` };
    }
    if (n === wholeLine) return { kind: 'wrong', message: `${count(n)} is the whole Authorization line on every request. The session's cookie line is sent anyway in the other design: count only what the token adds over it.` };
    return { kind: 'wrong', message: `${count(n)} bytes a day would be ${count(n / requests)} bytes per request. Count each header line, from its name to its CR LF, and take the difference.` };
  };
  return {
    answer: 'typed',
    kind: 'Predict, then reveal',
    title: 'A day of requests',
    needsWebCrypto: true,
    prompt: [
      { text: `An API receives ${count(requests)} requests a day. Each carries this token, ${plural(cost.tokenChars, 'character')}, in the header line "${BEARER_PREFIX}<token>" followed by CR LF:` },
      { code: token },
      { text: `With sessions, each would carry "${SESSION_PREFIX}${sessionId}" and CR LF instead. How many more bytes a day does the token send?` },
    ],
    label: 'Extra bytes per day',
    hints: [
      'Work out one request first: the bytes of each header line, then their difference.',
      `A header line is its name, a colon and a space, the value, then CR LF (2 bytes). The token is ASCII, one byte per character.`,
      `The token's line is ${count(BEARER_PREFIX.length)} + ${count(cost.tokenChars)} + 2 bytes; the session's is ${count(SESSION_PREFIX.length)} + ${count(cost.sessionIdChars)} + 2. Multiply the difference by ${count(requests)}.`,
    ],
    check,
    reveal: [{ text: `${count(cost.bearerLineBytes)} bytes against ${count(cost.sessionLineBytes)}: ${plural(cost.extraPerRequest, 'byte')} more per request.` }],
    solution: [
      { code: `${BEARER_PREFIX}<token>\\r\\n    ${count(BEARER_PREFIX.length)} + ${count(cost.tokenChars)} + 2 = ${count(cost.bearerLineBytes)}\n${SESSION_PREFIX}<id>\\r\\n          ${count(SESSION_PREFIX.length)} + ${count(cost.sessionIdChars)} + 2 = ${count(cost.sessionLineBytes)}\n(${count(cost.bearerLineBytes)} − ${count(cost.sessionLineBytes)}) × ${count(requests)} = ${count(cost.extraPerDay)}` },
      { text: 'HTTP/2 and HTTP/3 can compress a header repeated on one connection, so the cost is paid in full mostly on new connections; HTTP/1.1 pays it every time.' },
    ],
  };
}

/** An answer past this is not a near miss but a guess. */
const MAX_ANSWER = 100_000;

export async function cookieLimit(header: string, claims: Record<string, unknown>, secret: string): Promise<TypedDefinition> {
  const { token } = await sign(header, payloadText(claims), secretFromText(secret));
  const limit = permissionsToLimit(token, claims);
  if (limit === undefined || limit === 0) throw new Error('cookieLimit: the claims must fit a cookie and reach the limit within the widget’s range');
  const most = limit - 1;
  const cookieWith = (n: number) => `${TOKEN_COOKIE}=`.length + lengthWithPayload(token, withPermissions(claims, n));
  const check = (answer: string): Feedback => {
    const n = readWholeNumber(answer);
    if (n === undefined) return { kind: 'invalid', message: 'Type a whole number of permissions, for example 100.' };
    if (n === most) return { kind: 'solved', message: `Right: with ${count(most)} the cookie is ${count(cookieWith(most))} bytes; one more makes it ${count(cookieWith(limit))}, past ${count(COOKIE_LIMIT_BYTES)}.` };
    if (n === limit) return { kind: 'wrong', message: `With ${count(n)} the cookie is ${count(cookieWith(n))} bytes: ${plural(cookieWith(n) - COOKIE_LIMIT_BYTES, 'byte')} too many, and the browser drops it. One fewer fits.` };
    if (n > MAX_ANSWER) return { kind: 'wrong', message: `Far too many: each permission adds more than 20 characters of JSON before base64url makes it a third longer.` };
    const size = cookieWith(n);
    return size > COOKIE_LIMIT_BYTES
      ? { kind: 'wrong', message: `With ${count(n)} the cookie is ${count(size)} bytes, ${plural(size - COOKIE_LIMIT_BYTES, 'byte')} over the limit.` }
      : { kind: 'wrong', message: `With ${count(n)} the cookie is ${count(size)} bytes: ${plural(COOKIE_LIMIT_BYTES - size, 'byte')} are still free. More fit.` };
  };
  return {
    answer: 'typed',
    kind: 'Make it happen',
    title: 'How many permissions fit in a cookie?',
    needsWebCrypto: true,
    prompt: [
      { text: 'An application keeps its token in a cookie named "token". The token is signed with HS256 over these claims:' },
      { code: payloadText(claims) },
      { text: `It then adds permissions, "project-001:write", "project-002:write" and so on, to a "permissions" list. What is the most it can add before the cookie passes the ${count(COOKIE_LIMIT_BYTES)} bytes a browser keeps? (The widget above can measure.)` },
    ],
    label: 'Permissions',
    hints: [
      `The limit counts the cookie's name and value: "${TOKEN_COOKIE}=" and the whole token.`,
      'Each permission adds its quoted string and a comma to the payload JSON, and base64url writes 4 characters for every 3 bytes.',
      `In the widget above, choose HS256, type these claims and change the number of permissions until the cookie just fits.`,
    ],
    check,
    solution: [{ text: `${count(most)} permissions make a cookie of ${count(cookieWith(most))} bytes; ${count(limit)} make ${count(cookieWith(limit))}, over the limit. Long before that, every request carries kilobytes of permissions the server could have looked up once.` }],
  };
}

export function roleRemoved(iat: number, lifetime: number, removedAfter: number): PickDefinition {
  const exp = iat + lifetime;
  const removed = iat + removedAfter;
  const left = exp - removed;
  const wrong: Record<string, string> = {
    'at-once': `A stateless API looks nothing up: it checks the signature and the claims, and the token still says "editor". Nothing it reads has changed at ${isoDate(removed)}.`,
    'log-out': 'Logging out deletes the token in the browser, but a copy taken before still verifies: the API never learns of the log-out.',
    forever: `Not forever: from ${isoDate(exp)} the exp check refuses the token, and any new token is issued with the roles as they are then.`,
  };
  const options = [
    { value: 'at-once', label: 'Refused on the next request' },
    { value: 'until-exp', label: `Accepted until ${isoDate(exp)}, when the token expires` },
    { value: 'log-out', label: 'Accepted until the user logs out' },
    { value: 'forever', label: 'Accepted for as long as the signing key is in use' },
  ];
  return {
    answer: 'pick',
    kind: 'Predict, then reveal',
    title: 'A role removed',
    prompt: [
      { text: `A token issued at ${isoDate(iat)} says "role": "editor" and expires ${timeSpan(lifetime)} later. At ${isoDate(removed)} an administrator removes the user's editor role in the database. The API is stateless: it checks the signature and the claims, and looks nothing up. When does it stop treating the token as an editor's?` },
    ],
    label: 'The API',
    options,
    hints: [
      'What does a stateless API read on each request? Only the token and its own key and clock.',
      'The token was signed before the change; its bytes still say "editor", and its signature is still good.',
      `Its exp is ${isoDate(exp)}: until then every check passes.`,
    ],
    check(answer) {
      if (answer === 'until-exp') return { kind: 'solved', message: `Right: for ${timeSpan(left)} more, until ${isoDate(exp)}, the old role keeps working. A short lifetime bounds this; a revocation list (chapter 7) ends it sooner.` };
      const message = wrong[answer];
      return message ? { kind: 'wrong', message } : { kind: 'invalid', message: 'Choose one of the answers first.' };
    },
    reveal: [{ text: `The removal at ${isoDate(removed)} is invisible to the API for ${timeSpan(left)}.` }],
    solution: [{ text: `iat + ${timeSpan(lifetime)} = exp = ${isoDate(exp)}. From ${isoDate(removed)} to then is ${timeSpan(left)}: the price of not looking anything up. Keep lifetimes short, or check a revocation list by jti.` }],
  };
}
