/**
 * How a verifier reads one segment of a token: the base64url characters, the bytes they stand for, the
 * bytes read as UTF-8 text, and that text read as a JSON object (the signature stays bytes). A segment that
 * could not be read stops at the last form it reached; the error itself is the verdict's to show.
 */
import { plural } from '../../../lib/format';
import type { DecodeStep } from '../../../lib/jwt';
import { characterCount } from '../../../lib/text';
import type { Beat } from './beats';

/** The forms a segment goes through, in order. */
export const DECODE_FORMS = ['segment', 'bytes', 'text', 'json'] as const;
export type DecodeForm = (typeof DECODE_FORMS)[number];

export type DecodeBeat = Beat & { form: DecodeForm };

export function decodePlan(step: DecodeStep): readonly DecodeBeat[] {
  const beats: DecodeBeat[] = [{ form: 'segment', caption: `The ${step.part} segment: ${plural(step.text.length, 'base64url character')}.` }];
  if (!step.bytes) return beats;
  const n = step.text.length;
  const tail = n % 4 === 0 ? '' : `; the last ${plural(n % 4, 'character')} ${n % 4 === 2 ? 'give 1 byte' : 'give 2 bytes'}`;
  beats.push({ form: 'bytes', caption: `Every 4 characters stand for 3 bytes: ${plural(n, 'character')} → ${plural(step.bytes.length, 'byte')}${tail}.` });
  if (step.json === undefined) return beats;
  beats.push({ form: 'text', caption: `Read as UTF-8, the ${plural(step.bytes.length, 'byte')} are ${plural(characterCount(step.json), 'character')} of text.` });
  if (step.value === undefined) return beats;
  const names = Object.keys(step.value);
  const members = names.length === 0 ? 'no members' : `${plural(names.length, 'member')}: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`;
  beats.push({ form: 'json', caption: `Read as JSON, the text is an object with ${members}.` });
  return beats;
}
