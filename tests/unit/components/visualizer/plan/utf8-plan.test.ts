/** The UTF-8 stage's animation plan, checked against Node's own UTF-8 (Buffer) and code points. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitState } from '../../../../../src/components/visualizer/plan/units';
import { utf8Plan, type Utf8Beat } from '../../../../../src/components/visualizer/plan/utf8-plan';
import type { Utf8Step } from '../../../../../src/lib/jwt';
import { traceOf } from '../traces';

const stepOf = (text: string): Utf8Step => ({ stage: 'utf8', part: 'payload', text, bytes: new Uint8Array(Buffer.from(text, 'utf8')) });
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex').replace(/(..)(?!$)/g, '$1 ');
const binary = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => b.toString(2).padStart(8, '0')).join(' ');
/** Code point bits each UTF-8 length holds (RFC 3629 §3). */
const ROOM = { 1: 7, 2: 11, 3: 16, 4: 21 } as Record<number, number>;
/** What each beat is, in a line: its kind, phase and character. */
const outline = (plan: readonly Utf8Beat[]) =>
  plan.map((b) => (b.kind === 'char' ? `${b.phase} ${String.fromCodePoint(b.char.codePoint)}` : b.kind));
type CharBeat = Extract<Utf8Beat, { kind: 'char' }>;
const charBeats = (plan: readonly Utf8Beat[]) => plan.filter((b): b is CharBeat => b.kind === 'char');

