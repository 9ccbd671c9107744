/**
 * The digest performed (RSA and ECDSA start from it): the hash takes in the signing input and gives the
 * digest. Two beats whatever the input's length.
 */
import { hexPreview, plural } from '../../../lib/format';
import type { DigestStep } from '../../../lib/jwt';
import type { Beat } from './beats';

export type DigestBeat = Beat & { kind: 'consume' | 'emit' };

export function digestPlan(step: DigestStep): readonly DigestBeat[] {
  const input = step.input.length === 0 ? '' : ` (${hexPreview(step.input)})`;
  return [
    { kind: 'consume', caption: `${step.hash} takes in the ${plural(step.input.length, 'byte')} of the signing input${input}…` },
    { kind: 'emit', caption: `…and gives the ${step.digest.length}-byte digest: ${hexPreview(step.digest)}.` },
  ];
}
