/** The base64url view's cells in words, checked against Node's base64url encoder. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWords, describeCell } from '../../../../src/components/visualizer/base64-words';

const encode = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const textStep = (text: string) => {
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
  return { part: 'payload' as const, bytes, text: encode(bytes) };
};

describe('a cell in words', () => {
  it('names the characters a byte feeds, and the bytes a character comes from', () => {
    const step = textStep('Ma');
    const [c1, c2, c3] = [...encode(Buffer.from('Ma'))];
    const first = cellWords(step, { lane: 'byte', index: 0 });
    expect(first).toMatchObject({ before: 'Byte 1 of 2: hex ', shows: '4d', extra: 'M' });
    expect(first.after).toBe(`, bits 01001101; feeds characters 1 (“${c1}”) and 2 (“${c2}”)`);
    expect(cellWords(step, { lane: 'byte', index: 1 }).after).toContain(`feeds characters 2 (“${c2}”) and 3 (“${c3}”)`);
    expect(cellWords(step, { lane: 'char', index: 1 }).after).toContain('from bytes 1 and 2');
  });

  it('says how many zero bits pad the last character', () => {
    // 2 bytes = 16 bits fill three characters (18 bits): 2 zero bits; 1 byte fills two (12 bits): 4.
    expect(cellWords(textStep('Ma'), { lane: 'char', index: 2 }).after).toContain('its last 2 bits are zero padding');
    expect(cellWords(textStep('M'), { lane: 'char', index: 1 }).after).toContain('its last 4 bits are zero padding');
    expect(cellWords(textStep('Man'), { lane: 'char', index: 3 }).after).not.toContain('padding');
  });

  it('names the standard base64 character where base64url differs', () => {
    const bytes = Uint8Array.of(0xfb, 0xff);
    const step = { part: 'signature' as const, bytes, text: encode(bytes) };
    const standard = Buffer.from(bytes).toString('base64');
    expect(cellWords(step, { lane: 'char', index: 0 }).after).toContain(
      `standard base64 writes “${standard[0]}” here, base64url “${step.text[0]}”`,
    );
    expect(cellWords(step, { lane: 'char', index: 1 }).after).toContain(`writes “${standard[1]}” here`);
  });

  it('gives a signature byte no character, a text byte its character or ␣', () => {
    const bytes = Uint8Array.of(0x41, 0x20, 0x0a);
    expect(cellWords({ part: 'signature', bytes, text: encode(bytes) }, { lane: 'byte', index: 0 }).extra).toBeUndefined();
    const step = { part: 'header' as const, bytes, text: encode(bytes) };
    expect([0, 1, 2].map((index) => cellWords(step, { lane: 'byte', index }).extra)).toEqual(['A', '␣', undefined]);
    expect(describeCell(step, { lane: 'byte', index: 0 })).toMatch(/^Byte 1 of 3: hex 41 \(“A”\), bits 01000001; feeds/);
  });

  it('shows what the encoder writes, for every byte and character of any input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (bytes) => {
        const step = { part: 'signature' as const, bytes, text: encode(bytes) };
        step.text.split('').forEach((c, index) => expect(cellWords(step, { lane: 'char', index }).shows).toBe(c));
        bytes.forEach((b, index) => expect(cellWords(step, { lane: 'byte', index }).shows).toBe(b.toString(16).padStart(2, '0')));
      }),
    );
  });

  it('says nothing about a position past the end', () => {
    expect(cellWords(textStep('Ma'), { lane: 'byte', index: 3 })).toEqual({ before: '', shows: '', after: '' });
  });
});
