/**
 * The signing input performed: the encoded header, a dot and the encoded payload come together, and the text
 * they make is the ASCII bytes the signature covers. Four beats whatever the payload's length: the scene shows
 * each part shortened to its ends, and a few of the bytes (the first, the dot's, the last).
 */
import { count, hexByte, hexPreview, plural } from '../../../lib/format';
import type { SigningInputStep } from '../../../lib/jwt';
import { DOT, piece, type PiecesBeat } from './pieces';

/** One byte of the signing input drawn in the last beat, with the character it is and the part it belongs to. */
export interface SigningInputCell {
  index: number;
  char: string;
  hex: string;
  part: 'header' | 'dot' | 'payload';
  /** Bytes were left out before this one. */
  gap: boolean;
}

export type SigningInputBeat = PiecesBeat & ({ kind: 'header' | 'dot' | 'payload' } | { kind: 'bytes'; cells: readonly SigningInputCell[] });
/** The bytes drawn in the last beat: the first few and the last few, beside the dot's. */
const FIRST = 4;
const LAST = 2;

export function signingInputPlan(step: SigningInputStep): readonly SigningInputBeat[] {
  const header = piece('header', 'header', step.header);
  const payload = piece('payload', 'payload', step.payload);
  const pieces = [header, DOT, payload];
  const dotAt = step.header.length;
  const total = step.bytes.length;
  return [
    { kind: 'header', pieces: [header], fresh: 0, caption: `The encoded header comes first: ${plural(step.header.length, 'character')}, ${header.text}.` },
    { kind: 'dot', pieces: [header, DOT], fresh: 1, caption: `Then a dot, ".", which is byte ${hexByte(step.bytes[dotAt] ?? 0)}: where the header ends.` },
    {
      kind: 'payload',
      pieces,
      fresh: 2,
      caption: step.payload === ''
        ? 'Then the encoded payload, which is empty: nothing follows the dot.'
        : `Then the encoded payload: ${plural(step.payload.length, 'character')}, ${payload.text}.`,
    },
    {
      kind: 'bytes',
      pieces,
      cells: cellsOf(step, dotAt),
      caption: `Together they are the ${count(total)}-character signing input: ${plural(total, 'ASCII byte')}, one per character ` +
        `(${hexPreview(step.bytes, FIRST)}), and exactly what the signature covers.`,
    },
  ];
}

function cellsOf(step: SigningInputStep, dotAt: number): SigningInputCell[] {
  const total = step.bytes.length;
  const wanted = [...Array.from({ length: FIRST }, (_, i) => i), dotAt, ...Array.from({ length: LAST }, (_, i) => total - LAST + i)];
  const indexes = [...new Set(wanted.filter((i) => i >= 0 && i < total))].sort((a, b) => a - b);
  return indexes.map((index, k) => {
    const byte = step.bytes[index]!;
    return {
      index,
      char: String.fromCharCode(byte),
      hex: hexByte(byte),
      part: index < dotAt ? 'header' : index === dotAt ? 'dot' : 'payload',
      gap: index > (k === 0 ? 0 : indexes[k - 1]! + 1),
    };
  });
}
