/** Spare bits: twins computed from the alphabet, checked against Node's lenient base64url decoder and our strict one. */
import { describe, expect, it } from 'vitest';
import { ALPHABET, base64urlDecode, base64urlEncode } from '../../../src/lib/jwt';
import { canonicalEnding, lastCharacter, noLastCharacterReason, spareBitCount, withLastCharacter } from '../../../src/lib/spare-bits';

/** Node's decoder ignores spare bits: the lenient library of the chapter. */
const lenient = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

describe('spareBitCount', () => {
  it('is 0, 4 or 2 for lengths that bytes encode to, as many bits as 6 per character exceed 8 per byte', () => {
    for (let bytes = 0; bytes < 12; bytes++) {
      const length = Math.ceil((bytes * 8) / 6);
      expect(spareBitCount(length)).toBe(length * 6 - bytes * 8);
    }
    expect(spareBitCount(5)).toBeUndefined();
  });
});

describe('lastCharacter', () => {
  it('finds, for every length and ending, exactly the characters a lenient decoder cannot tell apart', () => {
    for (let n = 1; n <= 6; n++) {
      for (let byte = 0; byte < 256; byte += 37) {
        const bytes = Uint8Array.from({ length: n }, (_, i) => (byte * (i + 3)) % 256);
        const text = base64urlEncode(bytes);
        const last = lastCharacter(text)!;
        expect(last.char).toBe(text.at(-1));
        expect(last.canonical).toBe(last.char);
        expect(last.twins).toHaveLength(2 ** last.spareBits - 1);
        for (const char of ALPHABET) {
          const changed = withLastCharacter(text, char);
          const same = Buffer.from(lenient(changed)).equals(Buffer.from(bytes));
          // A twin reads as the same bytes leniently; any other character reads as different bytes.
          expect(same).toBe(char === last.char || last.twins.includes(char));
          if (last.twins.includes(char)) {
            expect(() => base64urlDecode(changed, 'signature')).toThrow(/bits set that belong to no byte/);
            expect(canonicalEnding(changed)).toBe(text);
          }
        }
      }
    }
  });

  it('gives the 43-character HS256 signature three twins, and a length with no spare bits none', () => {
    const signature = 'Vwrb-zbkQiDAoS3hejME3pWooCHUyv1vb0PLLBTeWJQ';
    expect(lastCharacter(signature)).toMatchObject({ index: 42, char: 'Q', spareBits: 2, canonical: 'Q', twins: ['R', 'S', 'T'] });
    expect(lastCharacter('abcd')).toMatchObject({ spareBits: 0, twins: [] });
  });

  it('has nothing to say about text no bytes encode to', () => {
    expect(lastCharacter('')).toBeUndefined();
    expect(lastCharacter('abcde')).toBeUndefined();
    expect(lastCharacter('ab=')).toBeUndefined();
  });
});

describe('noLastCharacterReason', () => {
  it('names what is missing or wrong, and nothing for a signature with a last character', () => {
    expect(noLastCharacterReason('abc.def')).toBe('This token has 2 segments, so no signature segment: a signed token has three, separated by two dots.');
    expect(noLastCharacterReason('abc')).toContain('This token has 1 segment,');
    expect(noLastCharacterReason('a.b.')).toBe('The signature segment is empty: there is no last character to swap.');
    expect(noLastCharacterReason('a.b.ab=')).toBe('The signature\'s last character "=" is not a base64url character.');
    expect(noLastCharacterReason('a.b.abcde')).toContain('has 5 characters: no bytes encode to that length');
    expect(noLastCharacterReason(`a.b.${base64urlEncode(new Uint8Array([1, 2]))}`)).toBeUndefined();
  });
});
