/**
 * Chapter 1's exercises: read a claim out of a token, predict which parts change when a claim does, and take
 * a signed token apart into an unsecured one. Chapter 1 only decodes, so these use the core's decoder and
 * encoder alone: the signed tokens are given (and checked against node:crypto in the unit tests).
 */
import { base64urlEncode, decode, inspectToken, isJwtError, utf8Encode } from '../jwt';
import { plural } from '../format';
import type { PickDefinition, TypedDefinition } from './definition';
import type { Feedback } from './feedback';

/** The payload's JSON exactly as its part decodes. */
function payloadJson(token: string): string {
  return inspectToken(token).segments[1]!.json!;
}

export function readClaim(token: string, claim: string): TypedDefinition {
  const { header, payload } = decode(token);
  const [headerPart, payloadPart] = token.split('.') as [string, string, string];
  const value = String(payload[claim]);
  const json = payloadJson(token);
  const others = Object.entries(payload).filter(([name]) => name !== claim);
  return {
    answer: 'typed',
    kind: 'Predict, then reveal',
    title: `What is the "${claim}" in this token?`,
    prompt: [
      { text: `Here is another user's token. Nobody gave you its key. What is the value of its "${claim}" claim?` },
      { code: token },
    ],
    label: 'Value',
    hints: [
      'Claims live in the payload, the part between the two dots. Base64url is an encoding, not encryption: no key is needed to read it.',
      `The payload part is the ${plural(payloadPart.length, 'character')} after the first dot, starting "${payloadPart.slice(0, 12)}". Paste the whole token into the field above: the widget decodes each part.`,
      `Decoded, the payload is ${plural(json.length, 'character')} of JSON with ${plural(Object.keys(payload).length, 'member')}; find the one named "${claim}".`,
    ],
    check(answer) {
      const typed = answer.trim().replace(/^"(.*)"$/, '$1');
      if (typed === '') return { kind: 'invalid', message: `Type the value of "${claim}", without the quotes.` };
      if (typed === value) return { kind: 'solved', message: `Right: the payload part decodes to ${json}, and its "${claim}" is "${value}". Anyone holding the token can read this.` };
      const other = others.find(([, v]) => String(v) === typed);
      if (other) return { kind: 'wrong', message: `"${typed}" is the value of "${other[0]}", another claim in the same payload. Look for the member named "${claim}".` };
      const inHeader = Object.entries(header).find(([, v]) => String(v) === typed);
      if (inHeader) return { kind: 'wrong', message: `"${typed}" is the header's "${inHeader[0]}": the header is the first part and says how the token is signed. Claims are in the second part.` };
      if (typed.length >= 4 && (headerPart.includes(typed) || payloadPart.includes(typed) || token.split('.')[2]!.includes(typed))) {
        return { kind: 'wrong', message: `"${typed}" is base64url text copied from the token itself. Decode the payload part to read the JSON it spells.` };
      }
      return { kind: 'wrong', message: `No claim in this payload has the value "${typed}": it decodes to ${plural(Object.keys(payload).length, 'claim')}, and "${claim}" is not that.` };
    },
    reveal: [{ text: 'The payload part, decoded:' }, { code: json }],
    solution: [
      { text: 'Take the text between the two dots and decode it from base64url:' },
      { code: payloadPart },
      { text: `It spells the JSON below, whose "${claim}" is "${value}". No key was needed: a token's payload is public.` },
      { code: json },
    ],
  };
}

type Part = 'header' | 'payload' | 'signature';
const PART_ORDER: readonly Part[] = ['header', 'payload', 'signature'];
const CHOICES: readonly { value: string; label: string; parts: readonly Part[] }[] = [
  { value: 'payload', label: 'Only the payload', parts: ['payload'] },
  { value: 'signature', label: 'Only the signature', parts: ['signature'] },
  { value: 'payload-signature', label: 'The payload and the signature', parts: ['payload', 'signature'] },
  { value: 'all', label: 'All three parts', parts: ['header', 'payload', 'signature'] },
];

/** The parts that differ between two tokens, in token order. */
export function changedParts(a: string, b: string): Part[] {
  const pa = a.split('.');
  const pb = b.split('.');
  return PART_ORDER.filter((_, i) => pa[i] !== pb[i]);
}

