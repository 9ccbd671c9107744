/**
 * Make it happen: edit a payload until its base64url form ends on a whole group, with no spare bits. Checked by
 * the core's UTF-8 and base64url encoders; the feedback says how far the learner's bytes are from a multiple of 3.
 */
import { base64urlEncode, isJwtError, parseJsonObject, utf8Encode } from '../jwt';
import { count, plural } from '../format';
import type { Feedback } from './feedback';

/** Bytes, leftover bytes and spare bits of a text's base64url form, from the encoder itself. */
export function spareBits(text: string): { bytes: number; left: number; chars: number; lastChars: number; spare: number } {
  const bytes = utf8Encode(text);
  const chars = base64urlEncode(bytes).length;
  const full = Math.floor(bytes.length / 3);
  return { bytes: bytes.length, left: bytes.length % 3, chars, lastChars: chars - full * 4, spare: chars * 6 - bytes.length * 8 };
}

export function wholeGroupsHints(start: string): string[] {
  const s = spareBits(start);
  return [
    'Spare bits appear only when the byte count is not a multiple of 3: the last group is short.',
    `The payload starts at ${plural(s.bytes, 'byte')}, ${s.left === 0 ? 'already a multiple of 3' : `${plural(s.left, 'byte')} past a multiple of 3`}. Each plain ASCII character you add or remove is one byte.`,
    `Lengthen the name by ${plural((3 - s.left) % 3, 'character')}, or shorten it by ${plural(s.left, 'character')}.`,
  ];
}

export function checkWholeGroups(start: string, answer: string): Feedback {
  try {
    parseJsonObject(answer, 'payload');
  } catch (error) {
    if (!isJwtError(error)) throw error;
    return { kind: 'invalid', message: `The payload must stay a JSON object: ${error.message}` };
  }
  const s = spareBits(answer);
  if (answer === start) return { kind: 'invalid', message: `This is the payload as it started (${plural(s.bytes, 'byte')}); change it first.` };
  if (s.left === 0) {
    return { kind: 'solved', message: `Done: ${plural(s.bytes, 'byte')} are exactly ${plural(s.bytes / 3, 'group')} of 3, so the ${count(s.chars)} characters carry no spare bit.` };
  }
  return {
    kind: 'wrong',
    message: `Your payload is ${plural(s.bytes, 'byte')}: ${plural(s.left, 'byte')} left over after the full groups, which become ${plural(s.lastChars, 'character')} with ${plural(s.spare, 'spare bit')}. Add ${plural(3 - s.left, 'byte')} or remove ${plural(s.left, 'byte')}.`,
  };
}

/**
 * A worked answer: the start payload with its `name` lengthened by as few ASCII letters as reach a whole
 * number of groups (the payload must have a string `name`).
 */
export function wholeGroupsExample(start: string): string {
  const payload = JSON.parse(start) as Record<string, unknown>;
  const name = String(payload.name);
  for (let extra = 0; ; extra++) {
    const text = JSON.stringify({ ...payload, name: name + 's'.repeat(extra) });
    if (spareBits(text).left === 0) return text;
  }
}
