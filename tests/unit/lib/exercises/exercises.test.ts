/** The exercises' checks, against numbers and tokens computed here independently (node:crypto, Buffer). */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkLengthPrediction, lengthHints } from '../../../../src/lib/exercises/base64-length';
import { checkWholeGroups, wholeGroupsExample, wholeGroupsHints } from '../../../../src/lib/exercises/whole-groups';
import { ADA_TASK, checkForgery, forgeSolution } from '../../../../src/lib/exercises/forge';

const payload = '{"name":"John Doe","iat":1687716785,"exp":1741651200}';
const header = '{"alg":"HS256","typ":"JWT"}';
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64url');
const hs256 = (h: string, p: string, secret: Buffer | string) => {
  const input = `${b64(h)}.${b64(p)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};

describe('predict the base64url length', () => {
  const bytes = Buffer.byteLength(payload);
  const chars = b64(payload).length;

  it('accepts the length Node computes, and shows the working', () => {
    const f = checkLengthPrediction(payload, ` ${chars} `);
    expect(f.kind).toBe('solved');
    expect(f.message).toContain(`${Math.floor(bytes / 3)} full groups make ${Math.floor(bytes / 3) * 4} characters`);
  });

  it('names the mistake a wrong answer implies', () => {
    expect(checkLengthPrediction(payload, String(bytes)).message).toMatch(new RegExp(`^${bytes} is the number of bytes`));
    expect(checkLengthPrediction(payload, String(Buffer.from(payload).toString('base64').length)).message).toMatch(/plain base64, with = padding/);
    expect(checkLengthPrediction(payload, '43').message).toBe(`43 is too few: it is the length for 32 bytes, and this payload has ${bytes}. Count 4 characters for every 3 bytes.`);
    expect(checkLengthPrediction(payload, '73').message).toMatch(/No base64url text is 73 characters long/);
    expect(checkLengthPrediction(payload, '100').message).toMatch(/100 is too many: it is the length for 75 bytes/);
    for (const answer of ['', 'seventy', '7.5', '-3']) expect(checkLengthPrediction(payload, answer).kind).toBe('invalid');
  });

  it('gives hints with this payload’s numbers', () => {
    const hints = lengthHints(payload);
    expect(hints).toHaveLength(3);
    expect(hints[1]).toContain(`${bytes} bytes are ${Math.floor(bytes / 3)} full groups`);
    expect(hints[2]).toContain(`${bytes % 3} bytes left over become ${chars - Math.floor(bytes / 3) * 4} characters`);
  });
});

describe('make the payload end on a whole group', () => {
  it('accepts a payload whose byte count is a multiple of 3 and says how far others are', () => {
    const solved = payload.replace('John Doe', 'John Does');
    expect(Buffer.byteLength(solved) % 3).toBe(0);
    expect(checkWholeGroups(payload, solved).kind).toBe('solved');
    const off = payload.replace('John Doe', 'John Do');
    const m = Buffer.byteLength(off);
    const spare = b64(off).length * 6 - m * 8;
    expect(checkWholeGroups(payload, off)).toEqual({
      kind: 'wrong',
      message: `Your payload is ${m} bytes: 1 byte left over after the full groups, which become 2 characters with ${spare} spare bits. Add 2 bytes or remove 1 byte.`,
    });
  });

  it('counts bytes, not characters', () => {
    // Same number of characters as the start, one byte more: 54, a whole number of groups.
    const accented = payload.replace('John Doe', 'Jöhn Doe');
    expect(accented.length).toBe(payload.length);
    expect(Buffer.byteLength(accented) % 3).toBe(0);
    expect(checkWholeGroups(payload, accented).kind).toBe('solved');
  });

  it('asks for JSON and for a change before judging', () => {
    expect(checkWholeGroups(payload, payload).kind).toBe('invalid');
    const broken = checkWholeGroups(payload, '{"name":');
    expect(broken.kind).toBe('invalid');
    expect(broken.message).toMatch(/^The payload must stay a JSON object: /);
    expect(wholeGroupsHints(payload)[2]).toBe('Lengthen the name by 1 character, or shorten it by 2 characters.');
  });
});

describe('forge a token the verifier accepts', () => {
  const ada = payload.replace('John Doe', 'Ada');

  it('accepts a token signed with the secret whose name is Ada', async () => {
    expect((await checkForgery(ADA_TASK, hs256(header, ada, 'super-secret'))).kind).toBe('solved');
  });

  it('explains each refusal', async () => {
    const original = hs256(header, payload, 'super-secret');
    expect((await checkForgery(ADA_TASK, original)).message).toMatch(/accepts this token, but its "name" is "John Doe", not "Ada"/);

    const [h, , s] = original.split('.');
    expect((await checkForgery(ADA_TASK, `${h}.${b64(ada)}.${s}`)).message).toMatch(/signature still belongs to the old payload/);

    const asBase64 = hs256(header, ada, Buffer.from('super-secret', 'base64url'));
    expect((await checkForgery(ADA_TASK, asBase64)).message).toMatch(/read as base64url bytes/);

    const none = `${b64('{"alg":"none"}')}.${b64(ada)}.`;
    expect((await checkForgery(ADA_TASK, none)).message).toMatch(/accepts only HS256, and "none" means no signature/);

    const expired = hs256(header, '{"name":"Ada","exp":1687716000}', 'super-secret');
    const f = await checkForgery(ADA_TASK, expired);
    expect(f.kind).toBe('wrong');
    expect(f.message).toMatch(/^Refused: .*exp/i);

    expect((await checkForgery(ADA_TASK, '  ')).kind).toBe('invalid');
    expect((await checkForgery(ADA_TASK, 'not a token')).kind).toBe('wrong');
  });

  it('works the solution out with the secret', async () => {
    const solution = await forgeSolution(ADA_TASK, header, payload);
    expect(solution.payload).toBe(ada);
    expect(solution.token).toBe(hs256(header, ada, 'super-secret'));
  });
});

describe('the worked payload', () => {
  it('is the start with the name lengthened to a whole number of groups', () => {
    const example = wholeGroupsExample(payload);
    expect(example).toBe(payload.replace('John Doe', 'John Does'));
    expect(Buffer.byteLength(example) % 3).toBe(0);
  });
});