/** `before`, and `after`: the same token with one claim changed and signed again with the same key. */
export function whichPartsChange(before: string, after: string, claim: string): PickDefinition {
  const value = String(decode(after).payload[claim]);
  const edited = payloadJson(after);
  const headerJson = inspectToken(before).segments[0]!.json!;
  const changed = changedParts(before, after);
  const right = CHOICES.find((c) => c.parts.join() === changed.join())!;
  const [hb, pb, sb] = before.split('.') as [string, string, string];
  const [ha, pa, sa] = after.split('.') as [string, string, string];
  const wrongFor: Record<string, string> = {
    payload: `If only the payload changed, the old signature would still fit the new claims, and anyone could edit a token. The signature is computed over the header and payload parts, so it changes too: "${sb.slice(0, 8)}…" becomes "${sa.slice(0, 8)}…".`,
    signature: `The payload's JSON changed, so its base64url text changes with it: "${pb.slice(0, 16)}…" becomes "${pa.slice(0, 16)}…". Each part spells its own JSON.`,
    all: `The header is the same JSON before and after, ${headerJson}: the same bytes, so the same base64url text, "${hb}". Only what was edited, and the signature over it, change.`,
  };
  return {
    answer: 'pick',
    kind: 'Predict, then reveal',
    title: 'Which parts change?',
    prompt: [
      { text: `The issuer of this token changes its "${claim}" to "${value}" and signs it again with the same secret. Which parts of the token come out different?` },
      { code: before },
    ],
    label: 'Parts that change',
    options: CHOICES.map(({ value: v, label }) => ({ value: v, label })),
    hints: [
      'Each of the first two parts is its own piece of JSON, encoded separately; the third is computed from them.',
      `The header's JSON does not mention "${claim}": it stays ${headerJson}.`,
      'The signature is the HMAC of header part + "." + payload part: change either and the HMAC comes out different.',
    ],
    check(answer) {
      if (answer === '') return { kind: 'invalid', message: 'Choose one of the answers first.' };
      if (answer === right.value) return { kind: 'solved', message: `Right: ${changed.join(' and ')} change, the header stays "${ha}".` };
      const message = wrongFor[answer];
      return message ? { kind: 'wrong', message } : { kind: 'invalid', message: 'Choose one of the answers first.' };
    },
    reveal: [{ text: `Signed again with "${claim}": "${value}":` }, { code: after }, { text: `Changed: ${changed.join(', ')}. The header part is identical in both.` }],
    solution: [
      { text: `The header is untouched: "${hb}" in both. The payload spells new JSON:` },
      { code: edited },
      { text: `so its part becomes "${pa}". The signature covers both parts, so it is recomputed: "${sa}". Were it not, the old one would no longer match and a verifier would refuse the token.` },
    ],
  };
}

/** The header of an unsecured token, as chapter 1 prints it. */
export const NONE_HEADER = '{"alg":"none","typ":"JWT"}';

function describe(answer: string): string {
  const view = inspectToken(answer.trim());
  if (view.pieces.length !== 3) return `Now: ${plural(view.pieces.length, 'part')}.`;
  const alg = view.segments[0]!.value?.alg;
  return `Now: 3 parts; the header's alg is ${alg === undefined ? 'unreadable' : JSON.stringify(alg)}; the signature is ${plural(view.pieces[2]!.length, 'character')}.`;
}

export function unsecuredToken(start: string): TypedDefinition {
  const [, payloadPart, signaturePart] = start.split('.') as [string, string, string];
  const noneHeader = base64urlEncode(utf8Encode(NONE_HEADER));
  const solution = `${noneHeader}.${payloadPart}.`;
  const claims = JSON.stringify(decode(start).payload);
  const check = (answer: string): Feedback => {
    const token = answer.trim();
    const view = inspectToken(token);
    if (token === start) return { kind: 'invalid', message: 'This is the signed token as it started; change it first.' };
    if (view.pieces.length !== 3) {
      return { kind: 'wrong', message: `Your token has ${plural(view.pieces.length, 'part')}. An unsecured token still has three, so two dots: its third part is there, but empty.` };
    }
    let decoded;
    try {
      decoded = decode(token);
    } catch (error) {
      if (!isJwtError(error)) throw error;
      return { kind: 'wrong', message: `This does not decode: ${error.message}` };
    }
    if (decoded.header.alg !== 'none') {
      return { kind: 'wrong', message: `Its header still says "alg": ${JSON.stringify(decoded.header.alg)}, so a verifier would look for a signature. Use the header part of the unsecured token printed above, whose alg is "none".` };
    }
    if (view.pieces[2] !== '') {
      return {
        kind: 'wrong',
        message: `The header says "none", but the third part still has ${plural(view.pieces[2]!.length, 'character')}${view.pieces[2] === signaturePart ? ', the old HMAC' : ''}. An unsecured token's signature is empty: end the token with the second dot.`,
      };
    }
    if (JSON.stringify(decoded.payload) !== claims) {
      return { kind: 'wrong', message: `The payload changed: it now reads ${JSON.stringify(decoded.payload)}. Keep the payload part "${payloadPart.slice(0, 12)}…" as it was.` };
    }
    return { kind: 'solved', message: 'Done: an unsecured token with the same claims, three parts, the last one empty. It proves nothing, which is why a verifier must refuse it.' };
  };
  return {
    answer: 'typed',
    kind: 'Make it happen',
    title: 'Take the signature away',
    prompt: [{ text: 'Edit this signed token into an unsecured one that carries the same claims: a header whose alg is "none", and no signature.' }],
    label: 'Token',
    start,
    multiline: true,
    live: describe,
    hints: [
      'Keep the payload part as it is; only the header and the signature change.',
      `The unsecured token printed above starts with the header part "${noneHeader}", which decodes to ${NONE_HEADER}.`,
      `An unsecured token keeps both dots: header part, ".", payload part, ".", and nothing after it. Delete the ${plural(signaturePart.length, 'character')} after the second dot.`,
    ],
    check,
    solution: [
      { text: `Replace the header part with "${noneHeader}", keep the payload part, and leave the third part empty:` },
      { code: solution },
      { text: 'No key was needed, and anyone can do the same with any claims: that is why an unsecured token proves nothing.' },
    ],
  };
}
