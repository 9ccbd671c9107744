/**
 * Pieces of a token as the scenes of the stages that join or split one draw them (the signing input, the
 * token, the split): each part shortened to its ends, with a label naming it and its length in characters
 * (code points, as tamper mode and the decoder count them: a pasted emoji is one).
 */
import { plural } from '../../../lib/format';
import { codePointCount } from '../../../lib/text';
import { shorten } from '../../ui/shorten';
import type { Beat } from './beats';

/** What a piece is: one of a token's three parts, a dot, another segment, or the whole token. */
export type PieceKind = 'header' | 'payload' | 'signature' | 'dot' | 'segment' | 'token';

export interface Piece {
  kind: PieceKind;
  text: string;
  label: string;
}

/** A beat that shows `pieces`; those from `fresh` on arrived in it (none did when it is undefined). */
export type PiecesBeat = Beat & { pieces: readonly Piece[]; fresh?: number };

/** Characters kept at each end of a long piece. */
const HEAD = 12;
const TAIL = 4;

export const DOT: Piece = { kind: 'dot', text: '.', label: 'dot' };

export function piece(kind: PieceKind, name: string, value: string): Piece {
  const text = value === '' ? '(empty)' : shorten(value, { head: HEAD, tail: TAIL }).text;
  return { kind, text, label: `${name}, ${plural(codePointCount(value), 'character')}` };
}
