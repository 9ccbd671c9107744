/**
 * The UTF-8 stage performing: the text's first characters are encoded one at a time, then the first character
 * of each byte length not seen yet (the first 2-, 3- and 4-byte ones), then every other character in one
 * sweep, then the final state. An ASCII character takes one beat (its 7 bits into 0xxxxxxx); a longer one
 * two: its code point's bits and the pattern they go into, then the bits filling the pattern. So a plan has
 * at most 13 beats, however long the text (three characters of two beats, then one of each other length, a
 * sweep and the final state). Every value comes from the step: the bits each byte
 * carries are read from the step's bytes, past the marker bits utf8MarkerBits names.
 */
import { bitString, codePointLabel, count, hexByte, plural } from '../../../lib/format';
import type { Utf8Step } from '../../../lib/jwt';
import { glyphOf, splitCodePoints, utf8MarkerBits, type CodePointLayout, type Glyph } from '../utf8-layout';
import type { Beat } from './beats';
import type { UnitFocus } from './units';

/** How many characters from the start are encoded one at a time. */
const FIRST = 3;

/** A character shown encoding itself. */
export interface Utf8Char {
  /** Its index among the text's characters, and where its bytes start among the step's bytes. */
  index: number;
  from: number;
  glyph: Glyph;
  /** The code point written: the character's own, or U+FFFD for a lone surrogate (then `replaced`). */
  codePoint: number;
  replaced?: number;
  bytes: number[];
  /** Per byte, its marker bits ("0"; "110", "1110" or "11110"; "10") and the code point bits it carries. */
  markers: string[];
  carried: string[];
}

export type Utf8Beat = Beat & { focus?: UnitFocus } & (
  | { kind: 'empty' }
  /** `bits`: the code point's bits and the pattern they go into; `fill`: the bits in the pattern, the bytes. */
  | { kind: 'char'; phase: 'bits' | 'fill'; char: Utf8Char }
  /** The characters not shown one at a time; `byLength[n]` of them take n bytes. */
  | { kind: 'rest'; others: number; byLength: readonly number[] }
  /** The final state; `char` is the last character shown, complete. */
  | { kind: 'final'; char: Utf8Char; characters: number; bytes: number }
);

const lengthOf = (layout: CodePointLayout, i: number) => layout.byteStart[i + 1]! - layout.byteStart[i]!;

/** The characters encoded one at a time: the first few, then the first of each byte length not seen yet. */
function featured(layout: CodePointLayout): number[] {
  const chosen = Array.from({ length: Math.min(FIRST, layout.count) }, (_, i) => i);
  const seen = new Set(chosen.map((i) => lengthOf(layout, i)));
  for (let i = chosen.length; i < layout.count && seen.size < 4; i++) {
    if (!seen.has(lengthOf(layout, i))) {
      seen.add(lengthOf(layout, i));
      chosen.push(i);
    }
  }
  return chosen;
}

function charAt(step: Utf8Step, layout: CodePointLayout, index: number): Utf8Char {
  const from = layout.byteStart[index]!;
  const bytes = Array.from(step.bytes.subarray(from, layout.byteStart[index + 1]!));
  const markerBits = utf8MarkerBits(bytes.length as 1 | 2 | 3 | 4);
  const binary = bytes.map((b) => bitString(b, 8));
  const carried = binary.map((bits, k) => bits.slice(markerBits[k]));
  const codePoint = parseInt(carried.join(''), 2);
  const own = layout.codePoints[index]!;
  return {
    index,
    from,
    glyph: glyphOf(own),
    codePoint,
    ...(own !== codePoint && { replaced: own }),
    bytes,
    markers: binary.map((bits, k) => bits.slice(0, markerBits[k])),
    carried,
  };
}

/** "0xxxxxxx" or "110xxxxx 10xxxxxx": the bytes' marker bits with an x for each bit of the code point. */
export function pattern(char: Utf8Char): string {
  return char.markers.map((marker, k) => marker + 'x'.repeat(char.carried[k]!.length)).join(' ');
}

