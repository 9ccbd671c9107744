/** Chapter 1's exercises, against tokens made and read here with Node (Buffer, node:crypto). */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changedParts, readClaim, unsecuredToken, whichPartsChange } from '../../../../src/lib/exercises/reading-tokens';
import {
  READING_HEADER, READING_PAYLOAD, READING_PAYLOAD_ADA, READING_SECRET, READING_TOKEN, READING_TOKEN_ADA,
} from '../../../../src/components/exercises/reading-example';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const hs256 = (payload: string) => {
  const input = `${b64(READING_HEADER)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', READING_SECRET).update(input).digest('base64url')}`;
};
const token = hs256(READING_PAYLOAD);
const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('the given tokens', () => {
  it('are what node:crypto signs, the second with only the name changed', () => {
    expect(READING_TOKEN).toBe(token);
    expect(READING_TOKEN_ADA).toBe(hs256(READING_PAYLOAD_ADA));
    expect(JSON.parse(READING_PAYLOAD_ADA)).toEqual({ ...claims, name: 'Ada' });
  });
});

describe('read a claim', () => {
  it('shows the token Node signs and accepts the value Node decodes', async () => {
    const d = readClaim(READING_TOKEN, 'name');
    expect(d.prompt).toContainEqual({ code: token });
    expect((await d.check(` ${String(claims.name)} `)).kind).toBe('solved');
    expect((await d.check(`"${String(claims.name)}"`)).kind).toBe('solved');
    expect(d.hints).toHaveLength(3);
  });

  it('says what a wrong value is', async () => {
    const d = readClaim(READING_TOKEN, 'name');
    expect((await d.check(String(claims.sub))).message).toBe(`"${String(claims.sub)}" is the value of "sub", another claim in the same payload. Look for the member named "name".`);
    expect((await d.check('HS256')).message).toMatch(/^"HS256" is the header's "alg"/);
    expect((await d.check(token.split('.')[1]!.slice(0, 10))).message).toMatch(/is base64url text copied from the token itself/);
    expect((await d.check('John Doe')).message).toMatch(/^No claim in this payload has the value "John Doe"/);
    expect((await d.check('  ')).kind).toBe('invalid');
  });
});

describe('which parts change', () => {
  const after = hs256(READING_PAYLOAD_ADA);

  it('compares the parts of two tokens', () => {
    expect(changedParts(token, after)).toEqual(['payload', 'signature']);
  });

  it('accepts the payload and the signature, and explains the others', async () => {
    const d = whichPartsChange(READING_TOKEN, READING_TOKEN_ADA, 'name');
    expect(d.reveal).toContainEqual({ code: after });
    expect((await d.check('payload-signature')).kind).toBe('solved');
    expect((await d.check('payload')).message).toContain(`"${token.split('.')[2]!.slice(0, 8)}…" becomes "${after.split('.')[2]!.slice(0, 8)}…"`);
    expect((await d.check('all')).message).toContain(`"${b64(READING_HEADER)}"`);
    expect((await d.check('signature')).message).toMatch(/^The payload's JSON changed/);
    expect((await d.check('')).kind).toBe('invalid');
  });
});

describe('take the signature away', () => {
  const [, payloadPart, signature] = token.split('.') as [string, string, string];
  const none = b64('{"alg":"none","typ":"JWT"}');

  it('starts from the signed token and accepts an unsecured one with the same claims', async () => {
    const d = unsecuredToken(READING_TOKEN);
    expect(d.start).toBe(token);
    expect((await d.check(`${none}.${payloadPart}.`)).kind).toBe('solved');
    expect((await d.check(`${b64('{"alg":"none"}')}.${payloadPart}.`)).kind).toBe('solved');
    expect(await d.live!(`${none}.${payloadPart}.`)).toBe('Now: 3 parts; the header\'s alg is "none"; the signature is 0 characters.');
  });

  it('names what is still wrong', async () => {
    const d = unsecuredToken(READING_TOKEN);
    expect((await d.check(token)).kind).toBe('invalid');
    expect((await d.check(`${none}.${payloadPart}`)).message).toMatch(/^Your token has 2 parts/);
    expect((await d.check(`${token.split('.')[0]}.${payloadPart}.`)).message).toMatch(/still says "alg": "HS256"/);
    expect((await d.check(`${none}.${payloadPart}.${signature}`)).message).toMatch(/third part still has 43 characters, the old HMAC/);
    expect((await d.check(`${none}.${b64('{"name":"Ada"}')}.`)).message).toMatch(/^The payload changed/);
    expect((await d.check(`${none}.${payloadPart}=.`)).message).toMatch(/^This does not decode/);
  });
});
