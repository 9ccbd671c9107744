/** emShape: an encoded message's parts from its bytes alone, without reading its DigestInfo as DER. */
import { describe, expect, it } from 'vitest';
import { emShape } from '../../../../src/lib/jwt';

describe('emShape', () => {
  it('finds the parts of a small EM, and leaves its DigestInfo as bytes', () => {
    const em = Uint8Array.of(0, 1, ...new Array(8).fill(0xff), 0, 0x30, 0x05, 0x04);
    const shape = emShape(em);
    if (!shape.ok) throw new Error(shape.problem);
    expect(shape.parts.map((p) => [p.name, p.offset, p.bytes.length])).toEqual([
      ['zero', 0, 1], ['type', 1, 1], ['padding', 2, 8], ['separator', 10, 1], ['digest-info', 11, 3],
    ]);
    expect(shape.digestInfo).toEqual(Uint8Array.of(0x30, 0x05, 0x04));
    expect('digestInfoDer' in shape).toBe(false);
  });

  it('says at which byte noise stops looking like an encoded message', () => {
    const em = new Uint8Array(256).fill(0xff);
    em[0] = 0;
    em[1] = 1;
    expect(emShape(em)).toEqual({ ok: false, offset: 256, problem: 'EM ends after 256 bytes, before the zero that ends the padding, after 254 bytes of FF.' });
    em[0] = 0x3a;
    expect(emShape(em)).toMatchObject({ ok: false, offset: 0, problem: 'Byte 1 (offset 0) is 3A, where an encoded message has 00 (the leading zero).' });
    em[0] = 0;
    em[1] = 2;
    expect(emShape(em)).toMatchObject({ ok: false, offset: 1 });
    expect(emShape(Uint8Array.of(0, 1, 0xff, 0xff, 0, 0x30, 0))).toMatchObject({ ok: false, problem: expect.stringContaining('only 2 bytes of FF') });
  });

});