const hexOf = (bytes: number[]) => bytes.map((b) => hexByte(b)).join(' ');
const binaryOf = (bytes: number[]) => bytes.map((b) => bitString(b, 8)).join(' ');

/** "Character 3, “é”," or "Character 4, “␣” (a space),". */
function named(char: Utf8Char): string {
  return `Character ${count(char.index + 1)}, “${char.glyph.text}”${char.glyph.note ? ` (${char.glyph.note})` : ''},`;
}

/** The code point bits `length` bytes hold: 7 for one byte, 11 for two, 16 for three, 21 for four. */
function room(length: 1 | 2 | 3 | 4): number {
  return 8 * length - utf8MarkerBits(length).reduce((sum, marker) => sum + marker, 0);
}

function bitsCaption(char: Utf8Char): string {
  const length = char.bytes.length as 2 | 3 | 4;
  const fewer = (length - 1) as 1 | 2 | 3;
  const significant = Math.max(1, 32 - Math.clz32(char.codePoint));
  const value = `${codePointLabel(char.codePoint)} = ${count(char.codePoint)}, ${plural(significant, 'bit')} (${bitString(char.codePoint, significant)})`;
  const what = char.replaced === undefined ? `${named(char)} is ${value}` : `${named(char)} ${codePointLabel(char.replaced)}: ${value} is written`;
  return `${what}: more than the ${room(fewer)} bits ${fewer === 1 ? 'one byte holds' : `${fewer} bytes hold`}, so UTF-8 writes it in ${plural(length, 'byte')}, ${pattern(char)}, with room for ${room(length)} bits.`;
}

function fillCaption(char: Utf8Char): string {
  const bits = char.carried.join('');
  const result = `${binaryOf(char.bytes)}, hex ${hexOf(char.bytes)}`;
  if (char.bytes.length === 1) {
    return `${named(char)} ${codePointLabel(char.codePoint)} = ${count(char.codePoint)}, fits in 7 bits: one byte, ${pattern(char)}, the bits as they are: ${result}.`;
  }
  return `Its ${bits.length} bits, ${char.carried.join(' ')}, fill the x's: ${result}.`;
}

export function utf8Plan(step: Utf8Step): readonly Utf8Beat[] {
  const layout = splitCodePoints(step.text);
  if (layout.count === 0) return [{ kind: 'empty', caption: 'There is no text, so there are no bytes.' }];

  const chosen = featured(layout);
  const beats: Utf8Beat[] = [];
  for (const index of chosen) {
    const char = charAt(step, layout, index);
    const focus: UnitFocus = { kind: 'one', unit: index };
    if (char.bytes.length > 1) beats.push({ kind: 'char', phase: 'bits', char, focus, caption: bitsCaption(char) });
    beats.push({ kind: 'char', phase: 'fill', char, focus, caption: fillCaption(char) });
  }

  const others = layout.count - chosen.length;
  if (others > 0) {
    const byLength = [0, 0, 0, 0, 0];
    for (let i = 0; i < layout.count; i++) byLength[lengthOf(layout, i)]!++;
    for (const i of chosen) byLength[lengthOf(layout, i)]!--;
    const split = byLength.flatMap((n, length) => (n > 0 ? [`${count(n)} ${n === 1 ? 'takes' : 'take'} ${plural(length, 'byte')}`] : []));
    beats.push({
      kind: 'rest',
      others,
      byLength,
      focus: { kind: 'rest', featured: chosen },
      caption: `${others === 1 ? 'The one other character' : `The other ${plural(others, 'character')}`}, the same way: ${split.join(', ')}.`,
      length: 1.5,
    });
  }

  beats.push({
    kind: 'final',
    char: charAt(step, layout, chosen.at(-1)!),
    characters: layout.count,
    bytes: step.bytes.length,
    caption: `Every character is encoded: ${plural(layout.count, 'character')} → ${plural(step.bytes.length, 'byte')}.`,
  });
  return beats;
}
