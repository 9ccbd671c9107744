/**
 * The base64url view's cells in words: what a screen reader hears for a byte or a character, and the line
 * under the grid. Kept apart from the drawing so the sentences can be checked without a browser.
 */
import type { Base64urlStep } from '../../lib/jwt';
import { bitString, count } from '../../lib/format';
import { bytesOfSextet, groupAt, groupCount, sextetsOfByte, standardChar, type Base64Position } from './base64-layout';
import { formatByte } from './byte-notation';

/** One item as the text around what its cell shows: `shows` (and `extra`) are visible, the rest is hidden visually. */
export interface CellWords {
  before: string;
  shows: string;
  /** The byte as a printable ASCII character, for bytes of header or payload text. */
  extra?: string;
  after: string;
}

export type Base64Text = Pick<Base64urlStep, 'part' | 'bytes' | 'text'>;

/** Bytes (3) or characters (4) per group, in a lane. */
export const perGroup = (lane: Base64Position['lane']) => (lane === 'byte' ? 3 : 4);

export const groupOf = (at: Base64Position) => Math.floor(at.index / perGroup(at.lane));

/** A byte as the character it is in ASCII ("␣" for a space), if it is a printable one. */
export const printableAscii = (b: number) => (b > 0x20 && b < 0x7f ? String.fromCharCode(b) : b === 0x20 ? '␣' : undefined);

const quote = (c: string) => `“${c}”`;

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function cellWords(step: Base64Text, at: Base64Position): CellWords {
  const index = groupOf(at);
  if (index < 0 || index >= groupCount(step.bytes.length)) return { before: '', shows: '', after: '' };
  const g = groupAt(step.bytes, index);
  if (at.lane === 'byte') {
    const k = at.index % 3;
    const b = g.bytes[k]!;
    const fed = sextetsOfByte(k, g.sextets.length).map((j) => index * 4 + j);
    return {
      before: `Byte ${count(at.index + 1)} of ${count(step.bytes.length)}: hex `,
      shows: formatByte(b, 'hex'),
      // A signature's bytes are not text: no character for them.
      extra: step.part === 'signature' ? undefined : printableAscii(b),
      after:
        `, bits ${bitString(b, 8)}; feeds ${fed.length === 1 ? 'character' : 'characters'} ` +
        list(fed.map((c) => `${count(c + 1)} (${quote(step.text[c]!)})`)),
    };
  }
  const j = at.index % 4;
  const v = g.sextets[j]!;
  const from = bytesOfSextet(j, g.bytes.length).map((k) => count(index * 3 + k + 1));
  const padding = j === g.sextets.length - 1 ? g.paddingBits : 0;
  return {
    before: `Character ${count(at.index + 1)} of ${count(step.text.length)}: `,
    shows: g.chars[j]!,
    after:
      `, value ${v} = ${bitString(v, 6)}, from ${from.length === 1 ? 'byte' : 'bytes'} ${list(from)}` +
      (padding ? `; its last ${padding} bits are zero padding` : '') +
      (v >= 62 ? `; standard base64 writes ${quote(standardChar(v))} here, base64url ${quote(g.chars[j]!)}` : ''),
  };
}

/** The whole sentence, for the line under the grid. */
export function describeCell(step: Base64Text, at: Base64Position): string {
  const { before, shows, extra, after } = cellWords(step, at);
  return `${before}${shows}${extra ? ` (${quote(extra)})` : ''}${after}`;
}
