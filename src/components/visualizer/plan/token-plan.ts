/**
 * The token's two ends performed: the generator's last stage joins the parts with dots, and the verifier's
 * first splits a token at its dots. Each beat adds a piece to the scene (plan/pieces.ts), so a plan has a
 * handful of beats whatever the token's length. Dots are numbered by character, as tamper mode numbers them.
 */
import { plural } from '../../../lib/format';
import type { SplitStep, TokenStep } from '../../../lib/jwt';
import { codePointCount } from '../../../lib/text';
import { DOT, piece, type Piece, type PiecesBeat } from './pieces';

/** Segments split off one by one; a token with more says how many more in its last beat. */
const SHOWN_SEGMENTS = 5;
const PARTS = ['header', 'payload', 'signature'] as const;
const LIST = new Intl.ListFormat('en', { type: 'conjunction' });

export function tokenPlan(step: TokenStep): readonly PiecesBeat[] {
  const input = [piece('header', 'header', step.header), DOT, piece('payload', 'payload', step.payload)];
  const inputLength = codePointCount(step.header) + 1 + codePointCount(step.payload);
  return [
    { pieces: input, fresh: 0, caption: `The token starts with the signing input, header.payload: ${plural(inputLength, 'character')}.` },
    { pieces: [...input, DOT], fresh: 3, caption: 'A second dot follows it, where the signed part ends.' },
    {
      pieces: [...input, DOT, piece('signature', 'signature', step.signature)],
      fresh: 4,
      caption: `Then the signature in base64url, ${plural(codePointCount(step.signature), 'character')}: the token is complete, ${plural(codePointCount(step.token), 'character')}.`,
    },
  ];
}

export function splitPlan(step: SplitStep): readonly PiecesBeat[] {
  const dots = step.starts.slice(1).map((start) => codePointCount(step.token, 0, start - 1) + 1);
  const beats: PiecesBeat[] = [{
    pieces: [piece('token', 'the token', step.token)],
    caption: dots.length === 0
      ? 'The token is read for its dots: it has none.'
      : `The token is read for its dots: ${plural(dots.length, 'dot')}, at character${dots.length > 1 ? 's' : ''} ${LIST.format(dots.map(String))}.`,
  }];
  // Only a token of three segments has a header, a payload and a signature; any other is numbered segments.
  const named = step.segments.length === 3;
  const pieces: Piece[] = [];
  const shown = step.segments.slice(0, SHOWN_SEGMENTS);
  for (const [i, segment] of shown.entries()) {
    if (i > 0) pieces.push(DOT);
    const name = named ? PARTS[i]! : `segment ${i + 1}`;
    pieces.push(piece(named ? PARTS[i]! : 'segment', name, segment));
    const where = dots.length === 0 ? 'The whole token' : i === 0 ? 'Before the first dot' : i === dots.length ? 'After the last dot' : `After dot ${i}`;
    beats.push({ pieces: [...pieces], fresh: pieces.length - 1, caption: `${where}: the ${name}, ${plural(codePointCount(segment), 'character')}.` });
  }
  if (!named) {
    const more = step.segments.length - shown.length;
    beats.push({
      pieces,
      caption: `${plural(step.segments.length, 'segment')}${more > 0 ? ` (${more} more not drawn)` : ''}, where a signed token has exactly 3: it cannot be checked.`,
    });
  }
  return beats;
}
