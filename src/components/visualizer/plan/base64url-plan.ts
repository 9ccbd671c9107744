/**
 * The base64url stage performing, on a few chosen groups of three bytes: the first group in detail (its bytes
 * slide together into 24 bits, the bits regroup into four 6-bit values, each value is looked up in the
 * alphabet), then the first group that makes a "-" or "_" (where standard base64's "+" or "/" is replaced)
 * and the last group when it is short (its zero padding bits, and the "=" standard base64 would add, dropped),
 * then every other group in one sweep, then the final state. So a plan has at most 3 + 2 × 2 + 2 beats,
 * however many bytes. The groups are the core's (groupAt); the first "-" or "_" is found in the step's text.
 */
import { bitString, count, hexByte, plural } from '../../../lib/format';
import type { Base64Group, Base64urlStep } from '../../../lib/jwt';
import { groupAt, groupCount, standardChar } from '../base64-layout';
import { printableAscii } from '../base64-words';
import type { Beat } from './beats';
import type { UnitFocus } from './units';

/** A group shown encoding itself: its index among the step's groups, and why it was chosen. */
export interface Base64Unit {
  index: number;
  group: Base64Group;
  why: 'first' | 'url' | 'last';
}

export type Base64Beat = Beat & { focus?: UnitFocus } & (
  | { kind: 'empty' }
  /** `bits`: bytes into bits; `values`: bits into 6-bit values (zero bits added); `letters`: values into characters. */
  | { kind: 'group'; phase: 'bits' | 'values' | 'letters'; unit: Base64Unit }
  /** The groups not shown one at a time. */
  | { kind: 'rest'; others: number }
  /** The final state; `unit` is the last group shown, complete. */
  | { kind: 'final'; unit: Base64Unit }
);

const COUNT_WORDS = ['', 'one', 'two', 'three', 'four'];

/** The groups performed one at a time, in order. */
function featured(step: Base64urlStep): Base64Unit[] {
  const groups = groupCount(step.bytes.length);
  const dash = step.text.search(/[-_]/);
  const chosen = new Map<number, Base64Unit['why']>([[0, 'first']]);
  if (dash !== -1 && !chosen.has(Math.floor(dash / 4))) chosen.set(Math.floor(dash / 4), 'url');
  if (step.bytes.length % 3 !== 0 && !chosen.has(groups - 1)) chosen.set(groups - 1, 'last');
  return [...chosen].sort(([a], [b]) => a - b).map(([index, why]) => ({ index, group: groupAt(step.bytes, index), why }));
}

const binaryOf = (values: readonly number[], width: number) => values.map((v) => bitString(v, width)).join(' ');

/** "Group 1", "Group 41, the first to make a “-”", "The last group, group 9". */
function named(unit: Base64Unit): string {
  const number = count(unit.index + 1);
  if (unit.why === 'url') return `Group ${number}, the first to make a “${unit.group.chars.match(/[-_]/)![0]}”`;
  if (unit.why === 'last') return `The last group, group ${number}`;
  return `Group ${number}`;
}

/** "2 bytes, 7b 22 (“{"”)": the bytes in hex, and as ASCII text for a header or payload's printable bytes. */
function bytesOf(step: Base64urlStep, group: Base64Group): string {
  const ascii = group.bytes.map(printableAscii);
  const text = step.part !== 'signature' && ascii.every((c) => c !== undefined) ? ` (“${ascii.join('')}”)` : '';
  return `${plural(group.bytes.length, 'byte')}, ${group.bytes.map((b) => hexByte(b)).join(' ')}${text}`;
}

function bitsCaption(step: Base64urlStep, unit: Base64Unit): string {
  const { bytes } = unit.group;
  return `${named(unit)}: ${bytesOf(step, unit.group)}, slide together into ${bytes.length * 8} bits: ${binaryOf(bytes, 8)}.`;
}

function valuesCaption(step: Base64urlStep, unit: Base64Unit, afterBits: boolean): string {
  const { bytes, sextets, paddingBits } = unit.group;
  const head = afterBits
    ? `The ${bytes.length * 8} bits regroup`
    : `${named(unit)}: ${bytesOf(step, unit.group)}. Their ${bytes.length * 8} bits, ${binaryOf(bytes, 8)}, regroup`;
  const padding = paddingBits > 0 ? `; ${COUNT_WORDS[paddingBits]} zero bits fill the last one` : '';
  return `${head} into ${COUNT_WORDS[sextets.length]} 6-bit values${padding}: ${binaryOf(sextets, 6)} = ${sextets.join(', ')}.`;
}

function lettersCaption(unit: Base64Unit): string {
  const { sextets, chars, droppedPadding } = unit.group;
  const lookups = sextets.map((v, j) => `${v} → ${chars[j]}`).join(', ');
  const notes = sextets.filter((v, j) => v >= 62 && sextets.indexOf(v) === j)
    .map((v) => ` Standard base64 writes ${v} as “${standardChar(v)}”, which means something in a URL; base64url writes “${chars[sextets.indexOf(v)]}”.`);
  if (droppedPadding > 0) {
    notes.push(` Standard base64 would add “${'='.repeat(droppedPadding)}” to make four characters; base64url drops it.`);
  }
  return `Each value is looked up in the alphabet: ${lookups}, so the group is written “${chars}”.${notes.join('')}`;
}

export function base64urlPlan(step: Base64urlStep): readonly Base64Beat[] {
  if (step.bytes.length === 0) return [{ kind: 'empty', caption: 'There are no bytes, so there is nothing to encode.' }];

  const units = featured(step);
  const beats: Base64Beat[] = [];
  for (const unit of units) {
    const focus: UnitFocus = { kind: 'one', unit: unit.index };
    const detailed = unit.index === 0;
    if (detailed) beats.push({ kind: 'group', phase: 'bits', unit, focus, caption: bitsCaption(step, unit) });
    beats.push({ kind: 'group', phase: 'values', unit, focus, caption: valuesCaption(step, unit, detailed) });
    beats.push({ kind: 'group', phase: 'letters', unit, focus, caption: lettersCaption(unit), length: 1.5 });
  }

  const others = groupCount(step.bytes.length) - units.length;
  if (others > 0) {
    beats.push({
      kind: 'rest',
      others,
      focus: { kind: 'rest', featured: units.map((u) => u.index) },
      caption: `${others === 1 ? 'The one other group' : `The other ${plural(others, 'group')}`} of three bytes, the same way: ${plural(others * 4, 'more character', 'more characters')}.`,
      length: 1.5,
    });
  }

  beats.push({
    kind: 'final',
    unit: units.at(-1)!,
    caption: `Every byte is encoded: ${plural(step.bytes.length, 'byte')} → ${plural(step.text.length, 'base64url character')}.`,
  });
  return beats;
}
