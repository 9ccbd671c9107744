/**
 * Choosing the key from a JWK Set, performed: the verifier reads the header's kid and alg, then goes through the
 * set's keys. The first few are judged one beat each, with the core's reason for each key passed over; the rest
 * are judged in one sweep, so a set of fifty keys plays in as few beats as a set of four. The last beat is the
 * core's verdict in the core's words: nothing here judges a key again.
 */
import { count, plural } from '../../../lib/format';
import type { KeySelectStep, KeySetKeyView } from '../../../lib/jwt';
import type { Beat } from './beats';

export type KeySelectBeatKind = 'header' | 'key' | 'rest' | 'verdict';

export interface KeySelectBeat extends Beat {
  kind: KeySelectBeatKind;
  /** The keys [from, to) judged in this beat; the ones before are judged already. */
  from: number;
  to: number;
}

/** Keys judged one beat each before the rest are swept. */
export const KEY_DETAIL = 3;

/** "Key 2 (kid \"2025-01\")", "Key 3 (no kid)": a key of the set named as the view numbers it. */
export function keyLabel(key: KeySetKeyView): string {
  return `Key ${count(key.index + 1)} (${typeof key.kid === 'string' ? `kid ${JSON.stringify(key.kid)}` : key.kid === undefined ? 'no kid' : `kid ${JSON.stringify(key.kid) ?? String(key.kid)}`})`;
}

function judged(key: KeySetKeyView): string {
  if (key.candidate) return `${keyLabel(key)} fits: a candidate.`;
  return key.rejectedBy === 'unusable' ? `${keyLabel(key)} ${key.reason}.` : `${keyLabel(key)} ${key.reason}: not a candidate.`;
}

export function keySelectPlan(step: KeySelectStep): readonly KeySelectBeat[] {
  const n = step.keys.length;
  const asks = typeof step.kid === 'string'
    ? `The header names kid ${JSON.stringify(step.kid)} and asks for ${step.alg}: the verifier looks in the set for that key.`
    : step.kid === undefined
      ? `The header has no kid and asks for ${step.alg}: the verifier looks in the set for the keys that fit ${step.alg}.`
      : `The header's kid is ${JSON.stringify(step.kid) ?? String(step.kid)}, not a string; it asks for ${step.alg}.`;
  const beats: KeySelectBeat[] = [{ kind: 'header', from: 0, to: 0, caption: `${asks} The set has ${plural(n, 'key')}.` }];
  const detailed = Math.min(KEY_DETAIL, n);
  for (let i = 0; i < detailed; i++) beats.push({ kind: 'key', from: i, to: i + 1, caption: judged(step.keys[i]!) });
  if (n > detailed) {
    const rest = step.keys.slice(detailed);
    const fit = rest.filter((k) => k.candidate).length;
    const one = rest.length === 1;
    const which = one ? `Key ${count(n)} is` : `Keys ${count(detailed + 1)}–${count(n)} are`;
    const outcome = fit === 0 ? (one ? 'it does not fit' : 'none of them fits')
      : fit === rest.length ? (one ? 'it fits' : `all ${count(fit)} fit`)
      : `${count(fit)} ${fit === 1 ? 'fits' : 'fit'}, ${count(rest.length - fit)} ${rest.length - fit === 1 ? 'does' : 'do'} not`;
    beats.push({ kind: 'rest', from: detailed, to: n, length: 1.5, caption: `${which} judged the same way: ${outcome}.` });
  }
  beats.push({ kind: 'verdict', from: n, to: n, caption: step.message });
  return beats;
}
