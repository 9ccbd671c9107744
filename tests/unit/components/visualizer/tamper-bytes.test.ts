/** Where a tamper-mode change lands in the decoded bytes, checked against Buffer's own base64url decoding. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changedRows, changedSegments } from '../../../../src/components/visualizer/tamper-bytes';
import { flip } from '../../../../src/components/visualizer/tamper-cells';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const input = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64('{"sub":"ada","admin":false}')}`;
const token = `${input}.${createHmac('sha256', 'secret').update(input).digest('base64url')}`;
const start = (segment: number) => token.split('.').slice(0, segment).join('.').length + (segment ? 1 : 0);

/** Offsets where Buffer decodes the two texts differently. */
function bufferDiff(a: string, b: string): number[] {
  const [x, y] = [Buffer.from(a, 'base64url'), Buffer.from(b, 'base64url')];
  return Array.from({ length: Math.max(x.length, y.length) }, (_, i) => i).filter((i) => x[i] !== y[i]);
}

describe('changedSegments', () => {
  it('finds nothing when nothing changed', () => {
    expect(changedSegments(token, token)).toEqual([]);
  });

  it('names the payload bytes one changed character changes, as Buffer decodes them', () => {
    for (const at of [0, 1, 2, 3, 10, 21]) {
      const changed = flip(token, token, start(1) + at);
      const [segment, ...others] = changedSegments(changed, token);
      expect(others).toEqual([]);
      expect(segment).toMatchObject({ index: 1, title: 'Payload', problem: undefined });
      const [before, after] = [token.split('.')[1]!, changed.split('.')[1]!];
      expect(segment!.differing).toEqual(bufferDiff(before, after));
      expect(Buffer.from(segment!.before!)).toEqual(Buffer.from(before, 'base64url'));
      expect(Buffer.from(segment!.after!)).toEqual(Buffer.from(after, 'base64url'));
      // A character holds bits 6·at … 6·at + 5: one byte, or two neighbours.
      const bytes = new Set([Math.floor((6 * at) / 8), Math.floor((6 * at + 5) / 8)]);
      expect(segment!.differing.length).toBeGreaterThan(0);
      for (const offset of segment!.differing) expect(bytes.has(offset)).toBe(true);
    }
  });

  it('lists each changed segment, header and signature alike', () => {
    const changed = flip(flip(token, token, 0), token, start(2) + 5);
    const segments = changedSegments(changed, token);
    expect(segments.map((s) => [s.index, s.title])).toEqual([[0, 'Header'], [2, 'Signature']]);
    expect(segments[0]!.differing).toEqual(bufferDiff(token.split('.')[0]!, changed.split('.')[0]!));
    expect(segments[1]!.differing).toEqual(bufferDiff(token.split('.')[2]!, changed.split('.')[2]!));
  });

  it('says why a changed segment no longer decodes: the last character of a 32-byte signature has spare bits', () => {
    const signature = token.split('.')[2]!;
    expect(signature).toHaveLength(43); // 32 bytes: the last character carries 4 bits and 2 spare ones
    const last = token.length - 1;
    const changed = flip(token, token, last);
    const [segment] = changedSegments(changed, token);
    expect(segment).toMatchObject({ index: 2, title: 'Signature', after: undefined, differing: [] });
    expect(segment!.problem).toMatch(/signature segment/);
    expect(Buffer.from(segment!.before!)).toEqual(Buffer.from(signature, 'base64url'));
  });

  it('names the five parts of an encrypted token, and any segment of a token of no known shape by its number', () => {
    const jwe = `${b64('{"alg":"dir","enc":"A128GCM"}')}.a2V5.aXY.Y2lwaGVy.dGFn`;
    const changed = flip(jwe, jwe, jwe.lastIndexOf('.') - 2);
    expect(changedSegments(changed, jwe).map((s) => s.title)).toEqual(['Ciphertext']);
    const four = 'YQ.Yg.Yw.ZA';
    expect(changedSegments(flip(four, four, 9), four).map((s) => s.title)).toEqual(['Segment 4']);
  });

  it('compares no bytes when the segment as typed was not base64url', () => {
    const typed = `${token.slice(0, start(1))}🎉${token.slice(start(1) + 1)}`;
    const changed = flip(typed, typed, start(1));
    const [segment] = changedSegments(changed, typed);
    expect(segment).toMatchObject({ index: 1, before: undefined, differing: [], problem: undefined });
    expect(segment!.after).toBeDefined();
  });
});

describe('changedRows', () => {
  const segment = (before: string, after: string) => changedSegments(`${b64('{}')}.${b64(after)}`, `${b64('{}')}.${b64(before)}`)[0]!;

  it('shows the row of 8 bytes a change is in, each byte in hex and as its character, the changed one marked', () => {
    const { rows, more } = changedRows(segment('{"sub":"ada","admin":false}', '{"sub":"ada","admin":fals3}'));
    expect(more).toBe(0);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.offset).toBe(24);
    expect(rows[0]!.cells.map((c) => [c.index, c.beforeChar, c.afterChar, c.differs])).toEqual([
      [24, 's', 's', false], [25, 'e', '3', true], [26, '}', '}', false],
    ]);
    expect(rows[0]!.cells[1]).toMatchObject({ before: '65', after: '33' });
  });

  it('shows at most two rows, and counts the differing bytes outside them', () => {
    const { rows, more } = changedRows(segment('abcdefghijklmnopqrstuvwxyz', 'abcdefgHIjklmnopqrstuvwxyZ'));
    expect(rows.map((r) => r.offset)).toEqual([0, 8]);
    expect(rows.flatMap((r) => r.cells.filter((c) => c.differs).map((c) => c.index))).toEqual([7, 8]);
    expect(more).toBe(1);
  });

  it('has no rows for a segment that does not decode', () => {
    const last = token.length - 1;
    expect(changedRows(changedSegments(flip(token, token, last), token)[0]!)).toEqual({ rows: [], more: 0 });
  });
});