describe('the UTF-8 plan', () => {
  it('encodes the first three characters of an ASCII text one at a time, the rest in one sweep, then the final state', async () => {
    const { utf8: [header] } = await traceOf('{"sub":"ada"}');
    const plan = utf8Plan(header!);
    expect(outline(plan)).toEqual(['fill {', 'fill "', 'fill a', 'rest', 'final']);
    for (const [i, beat] of charBeats(plan).entries()) {
      const char = header!.text[i]!;
      expect(beat.char).toMatchObject({ index: i, from: i, codePoint: char.codePointAt(0), bytes: [...Buffer.from(char)] });
      // One byte: the marker 0, then the character's 7 bits as they are.
      expect(beat.char.markers).toEqual(['0']);
      expect(beat.char.carried).toEqual([char.codePointAt(0)!.toString(2).padStart(7, '0')]);
      expect(beat.caption).toContain(`0xxxxxxx, the bits as they are: ${binary(char)}, hex ${hex(char)}`);
      expect(beat.focus).toEqual({ kind: 'one', unit: i });
    }
    const chars = [...header!.text].length;
    expect(plan[3]).toMatchObject({ kind: 'rest', others: chars - 3, byLength: [0, chars - 3, 0, 0, 0] });
    expect(plan[3]!.caption).toBe(`The other ${chars - 3} characters, the same way: ${chars - 3} take 1 byte.`);
    expect(plan[4]).toMatchObject({ kind: 'final', characters: chars, bytes: Buffer.byteLength(header!.text) });
    expect(plan[4]!.caption).toBe(`Every character is encoded: ${chars} characters → ${Buffer.byteLength(header!.text)} bytes.`);
    expect(plan[4]!.focus).toBeUndefined();
  });

  it('opens a multi-byte character in two beats, and brings in the first 3- and 4-byte characters that come later', () => {
    const text = 'Zoë 日本 🎉!';
    const plan = utf8Plan(stepOf(text));
    expect(outline(plan)).toEqual([
      'fill Z', 'fill o', 'bits ë', 'fill ë', 'bits 日', 'fill 日', 'bits 🎉', 'fill 🎉', 'rest', 'final',
    ]);
    const chars = [...text];
    for (const beat of charBeats(plan)) {
      const char = chars[beat.char.index]!;
      const cp = char.codePointAt(0)!;
      const bytes = [...Buffer.from(char)];
      expect(beat.char.codePoint).toBe(cp);
      expect(beat.char.bytes).toEqual(bytes);
      expect(beat.char.from).toBe(Buffer.byteLength(chars.slice(0, beat.char.index).join('')));
      // The bits each byte carries are the code point's, padded to what the bytes hold, split after the markers.
      expect(beat.char.carried.join('')).toBe(cp.toString(2).padStart(ROOM[bytes.length]!, '0'));
      expect(beat.char.markers.map((m, k) => m + beat.char.carried[k])).toEqual(bytes.map((b) => b.toString(2).padStart(8, '0')));
      expect(beat.char.markers).toEqual(bytes.length === 1 ? ['0'] : [`${'1'.repeat(bytes.length)}0`, ...Array(bytes.length - 1).fill('10')]);
    }
    const [bits, fill] = charBeats(plan).filter((b) => b.char.codePoint === 0x1f389);
    expect(bits!.caption).toBe(
      'Character 8, “🎉”, is U+1F389 = 127,881, 17 bits (11111001110001001): more than the 16 bits 3 bytes hold, so UTF-8 writes it in 4 bytes, 11110xxx 10xxxxxx 10xxxxxx 10xxxxxx, with room for 21 bits.',
    );
    expect(fill!.caption).toBe(`Its 21 bits, 000 011111 001110 001001, fill the x's: ${binary('🎉')}, hex ${hex('🎉')}.`);
    expect(charBeats(plan).find((b) => b.char.codePoint === 0xeb && b.phase === 'bits')!.caption).toContain(
      'is U+00EB = 235, 8 bits (11101011): more than the 7 bits one byte holds, so UTF-8 writes it in 2 bytes, 110xxxxx 10xxxxxx, with room for 11 bits.',
    );
    // The others: the two spaces, "!" and 本.
    expect(plan[8]).toMatchObject({ kind: 'rest', others: 4, byLength: [0, 3, 0, 1, 0] });
    expect(plan[8]!.caption).toBe('The other 4 characters, the same way: 3 take 1 byte, 1 takes 3 bytes.');
    expect(plan[9]).toMatchObject({ kind: 'final', characters: chars.length, bytes: Buffer.byteLength(text) });
    // The final state shows the last character performed, complete.
    expect(plan[9]!.kind === 'final' && plan[9]!.char.codePoint).toBe(0x1f389);
  });

  it('lights the character performing, the ones before done, the ones after not yet; a sweep lights the others', () => {
    const plan = utf8Plan(stepOf('ab日cd'));
    const states = (beat: Utf8Beat) => [0, 1, 2, 3, 4].map((i) => unitState(beat.focus, i));
    expect(outline(plan)).toEqual(['fill a', 'fill b', 'bits 日', 'fill 日', 'rest', 'final']);
    expect(states(plan[1]!)).toEqual(['done', 'lit', 'pending', 'pending', 'pending']);
    expect(states(plan[3]!)).toEqual(['done', 'done', 'lit', 'pending', 'pending']);
    expect(states(plan[4]!)).toEqual(['done', 'done', 'done', 'lit', 'lit']);
    expect(states(plan[5]!)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('has no sweep when every character was shown, and one beat for one ASCII character', () => {
    expect(outline(utf8Plan(stepOf('é')))).toEqual(['bits é', 'fill é', 'final']);
    expect(outline(utf8Plan(stepOf('{}')))).toEqual(['fill {', 'fill }', 'final']);
    expect(utf8Plan(stepOf('é 🎉')).find((b) => b.kind === 'rest')).toBeUndefined();
  });

  it('shows a lone surrogate written as U+FFFD, as TextEncoder writes it', () => {
    const text = 'ab\ud800';
    const step: Utf8Step = { stage: 'utf8', part: 'payload', text, bytes: new TextEncoder().encode(text) };
    const plan = utf8Plan(step);
    const lone = charBeats(plan).filter((b) => b.char.index === 2);
    expect(lone.map((b) => b.phase)).toEqual(['bits', 'fill']);
    expect(lone[0]!.char).toMatchObject({ codePoint: 0xfffd, replaced: 0xd800, bytes: [...Buffer.from('\ufffd')] });
    expect(lone[0]!.caption).toContain('U+D800: U+FFFD = 65,533, 16 bits (1111111111111101) is written: more than the 11 bits 2 bytes hold');
    expect(lone[1]!.caption).toContain(`hex ${hex('\ufffd')}`);
  });

  it('says so in a single beat when there is no text', () => {
    expect(utf8Plan(stepOf(''))).toEqual([{ kind: 'empty', caption: 'There is no text, so there are no bytes.' }]);
  });

  it('stays small for a 64 KB text, and its sweep counts every other character and byte', () => {
    const text = `{"a":"${'x'.repeat(43_000)}${'ü'.repeat(5_000)}${'€'.repeat(3_000)}${'🎉'.repeat(500)}"}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(64_000);
    const plan = utf8Plan(stepOf(text));
    expect(outline(plan)).toEqual(['fill {', 'fill "', 'fill a', 'bits ü', 'fill ü', 'bits €', 'fill €', 'bits 🎉', 'fill 🎉', 'rest', 'final']);
    expect(charBeats(plan).map((b) => b.char.index)).toEqual([0, 1, 2, 43_006, 43_006, 48_006, 48_006, 51_006, 51_006]);
    const rest = plan.find((b) => b.kind === 'rest')!;
    const chars = [...text];
    expect(rest).toMatchObject({ others: chars.length - 6, byLength: [0, 43_008 - 3, 4_999, 2_999, 499] });
    const featuredBytes = [...'{"aü€🎉'].reduce((sum, c) => sum + Buffer.byteLength(c), 0);
    expect(rest.kind === 'rest' && rest.byLength.reduce((sum, n, length) => sum + n * length, 0)).toBe(Buffer.byteLength(text) - featuredBytes);
    expect(rest.caption).toBe('The other 51,502 characters, the same way: 43,005 take 1 byte, 4,999 take 2 bytes, 2,999 take 3 bytes, 499 take 4 bytes.');
  });

  it('for any text, plays each chosen character in order with its own bytes, a bounded number of beats, the final state last', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        const chars = [...text];
        const plan = utf8Plan(stepOf(text));
        if (chars.length === 0) {
          expect(plan.map((b) => b.kind)).toEqual(['empty']);
          return;
        }
                // At most: three 2-beat characters, then the first of each other length (1, 2 and 2 beats), a sweep, the final.
        expect(plan.length).toBeLessThanOrEqual(13);
        expect(plan.at(-1)!.kind).toBe('final');
        const indexes = charBeats(plan).map((b) => b.char.index);
        expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
        for (const beat of charBeats(plan)) {
          const char = chars[beat.char.index]!;
          expect(beat.char.bytes).toEqual([...Buffer.from(char, 'utf8')]);
          expect(String.fromCodePoint(beat.char.codePoint)).toBe(Buffer.from(char, 'utf8').toString('utf8'));
        }
        const shown = new Set(indexes).size;
        const rest = plan.find((b) => b.kind === 'rest');
        expect(rest?.kind === 'rest' ? rest.others : 0).toBe(chars.length - shown);
      }),
      { numRuns: 300 },
    );
  });
});
