/** The base64url stage's animation plan, checked against Node's base64 and base64url (Buffer). */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64urlPlan, type Base64Beat } from '../../../../../src/components/visualizer/plan/base64url-plan';
import { unitState } from '../../../../../src/components/visualizer/plan/units';
import type { Base64urlStep } from '../../../../../src/lib/jwt';
import { traceOf } from '../traces';

const stepOf = (bytes: Uint8Array, part: Base64urlStep['part'] = 'payload'): Base64urlStep =>
  ({ stage: 'base64url', part, bytes, text: Buffer.from(bytes).toString('base64url') });
const textStep = (text: string) => stepOf(new Uint8Array(Buffer.from(text, 'utf8')));
type GroupBeat = Extract<Base64Beat, { kind: 'group' }>;
const groupBeats = (plan: readonly Base64Beat[]) => plan.filter((b): b is GroupBeat => b.kind === 'group');
/** Each beat in a line: its kind, and for a group its phase and index. */
const outline = (plan: readonly Base64Beat[]) => plan.map((b) => (b.kind === 'group' ? `${b.phase} ${b.unit.index}` : b.kind));
const bits = (bytes: Buffer) => [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');

/** Group i of `bytes` as Node encodes it: its bytes, its standard base64 (with "="), its base64url, its 6-bit values. */
function nodeGroup(bytes: Buffer, i: number) {
  const chunk = bytes.subarray(3 * i, 3 * i + 3);
  const url = chunk.toString('base64url');
  const padded = bits(chunk).padEnd(6 * url.length, '0');
  return {
    bytes: [...chunk],
    standard: chunk.toString('base64'),
    url,
    values: Array.from({ length: url.length }, (_, j) => parseInt(padded.slice(6 * j, 6 * j + 6), 2)),
    sextetBits: Array.from({ length: url.length }, (_, j) => padded.slice(6 * j, 6 * j + 6)).join(' '),
  };
}

/** Every group beat shows the group Node makes at its place. */
function expectNodeGroups(step: Base64urlStep, plan: readonly Base64Beat[]) {
  const bytes = Buffer.from(step.bytes);
  for (const beat of groupBeats(plan)) {
    const node = nodeGroup(bytes, beat.unit.index);
    expect(beat.unit.group.bytes).toEqual(node.bytes);
    expect(beat.unit.group.sextets).toEqual(node.values);
    expect(beat.unit.group.chars).toBe(node.url);
    expect(step.text.slice(4 * beat.unit.index, 4 * beat.unit.index + node.url.length)).toBe(node.url);
    expect(beat.focus).toEqual({ kind: 'one', unit: beat.unit.index });
  }
}

describe('the base64url plan', () => {
  it('performs the first group in detail (bytes → bits → values → letters), the rest in a sweep, then the final state', async () => {
    const { base64: [header] } = await traceOf('{"sub":"ada"}');
    const plan = base64urlPlan(header!);
    const bytes = Buffer.from(header!.bytes);
    expect(bytes.length % 3).toBe(0);
    expect(header!.text).not.toMatch(/[-_]/);
    expect(outline(plan)).toEqual(['bits 0', 'values 0', 'letters 0', 'rest', 'final']);
    expectNodeGroups(header!, plan);
    const first = nodeGroup(bytes, 0);
    const hex = first.bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');
    expect(plan[0]!.caption).toBe(
      `Group 1: 3 bytes, ${hex} (“${bytes.subarray(0, 3).toString('latin1')}”), slide together into 24 bits: ${bits(bytes.subarray(0, 3)).replace(/(.{8})(?!$)/g, '$1 ')}.`,
    );
    expect(plan[1]!.caption).toBe(`The 24 bits regroup into four 6-bit values: ${first.sextetBits} = ${first.values.join(', ')}.`);
    expect(plan[2]!.caption).toBe(
      `Each value is looked up in the alphabet: ${first.values.map((v, j) => `${v} → ${first.url[j]}`).join(', ')}, so the group is written “${first.url}”.`,
    );
    const groups = bytes.length / 3;
    expect(plan[3]).toMatchObject({ kind: 'rest', others: groups - 1, focus: { kind: 'rest', featured: [0] } });
    expect(plan[3]!.caption).toBe(`The other ${groups - 1} groups of three bytes, the same way: ${(groups - 1) * 4} more characters.`);
    expect(plan[4]).toMatchObject({ kind: 'final', caption: `Every byte is encoded: ${bytes.length} bytes → ${header!.text.length} base64url characters.` });
  });

  it('shows the first group that makes a "-" or "_" turning standard base64\'s "+" or "/"', () => {
    const text = '{"name":"Zoë 🎉","ok":"~?~!!"}';
    expect(Buffer.byteLength(text) % 3).toBe(0); // no short last group
    const step = textStep(text);
    const at = step.text.search(/[-_]/);
    expect(at).toBeGreaterThan(3); // not in the first group
    const plan = base64urlPlan(step);
    const dash = Math.floor(at / 4);
    expect(outline(plan)).toEqual(['bits 0', 'values 0', 'letters 0', `values ${dash}`, `letters ${dash}`, 'rest', 'final']);
    expectNodeGroups(step, plan);
    const node = nodeGroup(Buffer.from(step.bytes), dash);
    const [values, letters] = groupBeats(plan).filter((b) => b.unit.index === dash);
    expect(values!.unit.why).toBe('url');
    expect(values!.caption).toContain(`Group ${dash + 1}, the first to make a “${step.text[at]}”: 3 bytes`);
    expect(values!.caption).toContain(`regroup into four 6-bit values: ${node.sextetBits} = ${node.values.join(', ')}.`);
    // Where base64url writes "-" or "_", Node's standard base64 writes "+" or "/".
    const j = at % 4;
    expect(node.standard[j]).toBe(step.text[at] === '-' ? '+' : '/');
    expect(letters!.caption).toContain(
      `Standard base64 writes ${node.values[j]} as “${node.standard[j]}”, which means something in a URL; base64url writes “${step.text[at]}”.`,
    );
  });

  it('shows a last group of one byte with four zero bits and the "==" dropped, of two bytes with two and "="', () => {
    for (const [text, zeros, equals, valueCount] of [['{"a":1}', 'four', '==', 'two'], ['{"a":12}', 'two', '=', 'three']] as const) {
      const step = textStep(text);
      const bytes = Buffer.from(step.bytes);
      const last = Math.floor(bytes.length / 3);
      const node = nodeGroup(bytes, last);
      expect(node.standard.endsWith(equals) && !node.standard.endsWith(`${equals}=`)).toBe(true);
      const plan = base64urlPlan(step);
      expect(outline(plan)).toEqual(['bits 0', 'values 0', 'letters 0', `values ${last}`, `letters ${last}`, 'rest', 'final']);
      expectNodeGroups(step, plan);
      const [values, letters] = groupBeats(plan).filter((b) => b.unit.index === last);
      expect(values!.unit.why).toBe('last');
      expect(values!.unit.group).toMatchObject({ paddingBits: zeros === 'four' ? 4 : 2, droppedPadding: equals.length });
      expect(values!.caption).toContain(`The last group, group ${last + 1}: `);
      expect(values!.caption).toContain(`into ${valueCount} 6-bit values; ${zeros} zero bits fill the last one: ${node.sextetBits} = ${node.values.join(', ')}.`);
      expect(letters!.caption).toContain(`so the group is written “${node.url}”. Standard base64 would add “${equals}” to make four characters; base64url drops it.`);
    }
  });

  it('performs a short input in one group, with no sweep', () => {
    const step = textStep('{}');
    const plan = base64urlPlan(step);
    expect(outline(plan)).toEqual(['bits 0', 'values 0', 'letters 0', 'final']);
    expectNodeGroups(step, plan);
    expect(plan[0]!.caption).toBe('Group 1: 2 bytes, 7b 7d (“{}”), slide together into 16 bits: 01111011 01111101.');
    expect(plan[3]!.caption).toBe(`Every byte is encoded: 2 bytes → ${Buffer.from('{}').toString('base64url').length} base64url characters.`);
  });

  it('names no ASCII text for a signature\'s bytes', () => {
    const plan = base64urlPlan(stepOf(Uint8Array.of(0x41, 0x42, 0x43, 0x44), 'signature'));
    expect(plan[0]!.caption).toBe('Group 1: 3 bytes, 41 42 43, slide together into 24 bits: 01000001 01000010 01000011.');
    expect(base64urlPlan(stepOf(Uint8Array.of(0x41, 0x42, 0x43)))[0]!.caption).toContain('41 42 43 (“ABC”)');
  });

  it('lights the group performing, the ones before done, the ones after not yet; a sweep lights the others', () => {
    const plan = base64urlPlan(textStep('{"a":"bcdefg"}'));
    expect(outline(plan)).toEqual(['bits 0', 'values 0', 'letters 0', 'values 4', 'letters 4', 'rest', 'final']);
    const states = (beat: Base64Beat) => [0, 1, 2, 3, 4].map((i) => unitState(beat.focus, i));
    expect(states(plan[0]!)).toEqual(['lit', 'pending', 'pending', 'pending', 'pending']);
    expect(states(plan[3]!)).toEqual(['done', 'done', 'done', 'done', 'lit']);
    expect(states(plan[5]!)).toEqual(['done', 'lit', 'lit', 'lit', 'done']);
    expect(states(plan[6]!)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('says so in a single beat when there are no bytes', () => {
    expect(base64urlPlan(stepOf(new Uint8Array(0)))).toEqual([{ kind: 'empty', caption: 'There are no bytes, so there is nothing to encode.' }]);
  });

  it('stays small for 64 KB, its sweep counting every other group and character', () => {
    const bytes = new Uint8Array(randomBytes(65_537));
    const step = stepOf(bytes);
    const plan = base64urlPlan(step);
    expect(plan.length).toBeLessThanOrEqual(9);
    expectNodeGroups(step, plan);
    const shown = new Set(groupBeats(plan).map((b) => b.unit.index));
    expect(shown).toContain(Math.ceil(65_537 / 3) - 1); // the short last group
    const rest = plan.find((b) => b.kind === 'rest')!;
    expect(rest).toMatchObject({ others: Math.ceil(65_537 / 3) - shown.size });
    const shownChars = [...shown].reduce((sum, i) => sum + nodeGroup(Buffer.from(bytes), i).url.length, 0);
    expect(rest.kind === 'rest' && rest.others * 4 + shownChars).toBe(step.text.length);
  });

  it('for any bytes, performs each chosen group in order with Node\'s values, in at most 9 beats, the final state last', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (raw) => {
        const step = stepOf(raw);
        const plan = base64urlPlan(step);
        if (raw.length === 0) {
          expect(outline(plan)).toEqual(['empty']);
          return;
        }
        // The first group in three beats, the first "-"/"_" group and the short last one in two each, a sweep, the final.
        expect(plan.length).toBeLessThanOrEqual(9);
        expect(plan.at(-1)!.kind).toBe('final');
        expectNodeGroups(step, plan);
        const indexes = groupBeats(plan).map((b) => b.unit.index);
        expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
        const dash = step.text.search(/[-_]/);
        if (dash !== -1) expect(indexes).toContain(Math.floor(dash / 4));
        if (raw.length % 3 !== 0) expect(indexes).toContain(Math.ceil(raw.length / 3) - 1);
      }),
      { numRuns: 300 },
    );
  });
});
